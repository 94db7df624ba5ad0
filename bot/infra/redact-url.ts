// Query values that are credentials never reach a log line: a caller may put a token in a URL (`?token=`,
// `/metrics?token=`, a webhook's `?secret_token=`) however often we tell them not to, and the URL is logged with
// every request. Works on any text (a URL alone, or a message quoting one), so an error message is covered too.

/** Parameter names whose values are credentials: token, secret_token, access_token, api_key, password, sig… */
const CREDENTIAL_NAME =
  /token|secret|passw(or)?d|pwd|signature|credential|api_?key|auth|session|cookie|^(key|sig|sign|pass|sid|otp|ticket)$|_key$|key_|_sig$/;

export const REDACTED = "…";

function isCredentialName(raw: string): boolean {
  let name = raw;
  try {
    // `%74oken` is `token` to the server that parses it, so it is to us.
    name = decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    // A malformed escape: judge the name as written.
  }
  return CREDENTIAL_NAME.test(name.trim().toLowerCase().replaceAll("-", "_"));
}

// A parameter: after ? & or ;, a name, =, a value up to the next separator or the end of the URL in the text.
const PARAMETER = /([?&;])([^=&;#\s?"'<>]+)=([^&;#\s"'<>]*)/g;

/** The text with the value of every credential-like query parameter replaced by "…". */
export function redactUrl(text: string): string {
  if (!text.includes("=")) return text;
  return text.replace(PARAMETER, (whole, sep: string, name: string, value: string) =>
    value && isCredentialName(name) ? `${sep}${name}=${REDACTED}` : whole,
  );
}
