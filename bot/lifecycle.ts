// Graceful shutdown: on SIGTERM/SIGINT stop taking work, let what is in flight finish, close connections, exit 0.
// If that takes longer than SHUTDOWN_TIMEOUT_MS, exit 1 rather than hang.
import type { Logger } from "./infra/logger.ts";

export type Closer = { name: string; close: () => Promise<unknown> };

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
        await c.close().catch((err: unknown) => logger.warn({ err, closer: c.name }, "close failed"));
      }
      clearTimeout(timer);
      logger.info("stopped");
    })();
    return stopping;
  };
  process.once("SIGTERM", () => void stop("SIGTERM").then(() => process.exit(0)));
  process.once("SIGINT", () => void stop("SIGINT").then(() => process.exit(0)));
  return stop;
}
