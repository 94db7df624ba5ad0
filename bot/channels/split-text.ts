// Platforms refuse long texts (Telegram: 4096 characters); long replies go out as several messages, cut where a reader
// would pause (paragraph, line, sentence, word) and never inside a surrogate pair.

export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

// Cut after these, best first. Chinese text has no spaces, so its sentence ends come before the space.
const BOUNDARIES = ["\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "，", ", ", " "];

/** Splits `text` into parts of at most `limit` UTF-16 units (how Telegram counts). */
export function splitText(text: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const end = cutPoint(rest, limit);
    const part = rest.slice(0, end).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(end).replace(/^\s*\n/, "");
  }
  if (rest.trim()) parts.push(rest.trimEnd());
  return parts;
}

function cutPoint(text: string, limit: number): number {
  // A boundary in the first half would leave a stub of a message; a hard cut reads better then.
  const atLeast = Math.floor(limit / 2);
  for (const boundary of BOUNDARIES) {
    const at = text.lastIndexOf(boundary, limit - boundary.length);
    if (at >= atLeast) return at + boundary.length;
  }
  const code = text.charCodeAt(limit - 1);
  const highSurrogate = code >= 0xd800 && code <= 0xdbff;
  return highSurrogate ? limit - 1 : limit;
}
