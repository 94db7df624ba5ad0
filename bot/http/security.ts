// Security for every route: headers (helmet) and rate limits (Redis-backed, so every process shares the counts).
// Limits are per client IP and per bucket: the admin API and queue dashboard, the docs, and a coarse one for the
// rest. Callers that prove themselves with a shared secret and must never be starved are exempt: the Telegram
// webhook, health probes, and any route declaring `config: { rateLimit: false }` (a payment provider's callback).
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";

export type SecurityConfig = Pick<
  Config,
  "REDIS_PREFIX" | "TELEGRAM_WEBHOOK_URL" | "ADMIN_RATE_PER_MINUTE" | "DOCS_RATE_PER_MINUTE" | "HTTP_RATE_PER_MINUTE"
>;

type Bucket = "admin" | "docs" | "other";

/**
 * The bucket of the route the router matched, never of the URL as sent: `/%61dmin/…` is routed to `/admin/…` and
 * must count there. A request no route matches (404) has no route and counts in the coarse bucket.
 */
function bucketOf(route: string | undefined): Bucket {
  if (route === undefined) return "other";
  if (route.startsWith("/admin/") || route === "/admin") return "admin";
  if (route.startsWith("/docs")) return "docs";
  return "other";
}

/** The same headers on every HTTP port we open (the bot's and the workers'). */
export function registerSecurityHeaders(app: FastifyInstance) {
  void app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The docs and the queue dashboard load only their own scripts; no CDN. Deployments may serve plain HTTP
        // on a LAN, where upgrading sub-resources to HTTPS would break both pages.
        "upgrade-insecure-requests": null,
      },
    },
  });
}

export function registerSecurity(app: FastifyInstance, deps: { redis: Redis; config: SecurityConfig }) {
  const { config } = deps;
  const exempt = new Set(["/healthz", "/readyz"]);
  if (config.TELEGRAM_WEBHOOK_URL) exempt.add(new URL(config.TELEGRAM_WEBHOOK_URL).pathname);
  const perMinute: Record<Bucket, number> = {
    admin: config.ADMIN_RATE_PER_MINUTE,
    docs: config.DOCS_RATE_PER_MINUTE,
    other: config.HTTP_RATE_PER_MINUTE,
  };

  registerSecurityHeaders(app);

  void app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace: `${config.REDIS_PREFIX}:rate:`,
    // A Redis outage must not take the HTTP server down with it: requests pass unlimited until it is back.
    skipOnError: true,
    keyGenerator: (request: FastifyRequest) => `${bucketOf(request.routeOptions.url)}:${request.ip}`,
    max: (_request: FastifyRequest, key: string) =>
      perMinute[key.slice(0, key.indexOf(":")) as Bucket] ?? perMinute.other,
    allowList: (request: FastifyRequest) => {
      const route = request.routeOptions.url;
      return route !== undefined && exempt.has(route);
    },
  });

  // Unknown routes are limited too (the limiter hooks only into routes), and their answer and log line do not
  // repeat the URL as sent: it may carry a secret in its query.
  app.after(() => {
    app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) => {
      request.log.info({ method: request.method }, "no such route");
      return reply.code(404).send({ error: "Not Found" });
    });
  });
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot even read (a bad escape like `/%zz`, an over-long parameter) is
 * answered before any hook runs. Such requests count in the coarse bucket like any unknown route, and the answer
 * does not repeat the URL. `app` is asked for lazily: the limiter exists once the plugins have loaded.
 */
export function unroutableUrlHandler(app: () => FastifyInstance) {
  let limit: ReturnType<FastifyInstance["rateLimit"]> | undefined;
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    limit ??= app().rateLimit();
    try {
      await limit.call(app(), request, reply);
    } catch (refusal) {
      const { statusCode = 429, message } = refusal as FastifyError;
      return reply.code(statusCode).send({ error: message });
    }
    request.log.info({ code: error.code }, "unroutable URL");
    return reply.code(error.statusCode ?? 400).send({ error: "Bad Request" });
  };
}
