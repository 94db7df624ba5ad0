// Every message the channel sends itself (answers to people) takes its place in the platform's send budget, the
// same one the delivery workers' broadcasts draw on, in the replies' lane: so the two together never go past
// Telegram's limit, and a broadcast never leaves an answer without room.
import type { Transformer } from "grammy";
import type { ReplyBudget } from "../../core/types.ts";

/** The calls Telegram counts as messages sent. */
const SENDS = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup"]);

export function pacedCalls(budget: ReplyBudget): Transformer {
  return async (prev, method, payload, signal) => {
    if (!SENDS.has(method)) return prev(method, payload, signal);
    const answered = await budget.take("telegram");
    try {
      return await prev(method, payload, signal);
    } finally {
      await answered();
    }
  };
}
