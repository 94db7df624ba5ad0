// Graceful shutdown: on SIGTERM/SIGINT stop taking work, let what is in flight finish, close connections, exit 0.
// If that takes longer than SHUTDOWN_TIMEOUT_MS, exit 1 rather than hang.
// Also: a Redis outage is reported once, not once per reconnect attempt.
import type { Redis } from "ioredis";
import type { Logger } from "./infra/logger.ts";

export type Closer = { name: string; close: () => Promise<unknown> };

/**
 * Install before starting anything that can block on a dependency (workers wait for Redis): a signal that arrives
 * while the process is still starting then closes what has started so far, instead of killing it mid-way.
 * `closers` is read when the signal comes, so it lists only what exists by then.
 */
export function onShutdown(logger: Logger, timeoutMs: number, closers: () => Closer[]) {
  let stopping: Promise<void> | undefined;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, "shutting down");
      const timer = setTimeout(() => {
        logger.error("shutdown timed out");
        process.exit(1);
      }, timeoutMs);
      timer.unref();
      // In order: the first closers stop intake (channels, HTTP), the last release connections.
      for (const c of closers()) {
        const started = Date.now();
        await c.close().catch((err: unknown) => logger.warn({ err, closer: c.name }, "close failed"));
        logger.debug({ closer: c.name, ms: Date.now() - started }, "closed");
      }
      clearTimeout(timer);
      logger.info("stopped");
    })();
    return stopping;
  };
  // Exit explicitly: the wasm schema engine (prepareDatabase) leaves a 10-second timer behind.
  process.once("SIGTERM", () => void stop("SIGTERM").then(() => process.exit(0)));
  process.once("SIGINT", () => void stop("SIGINT").then(() => process.exit(0)));
  return stop;
}

type ErrorSource = { on(event: "error", listener: (err: Error) => void): unknown };

/**
 * ioredis retries a lost connection for ever (good: the process waits for Redis instead of crash-looping), but with
 * no 'error' listener it prints a stack trace for every attempt, and BullMQ queues do the same through console.error.
 * This logs one warning when Redis goes away and one line when the client is back; /readyz says "redis: down" between.
 */
export function reportRedisOutages(logger: Logger, client: Redis, others: ErrorSource[] = []) {
  let down = false;
  const onError = (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ reason: (err as { code?: string }).code ?? err.message }, "Redis unavailable; retrying");
  };
  client.on("error", onError);
  for (const source of others) source.on("error", onError);
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info("Redis available again");
  });
}

/**
 * quit() waits for Redis to acknowledge. While Redis is unreachable a connection with queued commands (BullMQ's, which
 * retries without limit) would wait for ever and hold the shutdown until its timeout, so one that is not ready is
 * dropped instead: nothing it still holds could reach Redis anyway.
 */
export async function quitRedis(redis: Redis): Promise<void> {
  if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
