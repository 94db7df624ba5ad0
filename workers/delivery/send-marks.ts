// Whether a send began: set in Redis right before the platform is called, at most once per outbox row. A row a dead
// worker left in SENDING without this mark was never sent (the worker died between its claim and the send), so it
// goes out now; with the mark, whether the platform got it is unknown, and it is never sent again. Setting it is
// also the last word between two workers holding the same row (one lost its job lock while paused): only the one
// whose mark took sends.
import type { Redis } from "ioredis";

/** Longer than any row stays in SENDING: the reconciler and stalled-job checks settle it within minutes. */
const MARK_TTL_MS = 7 * 24 * 3600 * 1000;

export function createSendMarks(redis: Redis, keyPrefix: string) {
  const key = (outboxId: string) => `${keyPrefix}:send-began:${outboxId}`;
  return {
    /** True when this caller may send (the mark was not there yet). */
    async begin(outboxId: string): Promise<boolean> {
      return (await redis.set(key(outboxId), "1", "PX", MARK_TTL_MS, "NX")) === "OK";
    },
    /** The send was refused by the platform (nothing delivered): the row may be sent on its next try. */
    async clear(outboxId: string): Promise<void> {
      await redis.del(key(outboxId));
    },
    async began(outboxId: string): Promise<boolean> {
      return (await redis.exists(key(outboxId))) === 1;
    },
  };
}
