// Our own storage (PostgreSQL, Redis) out of reach: the person is told "busy, try again" instead of nothing, and
// a channel that can have the platform deliver the message again (Telegram's webhook) does that instead.
import type { I18n, Locale } from "./i18n.ts";
import type { Reply } from "./types.ts";

/** The intent of the busy reply; channels look for it to release their claim on the message. */
export const UNAVAILABLE_INTENT = "unavailable";

export function unavailableReply(i18n: I18n, locale: Locale): Reply {
  return { text: i18n.t(locale, "core-busy"), intent: UNAVAILABLE_INTENT };
}

export function isUnavailableReply(replies: readonly Reply[]): boolean {
  return replies.some((r) => r.intent === UNAVAILABLE_INTENT);
}

// Node's socket errors, PostgreSQL's "connection exception" and "operator intervention" classes, too many
// connections, and Prisma's "can't reach / closed / pool timeout" codes; P2028 is an interactive transaction that
// could not start (no pool slot in time) or ran out of time under load and was rolled back: busy, not a bug.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
]);
// What pg and ioredis say when the connection is gone; they set no code for these.
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is closed/i,
  /command timed out/i,
  /max retries per request/i,
  /stream isn't writeable/i,
  /can't reach database server/i,
];

/** Whether an error means PostgreSQL or Redis could not be reached (rather than a bug or bad data). */
export function isUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, message, name, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string" && (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (name === "MaxRetriesPerRequestError") return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
