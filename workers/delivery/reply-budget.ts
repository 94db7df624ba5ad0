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

// The timer is cleared once Redis answers: every answer asks twice, and timers left to run out pile up by thousands.
function timeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("pacer timed out")), CALL_TIMEOUT_MS);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
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
