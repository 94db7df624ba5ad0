// How a send ended, kept in Redis until PostgreSQL has it. Whether a send began is PostgreSQL's to say (the claim
// sets `sendBeganAt` right before the platform is called, outbox-rows.ts): Redis may lose its data at any moment,
// and a fact lost with it must never let a message go out twice. What Redis adds is the platform's answer: it is
// written here before PostgreSQL is told, so if the database is down at that moment the next try of the job (or
// the reconciler's re-queue) finds the outcome here and records it, instead of calling a delivered message
// "outcome unknown". If Redis lost it instead, the row ends FAILED "outcome unknown": at most once, visibly.
// Each mark names the claim it belongs to (its `sendBeganAt`): a mark left from an earlier try of the same row is
// ignored.
import type { Redis } from "ioredis";

/** Longer than any row stays in SENDING: the reconciler and stalled-job checks settle it within minutes. */
const MARK_TTL_MS = 7 * 24 * 3600 * 1000;

/** What the platform said, kept until PostgreSQL has it. UNSENT: it refused, nothing was delivered, try again. */
export type KnownOutcome =
  | { status: "SENT"; at: number }
  | { status: "BLOCKED" }
  | { status: "FAILED"; reason: string }
  | { status: "UNSENT" };

type Stored = KnownOutcome & { began: number };

export function createSendMarks(redis: Redis, keyPrefix: string) {
  const key = (outboxId: string) => `${keyPrefix}:send-outcome:${outboxId}`;
  return {
    /** The platform answered the send the claim at `began` allowed. */
    async settle(outboxId: string, began: Date, outcome: KnownOutcome): Promise<void> {
      const stored: Stored = { ...outcome, began: began.getTime() };
      await redis.set(key(outboxId), JSON.stringify(stored), "PX", MARK_TTL_MS);
    },
    /** The answer to the send the claim at `began` allowed, if Redis has it. */
    async read(outboxId: string, began: Date | null): Promise<KnownOutcome | null> {
      if (!began) return null;
      const value = await redis.get(key(outboxId));
      if (value === null) return null;
      try {
        const { began: markBegan, ...outcome } = JSON.parse(value) as Stored;
        return markBegan === began.getTime() ? outcome : null;
      } catch {
        return null;
      }
    },
  };
}
