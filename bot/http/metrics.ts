// GET /metrics in Prometheus's text format. With METRICS_TOKEN set the scraper must send it as a bearer token;
// without, keep the port on the internal network (as docker compose does).
import type { FastifyPluginAsync } from "fastify";
import { sameSecret } from "../infra/keyed-hash.ts";
import type { Metrics } from "../infra/metrics.ts";

export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (
  app,
  { metrics, token },
) => {
  app.get("/metrics", async (request, reply) => {
    if (token && !sameSecret(request.headers.authorization ?? "", `Bearer ${token}`)) {
      return reply.code(401).send({ error: "a bearer token is required" });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
};
