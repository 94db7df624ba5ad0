// The workers' HTTP port (`npm run workers`, WORKERS_HTTP_PORT) answers with the same security headers as the bot's.
import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../bot/http/server.ts";
import { createWorkersHttpServer } from "../../workers/http-server.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();

const SECURITY_HEADERS = [
  "content-security-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "origin-agent-cluster",
  "referrer-policy",
  "strict-transport-security",
  "x-content-type-options",
  "x-dns-prefetch-control",
  "x-download-options",
  "x-frame-options",
  "x-permitted-cross-domain-policies",
  "x-xss-protection",
];

const securityHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

describe("the workers' HTTP port", () => {
  it("sends the bot's security headers on its health probes and metrics", async () => {
    const bot = createHttpServer(app.deps);
    const workers = createWorkersHttpServer(app.deps);
    for (const url of ["/healthz", "/readyz", "/metrics"]) {
      const [fromBot, fromWorkers] = [await bot.inject({ url }), await workers.inject({ url })];
      expect(fromWorkers.statusCode, url).toBe(200);
      expect(fromWorkers.headers["x-content-type-options"], url).toBe("nosniff");
      expect(fromWorkers.headers["content-security-policy"], url).toContain("default-src 'self'");
      expect(securityHeaders(fromWorkers.headers), url).toEqual(securityHeaders(fromBot.headers));
      expect(
        Object.values(securityHeaders(fromWorkers.headers)).filter((v) => v === undefined),
        url,
      ).toEqual([]);
    }
    await Promise.all([bot.close(), workers.close()]);
  });
});
