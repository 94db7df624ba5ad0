// Liveness and readiness: /healthz says the process runs, /readyz that PostgreSQL and Redis answer.
import type { FastifyPluginAsync } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "../infra/db.ts";

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>) {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), PROBE_TIMEOUT_MS).unref()),
  ]);
}

export const healthRoutes: FastifyPluginAsync<{ db: Db; redis: Redis }> = async (app, { db, redis }) => {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_req, reply) => {
    const [postgres, redisCheck] = await Promise.allSettled([
      withTimeout(db.$queryRaw`SELECT 1`),
      withTimeout(redis.ping()),
    ]);
    const checks = {
      postgres: postgres.status === "fulfilled" ? "ok" : "down",
      redis: redisCheck.status === "fulfilled" ? "ok" : "down",
    };
    const ready = checks.postgres === "ok" && checks.redis === "ok";
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ok" : "unavailable", checks });
  });
};
