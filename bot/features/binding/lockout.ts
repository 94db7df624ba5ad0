// Failed binding attempts and the locks they lead to, in Redis. Each chat identity and each member has a sliding
// window of failures (a sorted set scored by the app clock) and, once locked, a lock key holding when it lifts.
// Keys carry a Redis TTL as well, so a lock lifts by itself even if nobody ever asks again.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { FAILURE_WINDOW_MS, LOCK_MS, lockedUntil, reachesLock, windowStart } from "./rules.ts";

export type LockSubject = { kind: "identity"; id: number } | { kind: "member"; id: number };

export interface FailureOutcome {
  failures: number;
  /** Set when this failure locked the subject (only the one failure that set the lock gets it). */
  newlyLocked: Date | null;
}

export function createLockout(redis: Redis, prefix: string, now: () => Date) {
  const failsKey = (s: LockSubject) => `${prefix}:bind-fails:${s.kind}:${s.id}`;
  const lockKey = (s: LockSubject) => `${prefix}:bind-lock:${s.kind}:${s.id}`;

  async function lockedUntilOf(subject: LockSubject): Promise<Date | null> {
    const raw = await redis.get(lockKey(subject));
    if (!raw) return null;
    const until = new Date(Number(raw));
    return until > now() ? until : null;
  }

  return {
    /** When the first of the subjects' locks lifts, or null when none is locked. */
    async lockedUntil(...subjects: LockSubject[]): Promise<Date | null> {
      const locks = await Promise.all(subjects.map(lockedUntilOf));
      const held = locks.filter((d): d is Date => d !== null);
      return held.length ? new Date(Math.max(...held.map((d) => d.getTime()))) : null;
    },

    async recordFailure(subject: LockSubject): Promise<FailureOutcome> {
      const at = now();
      const key = failsKey(subject);
      const results = await redis
        .multi()
        .zremrangebyscore(key, "-inf", windowStart(at))
        .zadd(key, at.getTime(), `${at.getTime()}:${randomUUID()}`)
        .zcard(key)
        .pexpire(key, FAILURE_WINDOW_MS)
        .exec();
      const failures = Number(results?.[2]?.[1] ?? 0);
      if (!reachesLock(failures)) return { failures, newlyLocked: null };
      const until = lockedUntil(at);
      // NX: of several failures racing past the limit, one sets the lock and reports it.
      const set = await redis.set(lockKey(subject), String(until.getTime()), "PX", LOCK_MS, "NX");
      if (set !== "OK") {
        // A lock left behind by an earlier app-clock hour may still sit in Redis: replace it if it has lifted.
        if (await lockedUntilOf(subject)) return { failures, newlyLocked: null };
        await redis.set(lockKey(subject), String(until.getTime()), "PX", LOCK_MS);
      }
      await redis.del(key);
      return { failures, newlyLocked: until };
    },

    /** A successful binding forgets earlier slips. */
    async clearFailures(...subjects: LockSubject[]) {
      await redis.del(...subjects.map(failsKey));
    },

    keys: { failsKey, lockKey },
  };
}
export type Lockout = ReturnType<typeof createLockout>;
