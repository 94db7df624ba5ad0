// Telegram delivers an update again when it did not see our answer (a webhook timeout, a restart before the
// polling offset moved on). The first delivery claims the update_id in Redis; the others are dropped.
import type { Redis } from "ioredis";

/** Telegram keeps undelivered updates for 24 hours; a claim must outlive that. */
const CLAIM_TTL_SEC = 25 * 60 * 60;

export function createUpdateClaims(redis: Redis, prefix: string) {
  return async function claim(updateId: number): Promise<boolean> {
    return (await redis.set(`${prefix}:tg-update:${updateId}`, "1", "EX", CLAIM_TTL_SEC, "NX")) === "OK";
  };
}
