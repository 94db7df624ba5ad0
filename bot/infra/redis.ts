import { Redis } from "ioredis";

const CLIENT_COMMAND_TIMEOUT_MS = 3_000;

/**
 * BullMQ's production guide: workers need `maxRetriesPerRequest: null` so a Redis blip pauses them instead of
 * failing jobs; connections that serve chat requests should fail fast instead. The retry count alone is not
 * enough: it restarts whenever a TCP connection opens, so behind something that accepts and then closes (a
 * container's port proxy with Redis gone) a command would wait for ever; the timeout turns that into an error
 * the chat can answer "busy" to.
 */
export function createRedis(url: string, role: "worker" | "client") {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    // The chat's client sends the commands of every message in flight in one write per tick: with hundreds of
    // chats at once that is a fraction of the socket writes (each a system call). Never for workers: BullMQ's
    // blocking commands would hold up the pipeline behind them.
    ...(role === "client" ? { commandTimeout: CLIENT_COMMAND_TIMEOUT_MS, enableAutoPipelining: true } : {}),
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    lazyConnect: false,
  });
}
