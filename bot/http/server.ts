// The HTTP server: encapsulated plugins per concern. 4xx messages pass through, 5xx stay generic.
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "../infra/db.ts";
import type { Logger } from "../infra/logger.ts";
import { healthRoutes } from "./health.ts";

export interface HttpDeps {
  db: Db;
  redis: Redis;
  logger: Logger;
}

export type HttpServer = FastifyInstance;

export function createHttpServer(deps: HttpDeps): HttpServer {
  const app: HttpServer = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: "idle",
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

  void app.register(healthRoutes, deps);
  return app;
}
