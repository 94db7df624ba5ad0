// What a stranger on the network meets: rate limits per client and bucket (never on the Telegram webhook or the
// health probes), security headers, a body size limit, public docs that load nothing from outside, no secrets
// in the logs, and the queue dashboard behind a login form that turns a root token into an HttpOnly cookie.
import { Writable } from "node:stream";
import type { FastifyPluginAsync } from "fastify";
import { describe, expect, it } from "vitest";
import { ADMIN_API_PREFIX } from "../../../bot/http/admin/api.ts";
import { createHttpServer } from "../../../bot/http/server.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { API, adminFixture } from "./admin-fixture.ts";

const WEBHOOK_PATH = "/telegram/hook-abc";
const f = await adminFixture({
  ADMIN_RATE_PER_MINUTE: "4",
  DOCS_RATE_PER_MINUTE: "1000",
  HTTP_RATE_PER_MINUTE: "3",
});

/** A server of its own (same app) so that each test's requests count from zero; `ip` tells clients apart. */
async function server(extra: Record<string, unknown> = {}) {
  const http = createHttpServer({ ...f.app.deps, ...extra });
  // Routes come in plugins, as everywhere in the app, so they load after the security plugins.
  const routes: FastifyPluginAsync = async (scope) => {
    scope.post(WEBHOOK_PATH, async () => ({ ok: true }));
    scope.get("/hello", async () => ({ hello: "world" }));
  };
  await http.register(routes);
  await http.ready();
  return http;
}

describe("rate limits", () => {
  it("answers 429 once a client passes the admin limit, while another client still gets through", async () => {
    const http = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read), remoteAddress: "10.0.0.7" });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // Unauthenticated guessing counts too: the limit runs before the token check.
    const guess = await http.inject({ url: `${API}/orgs`, remoteAddress: "10.0.0.7" });
    expect(guess.statusCode).toBe(429);
    expect(guess.json().error).toMatch(/rate limit/i);
    const other = await http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read), remoteAddress: "10.0.0.8" });
    expect(other.statusCode).toBe(200);
    await http.close();
  });

  it("keeps a coarse limit for everything else but never starves the Telegram webhook or the health probes", async () => {
    const config = { ...f.app.config, TELEGRAM_WEBHOOK_URL: `https://bot.example.org${WEBHOOK_PATH}` };
    const http = await server({ config });
    const from = { remoteAddress: "10.0.0.9" };
    const other: number[] = [];
    for (let i = 0; i < 5; i++) other.push((await http.inject({ url: "/hello", ...from })).statusCode);
    expect(other).toEqual([200, 200, 200, 429, 429]);
    for (let i = 0; i < 8; i++) {
      expect((await http.inject({ method: "POST", url: WEBHOOK_PATH, payload: {}, ...from })).statusCode).toBe(200);
      expect((await http.inject({ url: "/healthz", ...from })).statusCode).toBe(200);
    }
    await http.close();
  });

  it("counts a percent-encoded path in the bucket of the route it reaches, not in the coarse one", async () => {
    const http = await server({ config: { ...f.app.config, DOCS_RATE_PER_MINUTE: 2 } });
    const from = { remoteAddress: "10.0.0.20" };
    const admin: number[] = [];
    // /%61dmin is /admin to the router; both spellings share the admin bucket (4 a minute).
    for (const url of ["/%61dmin/api/v1/orgs", `${API}/orgs`, "/%61dmin/api/v1/%6frgs", "/%61dmin/api/v1/orgs"]) {
      admin.push((await http.inject({ url, headers: f.auth(f.tokens.read), ...from })).statusCode);
    }
    expect(admin).toEqual([200, 200, 200, 200]);
    const over = await http.inject({ url: "/%61dmin/api/v1/orgs", headers: f.auth(f.tokens.read), ...from });
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatch(/rate limit/i);
    expect((await http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read), ...from })).statusCode).toBe(429);

    const docs: number[] = [];
    for (const url of ["/%64ocs/json", "/docs/json", "/%64ocs/json", "/docs/%6Ason"]) {
      docs.push((await http.inject({ url, ...from })).statusCode);
    }
    expect(docs).toEqual([200, 200, 429, 429]);
    // Neither spent the coarse bucket (3 a minute).
    const other: number[] = [];
    for (let i = 0; i < 4; i++) other.push((await http.inject({ url: "/hello", ...from })).statusCode);
    expect(other).toEqual([200, 200, 200, 429]);
    await http.close();
  });

  it("limits requests to routes that do not exist, in the coarse bucket", async () => {
    const http = await server();
    const from = { remoteAddress: "10.0.0.21" };
    const statuses: number[] = [];
    // Including a URL the router cannot read at all (a bad escape), which fastify answers before any hook.
    for (const url of ["/wp-login.php", "/admin/api/v1/%zz", "/%2e%2e/etc/passwd", "/hello", "/%zz", "/nothing"]) {
      statuses.push((await http.inject({ url, ...from })).statusCode);
    }
    expect(statuses).toEqual([404, 400, 404, 429, 429, 429]);
    const limited = await http.inject({ url: "/wp-login.php", ...from });
    expect(limited.json().error).toMatch(/rate limit/i);
    // Another client is not held back, and an unknown route answers without echoing the URL.
    const fresh = await http.inject({ url: "/nope?token=abc123", remoteAddress: "10.0.0.22" });
    expect(fresh.statusCode).toBe(404);
    expect(fresh.json()).toEqual({ error: "Not Found" });
    const unreadable = await http.inject({ url: "/%zz?token=abc123", remoteAddress: "10.0.0.22" });
    expect([unreadable.statusCode, unreadable.json()]).toEqual([400, { error: "Bad Request" }]);
    await http.close();
  });
});

describe("headers and limits", () => {
  it("sends security headers on the API", async () => {
    const res = await f.http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read), remoteAddress: "10.1.0.1" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("refuses a body over the admin limit with 413 before reading it", async () => {
    const scut = await f.org("GD-GZ-SCUT-CS");
    const res = await f.http.inject({
      method: "POST",
      url: `${API}/orgs`,
      headers: f.auth(f.tokens.write),
      payload: { code: "BIG", name: "x".repeat(70 * 1024), level: "BRANCH", parentId: scut.id },
      remoteAddress: "10.1.0.2",
    });
    expect(res.statusCode).toBe(413);
    expect(await f.app.deps.db.organisation.count({ where: { code: "BIG" } })).toBe(0);
  });

  it("keeps tokens and cookies out of the logs", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "trace", NODE_ENV: "test" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const http = await server({ logger });
    await http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read), remoteAddress: "10.1.0.3" });
    await http.inject({
      method: "POST",
      url: "/admin/queues/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `token=${f.tokens.rootRead}`,
      remoteAddress: "10.1.0.3",
    });
    // Even a careless log line with the headers or a token field is redacted.
    logger.info(
      { req: { headers: { authorization: `Bearer ${f.tokens.write}`, cookie: `tz_admin=${f.tokens.write}` } } },
      "careless",
    );
    logger.info({ token: f.tokens.write, secret: "s3cret-value" }, "careless too");
    await http.close();
    const log = lines.join("");
    expect(log).toContain("incoming request");
    for (const secret of [f.tokens.read, f.tokens.rootRead, f.tokens.write, "s3cret-value"]) {
      expect(log).not.toContain(secret);
    }
  });

  it("keeps credentials sent in a query string out of the logs, on every kind of route", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "trace", NODE_ENV: "test" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const http = await server({ logger, config: { ...f.app.config, METRICS_TOKEN: "metrics-secret" } });
    const secrets = {
      token: "tok-1111",
      metrics: "tok-2222",
      secret_token: "tok-3333",
      access_token: "tok-4444",
      password: "pw-5555",
      sig: "sig-6666",
      signature: "sig-7777",
      key: "key-8888",
      encoded: "tok-9999",
      api_key: "key-0000",
    };
    const from = { remoteAddress: "10.1.0.9" };
    const urls = [
      `${API}/orgs?page=2&token=${secrets.token}&format=csv`,
      `/metrics?token=${secrets.metrics}`,
      `/telegram/hook-abc?secret_token=${secrets.secret_token}`,
      `/no-such-page?access_token=${secrets.access_token}&lang=zh`,
      `/hello?user=ann&password=${secrets.password}`,
      `/hello?sig=${secrets.sig}`,
      `/docs/json?signature=${secrets.signature}`,
      `/hello?key=${secrets.key}`,
      `/hello?%74oken=${secrets.encoded}`,
      `/%zz?api_key=${secrets.api_key}`,
    ];
    for (const url of urls) await http.inject({ url, ...from });
    await http.close();
    const log = lines.join("");
    for (const [name, value] of Object.entries(secrets)) expect(log, name).not.toContain(value);
    // The rest of each URL is still there to read.
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "incoming request");
    expect(logged.map((l) => l.req.url)).toEqual(
      expect.arrayContaining([
        `${API}/orgs?page=2&token=…&format=csv`,
        "/metrics?token=…",
        "/no-such-page?access_token=…&lang=zh",
        "/hello?user=ann&password=…",
        "/hello?%74oken=…",
      ]),
    );
  });
});

describe("API documentation", () => {
  it("publishes an OpenAPI document listing every admin API route with bearer auth", async () => {
    const res = await f.http.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer" });
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = f.http.adminRoutes
      .filter((r) => r.url.startsWith(`${ADMIN_API_PREFIX}/`) && r.method !== "HEAD")
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    expect(documented.sort()).toEqual(registered.sort());
    // Query parameters come from the zod schemas.
    const members = doc.paths[`${ADMIN_API_PREFIX}/orgs/{id}/members`].get;
    expect(members.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["id", "page", "pageSize", "subtree", "status"]),
    );
  });

  it("serves the docs page and its assets from this server alone", async () => {
    const page = await f.http.inject({ url: "/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("swagger-ui");
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    expect(assets.filter((a) => /^(https?:)?\/\//.test(a))).toEqual([]);
    // No inline script, which the Content-Security-Policy (script-src 'self') would block.
    expect(page.body.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    for (const asset of assets) {
      const url = new URL(asset, "http://local/docs/").pathname;
      const res = await f.http.inject({ url });
      expect(res.statusCode, url).toBe(200);
    }
  });
});

describe("queue dashboard", () => {
  it("sends a browser without a token to the login form, and a root token in the form opens it", async () => {
    const http = await server({ config: { ...f.app.config, ADMIN_RATE_PER_MINUTE: 1000 } });
    const html = { accept: "text/html" };
    const first = await http.inject({ url: "/admin/queues", headers: html, remoteAddress: "10.2.0.1" });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/admin/queues/login");
    const form = await http.inject({ url: "/admin/queues/login", remoteAddress: "10.2.0.1" });
    expect(form.body).toContain('<form method="post"');

    const post = (token: string) =>
      http.inject({
        method: "POST",
        url: "/admin/queues/login",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: `token=${encodeURIComponent(token)}`,
        remoteAddress: "10.2.0.1",
      });
    expect((await post("tz_nonsense")).statusCode).toBe(401);
    expect((await post(f.tokens.write)).statusCode).toBe(403);
    const ok = await post(f.tokens.rootRead);
    expect(ok.statusCode).toBe(303);
    const cookie = String(ok.headers["set-cookie"]);
    expect(cookie).toMatch(/^tz_admin=tz_[0-9a-f]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);

    const board = await http.inject({
      url: "/admin/queues",
      headers: { ...html, cookie: cookie.split(";")[0]! },
      remoteAddress: "10.2.0.1",
    });
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain("Tuanzhu queues");
    // Its scripts are this server's own, which the Content-Security-Policy allows.
    expect(board.headers["content-security-policy"]).toContain("script-src 'self'");
    const scripts = [...board.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /^(https?:)?\/\//.test(s))).toEqual([]);
    await http.close();
  });
});
