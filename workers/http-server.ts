// The workers' own HTTP port (`WORKERS_HTTP_PORT`): health and this process's counters for Prometheus, with the
// same security headers as the bot's server (one plugin for both, so they cannot drift apart).
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "../bot/config.ts";
import { healthRoutes } from "../bot/http/health.ts";
import { metricsRoutes } from "../bot/http/metrics.ts";
import { registerSecurityHeaders } from "../bot/http/security.ts";
import type { Db } from "../bot/infra/db.ts";
import type { Logger } from "../bot/infra/logger.ts";
import type { Metrics } from "../bot/infra/metrics.ts";

export interface WorkersHttpDeps {
  config: Pick<Config, "METRICS_TOKEN">;
  db: Db;
  redis: Redis;
  logger: Logger;
  metrics: Metrics;
}

export function createWorkersHttpServer(deps: WorkersHttpDeps): FastifyInstance {
  const http = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, forceCloseConnections: true });
  registerSecurityHeaders(http);
  void http.register(healthRoutes, deps);
  void http.register(metricsRoutes, { metrics: deps.metrics, token: deps.config.METRICS_TOKEN });
  return http;
}
