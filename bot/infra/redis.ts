import { Redis } from "ioredis";

/**
 * BullMQ's production guide: workers need `maxRetriesPerRequest: null` so a Redis blip pauses them instead of
 * failing jobs; connections that serve chat requests should fail fast instead.
 */
export function createRedis(url: string, role: "worker" | "client") {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    lazyConnect: false,
  });
}
