// Per-chat send limits, shared by every worker process through Redis (rate-limiter-flexible). A job over its
// chat's limit is not made to wait inside the worker: the caller delays it by the returned time.
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { PlatformName } from "../../bot/core/types.ts";
import type { PlatformLimit, Window } from "./platform-limits.ts";

/**
 * Added to every window: the platform measures arrivals, we measure departures, and two sends a window apart can
 * arrive closer than that when the first was slower on the way.
 */
export const WINDOW_MARGIN_MS = 50;

// rate-limiter-flexible's own script keeps whole seconds (EX); this one keeps the window in milliseconds, so a
// 1.05 s window stays 1.05 s. ARGV[4] is the limiter's duration in seconds.
const incrTtlMsScript = `
local ttlMs = math.floor(tonumber(ARGV[4]) * 1000)
redis.call('set', KEYS[1], 0, 'PX', ttlMs, 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('pexpire', KEYS[1], ttlMs)
  ttl = ttlMs
end
return {consumed, ttl}`;

export interface ChatLimiter {
  /** Takes a send slot for the chat: 0 when it may go now, else how many ms to wait before asking again. */
  reserve(platform: PlatformName, chatId: string): Promise<number>;
  /** Gives back a slot taken by `reserve` for a message that is not sent now after all. */
  release(platform: PlatformName, chatId: string): Promise<void>;
  /**
   * Starts the chat's window again now, for a message sent a while after its `reserve` (it waited for the
   * platform's pace): the window must run from the send, or the chat's next message could follow too closely.
   */
  restart(platform: PlatformName, chatId: string): Promise<void>;
}

/** How long the n-th request over the limit waits: to the end of this window, plus a window per `points` ahead. */
export function waitFor(window: Window, consumed: number, msBeforeNext: number): number {
  const over = consumed - window.points;
  if (over <= 0) return 0;
  const windowsAhead = Math.floor((over - 1) / window.points);
  return msBeforeNext + windowsAhead * (window.windowMs + WINDOW_MARGIN_MS);
}

export function createChatLimiter(
  redis: Redis,
  keyPrefix: string,
  limits: Record<PlatformName, PlatformLimit>,
): ChatLimiter {
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = (name: string, window: Window) => {
    let limiter = limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:chat-limit:${name}`,
        points: window.points,
        duration: (window.windowMs + WINDOW_MARGIN_MS) / 1000,
        customIncrTtlLuaScript: incrTtlMsScript,
      });
      limiters.set(name, limiter);
    }
    return limiter;
  };

  return {
    async reserve(platform, chatId) {
      const rule = limits[platform].chat?.(chatId);
      if (!rule) return 0;
      try {
        await limiterFor(`${platform}:${rule.kind}`, rule.window).consume(chatId);
        return 0;
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw result;
        // Rejected requests are counted too, so the n-th one waiting goes to the n-th window ahead: ten messages
        // for one chat are spread over ten windows instead of all asking again at every window.
        return Math.max(1, waitFor(rule.window, result.consumedPoints, result.msBeforeNext));
      }
    },
    async release(platform, chatId) {
      const rule = limits[platform].chat?.(chatId);
      if (rule) await limiterFor(`${platform}:${rule.kind}`, rule.window).reward(chatId, 1);
    },
    async restart(platform, chatId) {
      const rule = limits[platform].chat?.(chatId);
      if (!rule) return;
      const key = limiterFor(`${platform}:${rule.kind}`, rule.window).getKey(chatId);
      await redis.pexpire(key, rule.window.windowMs + WINDOW_MARGIN_MS);
    },
  };
}
