// Whether a send began, and how it ended: set in Redis right before the platform is called, at most once per outbox
// row. A row a dead worker left in SENDING without this mark was never sent (the worker died between its claim and
// the send), so it goes out now; with a bare mark, whether the platform got it is unknown, and it is never sent
// again. Setting it is also the last word between two workers holding the same row (one lost its job lock while
// paused): only the one whose mark took sends.
// Once the platform has answered, the answer is written into the mark before PostgreSQL is told: if the database
// is down at that moment, the next try of the job (or the reconciler's re-queue) finds the outcome here and
// records it, instead of calling a delivered message "outcome unknown".
import type { Redis } from "ioredis";

/** Longer than any row stays in SENDING: the reconciler and stalled-job checks settle it within minutes. */
const MARK_TTL_MS = 7 * 24 * 3600 * 1000;
const BEGAN = "1";

/** What the platform said, kept until PostgreSQL has it. */
export type KnownOutcome =
  | { status: "SENT"; at: number }
  | { status: "BLOCKED" }
  | { status: "FAILED"; reason: string };

export type SendMark = { began: true; outcome?: KnownOutcome } | null;

export function createSendMarks(redis: Redis, keyPrefix: string) {
  const key = (outboxId: string) => `${keyPrefix}:send-began:${outboxId}`;
  return {
    /** True when this caller may send (the mark was not there yet). */
    async begin(outboxId: string): Promise<boolean> {
      return (await redis.set(key(outboxId), BEGAN, "PX", MARK_TTL_MS, "NX")) === "OK";
    },
    /** The platform answered for good: kept with the mark (only while the mark is there, XX). */
    async settle(outboxId: string, outcome: KnownOutcome): Promise<void> {
      await redis.set(key(outboxId), JSON.stringify(outcome), "PX", MARK_TTL_MS, "XX");
    },
    /** The send was refused by the platform (nothing delivered): the row may be sent on its next try. */
    async clear(outboxId: string): Promise<void> {
      await redis.del(key(outboxId));
    },
    async read(outboxId: string): Promise<SendMark> {
      const value = await redis.get(key(outboxId));
      if (value === null) return null;
      if (value === BEGAN) return { began: true };
      try {
        return { began: true, outcome: JSON.parse(value) as KnownOutcome };
      } catch {
        return { began: true };
      }
    },
  };
}
