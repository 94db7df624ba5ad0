// Security for every route: headers (helmet) and rate limits (Redis-backed, so every process shares the counts).
// Limits are per client IP and per bucket: the admin API and queue dashboard, the docs, and a coarse one for the
// rest. Callers that prove themselves with a shared secret and must never be starved are exempt: the Telegram
// webhook, health probes, and any route declaring `config: { rateLimit: false }` (a payment provider's callback).
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";

export type SecurityConfig = Pick<
  Config,
  "REDIS_PREFIX" | "TELEGRAM_WEBHOOK_URL" | "ADMIN_RATE_PER_MINUTE" | "DOCS_RATE_PER_MINUTE" | "HTTP_RATE_PER_MINUTE"
>;

type Bucket = "admin" | "docs" | "other";

function bucketOf(url: string): Bucket {
  if (url.startsWith("/admin/") || url === "/admin") return "admin";
  if (url.startsWith("/docs")) return "docs";
  return "other";
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

  void app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The docs and the queue dashboard load only their own scripts; no CDN. Deployments may serve plain HTTP
        // on a LAN, where upgrading sub-resources to HTTPS would break both pages.
        "upgrade-insecure-requests": null,
      },
    },
  });

  void app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace: `${config.REDIS_PREFIX}:rate:`,
    // A Redis outage must not take the HTTP server down with it: requests pass unlimited until it is back.
    skipOnError: true,
    keyGenerator: (request: FastifyRequest) => `${bucketOf(request.url)}:${request.ip}`,
    max: (_request: FastifyRequest, key: string) =>
      perMinute[key.slice(0, key.indexOf(":")) as Bucket] ?? perMinute.other,
    allowList: (request: FastifyRequest) => exempt.has(request.url.split("?")[0]!),
  });
}
