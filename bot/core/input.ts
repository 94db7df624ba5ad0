// What counts as usable text: bad input gets a polite answer before it reaches any feature.

/** Longest text a feature ever needs (a notice); anything longer is refused, not truncated. */
export const MAX_TEXT_LENGTH = 2000;

export type InputProblem = "empty" | "too-long" | "binary";

// C0/C1 controls except tab and newlines, and the replacement character left by broken encodings.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

export function checkText(raw: string): { text: string } | { problem: InputProblem } {
  if (raw.length > MAX_TEXT_LENGTH * 4) return { problem: "too-long" };
  const controls = raw.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls >= raw.length / 4) return { problem: "binary" };
  const text = raw.replace(CONTROL, "").replace(/\s+/g, " ").trim();
  if (!text) return { problem: "empty" };
  if (text.length > MAX_TEXT_LENGTH) return { problem: "too-long" };
  return { text };
}

/** `/me@TuanzhuBot extra` → { name: "me", arg: "extra" }; undefined when the text is not a command. */
export function parseCommand(text: string): { name: string; arg: string } | undefined {
  const match = /^\/([A-Za-z][\w]{0,31})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), arg: (match[2] ?? "").trim() };
}

/** `lang:en` → { action: "lang", arg: "en" }; undefined for anything that is not a payload we could have made. */
export function parsePayload(payload: string): { action: string; arg: string } | undefined {
  if (Buffer.byteLength(payload) > 64) return undefined;
  const match = /^([a-z][a-z0-9.-]{0,31})(?::([\w.:-]{0,60}))?$/.exec(payload);
  if (!match) return undefined;
  return { action: match[1]!, arg: match[2] ?? "" };
}
