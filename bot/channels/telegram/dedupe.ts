// Telegram delivers an update again when it did not see our answer (a webhook timeout or 5xx, a restart before
// the polling offset moved on). The first delivery claims the update_id in Redis; the others are dropped.
//
// Redis can lose the claims (FLUSHALL, a restart without persistence), so PostgreSQL keeps, per bot, the highest
// update_id handled. One row per bot is enough because Telegram's update_ids increase per bot: whatever Redis
// forgot was handled before it forgot, so it is at most the mark read right after. The first claim that finds
// Redis empty copies that mark into Redis as a floor, and from then on every update at or below the floor is a
// redelivery. Reading the mark once per loss, not once per update, also keeps updates that arrive out of order
// (different chats run in parallel, so 105 may finish before 104 starts) from being taken for old ones. What is
// not covered: an update being handled at the very moment Redis is flushed, whose redelivery lands under the floor.
import type { Redis } from "ioredis";
import { type Db, directStatements } from "../../infra/db.ts";
import { PREPARED } from "../../infra/statement-names.ts";

const WRITE_MARK = `${PREPARED}INSERT INTO telegram_update_marks (bot_id, last_update_id, updated_at)
  VALUES ($1, $2, now())
  ON CONFLICT (bot_id) DO UPDATE
    SET last_update_id = GREATEST(telegram_update_marks.last_update_id, EXCLUDED.last_update_id), updated_at = now()`;

/** Telegram keeps undelivered updates for 24 hours; a claim must outlive that. */
const CLAIM_TTL_SEC = 25 * 60 * 60;

export interface UpdateClaims {
  /** True when the update is ours to handle, false when it was (or is being) handled. Throws when Redis, or
   * PostgreSQL after a Redis loss, cannot be reached. */
  take(updateId: number): Promise<boolean>;
  /** Gives up a claim, so the redelivery of an update we could not handle is handled. */
  release(updateId: number): Promise<void>;
  /** The update was handled: moves the bot's mark in PostgreSQL forward. */
  done(updateId: number): Promise<void>;
}

export function createUpdateClaims(redis: Redis, db: Db, prefix: string, botId: number): UpdateClaims {
  const claimKey = (updateId: number) => `${prefix}:tg-update:${botId}:${updateId}`;
  const floorKey = `${prefix}:tg-update-floor:${botId}`;

  /** `kept`: the floor as Redis had it when the claim was taken (read in the same round trip). */
  async function floor(kept: string | null): Promise<number> {
    if (kept !== null) return Number(kept);
    const rows = await db.$queryRaw<{ last: bigint }[]>`
      SELECT last_update_id AS last FROM telegram_update_marks WHERE bot_id = ${BigInt(botId)}`;
    const mark = String(rows[0]?.last ?? 0n);
    // Several processes may find Redis empty at once; the first to write the floor wins (ids only grow, so any
    // of their reads is as good).
    await redis.set(floorKey, mark, "NX");
    return Number((await redis.get(floorKey)) ?? mark);
  }

  // The mark is one row per bot, so writing it per update made every update wait for the one before it (a row
  // lock held until its commit). At most one write is in flight; the updates done meanwhile share the next one,
  // which carries the highest of their ids. Each caller still returns only once a write covering its id committed.
  let running: Promise<void> = Promise.resolve();
  let queued: { max: number; written: Promise<void> } | undefined;
  const direct = directStatements(db);
  // A statement every few updates: straight through pg, where Prisma's own work on it cost more than pg's.
  const writeMark = async (updateId: number) => {
    const values = [BigInt(botId), BigInt(updateId)];
    if (direct) await direct.query(WRITE_MARK, values);
    else await db.$executeRawUnsafe(WRITE_MARK, ...values);
  };

  return {
    async take(updateId) {
      // The claim and the floor in one round trip (the floor is needed for every update that is ours), sent with
      // the other updates' commands of the same tick: an explicit pipeline would be a socket write of its own.
      const [claim, kept] = await Promise.allSettled([
        redis.set(claimKey(updateId), "1", "EX", CLAIM_TTL_SEC, "NX"),
        redis.get(floorKey),
      ]);
      if (claim.status === "rejected") throw claim.reason;
      if (claim.value !== "OK") return false;
      try {
        if (kept.status === "rejected") throw kept.reason;
        return updateId > (await floor(kept.value));
      } catch (error) {
        await redis.del(claimKey(updateId)).catch(() => undefined);
        throw error;
      }
    },
    async release(updateId) {
      await redis.del(claimKey(updateId));
    },
    done(updateId) {
      if (queued) {
        queued.max = Math.max(queued.max, updateId);
        return queued.written;
      }
      const batch = { max: updateId, written: Promise.resolve() };
      batch.written = running
        .catch(() => undefined)
        .then(async () => {
          // From here on, ids done go to the next write.
          queued = undefined;
          await writeMark(batch.max);
        });
      queued = batch;
      running = batch.written;
      return batch.written;
    },
  };
}
