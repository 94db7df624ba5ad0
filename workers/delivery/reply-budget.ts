// Direct replies (a channel answering a person) in the pacer's reply lane: they count in the platform's window like
// every delivery, and may use the share broadcasts leave them. The budget is a courtesy to the platform, never a
// reason not to answer: with Redis slow or gone, or the wait too long, the reply goes anyway.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { ReplyBudget } from "../../bot/core/types.ts";
import type { Pacer } from "./pacer.ts";

/** A reply waits at most this long for room (the reply lane is never full for longer unless replies alone fill it). */
export const REPLY_MAX_WAIT_MS = 5_000;
/** Each call to Redis, so a Redis that does not answer does not hold the reply. */
const CALL_TIMEOUT_MS = 500;

function timeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    sleep(CALL_TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error("pacer timed out");
    }),
  ]);
}

export function createReplyBudget(pacer: Pacer, maxWaitMs = REPLY_MAX_WAIT_MS): ReplyBudget {
  return {
    async take(platform) {
      const sendId = `reply-${randomUUID()}`;
      const deadline = Date.now() + maxWaitMs;
      try {
        for (let wait = await timeout(pacer.depart(platform, sendId, "reply")); wait > 0; ) {
          if (Date.now() + wait > deadline) return async () => {};
          await sleep(wait);
          wait = await timeout(pacer.depart(platform, sendId, "reply"));
        }
      } catch {
        return async () => {};
      }
      return async () => {
        await timeout(pacer.answered(platform, sendId)).catch(() => {});
      };
    },
  };
}
