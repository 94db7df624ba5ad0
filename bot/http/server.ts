// The HTTP server: encapsulated plugins per concern. 4xx messages pass through, 5xx stay generic.
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { I18n } from "../core/i18n.ts";
import type { Outbox } from "../core/outbox.ts";
import type { Db } from "../infra/db.ts";
import { enterLogContext, type Logger } from "../infra/logger.ts";
import type { Metrics } from "../infra/metrics.ts";
import { type AdminDeps, registerAdmin } from "./admin/index.ts";
import { healthRoutes } from "./health.ts";
import { metricsRoutes } from "./metrics.ts";
import { registerOverloadGuard } from "./overload.ts";
import { paymentsCallbackRoutes } from "./payments-callback.ts";
import { registerSecurity, unroutableUrlHandler } from "./security.ts";
import { verifyRoutes } from "./verify.ts";

export interface HttpDeps extends AdminDeps {
  db: Db;
  redis: Redis;
  logger: Logger;
  /** The payments callback tells members through the outbox. */
  outbox: Outbox;
  metrics: Metrics;
  /** The member-card verify page speaks the reader's language. */
  i18n: I18n;
}

export type HttpServer = FastifyInstance;

export function createHttpServer(deps: HttpDeps): HttpServer {
  const app: HttpServer = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: "idle",
    // A caller's own id (a proxy's X-Request-Id) is kept, so one request can be followed across systems.
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    frameworkErrors: unroutableUrlHandler(() => app),
  });

  // Every log line written while a request is handled carries its id, whichever logger writes it; the caller gets
  // the id back to quote.
  app.addHook("onRequest", async (request, reply) => {
    enterLogContext({ reqId: request.id });
    reply.header("x-request-id", request.id);
  });

  // close() drops idle keep-alive connections at once and lets requests in flight finish, but a connection whose
  // request finishes after that would stay open until its keep-alive timeout (72 s) and hold the shutdown; so
  // answers sent while closing also close their connection.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply.code(status).send({ error: "Internal Server Error" });
    }
    return reply.code(status).send({ error: error.message });
  });

  // Overload, headers and rate limits first: they apply to every route registered after them.
  registerOverloadGuard(app, {
    maxEventLoopDelayMs: deps.config.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
    maxRssBytes: deps.config.OVERLOAD_MAX_RSS_MB * 1024 * 1024,
  });
  registerSecurity(app, deps);
  void app.register(metricsRoutes, { metrics: deps.metrics, token: deps.config.METRICS_TOKEN });
  void app.register(healthRoutes, deps);
  void app.register(paymentsCallbackRoutes, deps);
  void app.register(verifyRoutes, deps);
  registerAdmin(app, deps);
  return app;
}
