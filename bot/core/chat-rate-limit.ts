// Per-chat flood control: a chat may send CHAT_RATE_PER_MINUTE messages a minute; past that it is told once
// to slow down and then ignored until the minute is over.
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { ConversationRef } from "./types.ts";

export type RateVerdict = "ok" | "warn" | "drop";

export function createChatRateLimit(redis: Redis, prefix: string, perMinute: number) {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:chat-rate`,
    points: perMinute,
    duration: 60,
  });
  return async function check(ref: ConversationRef): Promise<RateVerdict> {
    try {
      await limiter.consume(`${ref.platform}:${ref.chatId}:${ref.userId}`);
      return "ok";
    } catch (result) {
      // A Redis error lets people through: flood control is not worth an outage.
      if (!(result instanceof RateLimiterRes)) return "ok";
      // The first refused message gets the warning; later ones in the same minute are dropped silently.
      return result.consumedPoints === perMinute + 1 ? "warn" : "drop";
    }
  };
}
