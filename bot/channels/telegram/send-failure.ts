// Telegram's errors in the terms the delivery worker decides on (retry, wait, move, give up).
import { GrammyError, HttpError } from "grammy";
import type { SendFailure } from "../../core/types.ts";

export function toSendFailure(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const { error_code: code, description, parameters } = error;
    // 403: blocked by the user, kicked from the group, user deactivated, or never started the bot.
    if (code === 403) return { kind: "blocked" };
    if (code === 429) return { kind: "rate-limited", retryAfterSec: parameters.retry_after ?? 1 };
    if (parameters.migrate_to_chat_id !== undefined) {
      return { kind: "chat-moved", newChatId: String(parameters.migrate_to_chat_id) };
    }
    if (code >= 500) return { kind: "transient", reason: `${code} ${description}` };
    return { kind: "permanent", reason: `${code} ${description}` };
  }
  // The network, a timeout or Telegram's front end: worth another try later.
  if (error instanceof HttpError) return { kind: "transient", reason: error.message };
  return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
}
