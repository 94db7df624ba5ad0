// Liveness and readiness: /healthz says the process runs, /readyz that PostgreSQL and Redis answer and, in a
// process that keeps the recurring schedules (workers/schedule-keeper.ts), that none is missing.
import type { FastifyPluginAsync } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "../infra/db.ts";
import type { Metrics } from "../infra/metrics.ts";

/** A re-created schedule is reported ("recreated", still ready) this long after. */
export const RECREATED_SHOWN_MS = 10 * 60_000;

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>) {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), PROBE_TIMEOUT_MS).unref()),
  ]);
}

export const healthRoutes: FastifyPluginAsync<{ db: Db; redis: Redis; metrics?: Metrics }> = async (
  app,
  { db, redis, metrics },
) => {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_req, reply) => {
    const [postgres, redisCheck] = await Promise.allSettled([
      withTimeout(db.$queryRaw`SELECT 1`),
      withTimeout(redis.ping()),
    ]);
    const checks: Record<string, string> = {
      postgres: postgres.status === "fulfilled" ? "ok" : "down",
      redis: redisCheck.status === "fulfilled" ? "ok" : "down",
    };
    const kept = metrics?.schedules;
    if (kept?.checked) {
      const recent = kept.lastRecreatedAt !== undefined && Date.now() - kept.lastRecreatedAt < RECREATED_SHOWN_MS;
      checks.schedules = kept.missing.length ? "missing" : recent ? "recreated" : "ok";
    }
    const ready = checks.postgres === "ok" && checks.redis === "ok" && checks.schedules !== "missing";
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ok" : "unavailable", checks });
  });
};
