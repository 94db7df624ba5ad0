// What an operator's Prometheus and log search see: traffic, latency, queues, breaches; tagged log lines; and 503
// rather than collapse under overload.
import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { metricsRoutes } from "../../bot/http/metrics.ts";
import { registerOverloadGuard } from "../../bot/http/overload.ts";
import { createHttpServer } from "../../bot/http/server.ts";
import { createLogger, withLogContext } from "../../bot/infra/logger.ts";
import { chatAs } from "../helpers/chat.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();

async function scrape(token?: string, sent?: string) {
  const http = Fastify();
  await http.register(metricsRoutes, { metrics: app.deps.metrics, token });
  const res = await http.inject({ url: "/metrics", headers: sent ? { authorization: `Bearer ${sent}` } : {} });
  await http.close();
  return res;
}

describe("metrics", () => {
  it("count messages in and out per channel, time the handlers by intent, and read queue depths and breaches", async () => {
    const chat = chatAs(app.core, "metrics-user");
    const [reply] = await chat.say("help");
    await chat.say("我的团籍");
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toContain('tuanzhu_messages_in_total{platform="console"} 2');
    expect(text).toMatch(/tuanzhu_messages_out_total\{platform="console",kind="reply"\} [2-9]/);
    expect(text).toContain(`tuanzhu_handler_seconds_count{platform="console",intent="${reply!.intent}"} 1`);
    expect(text).toContain('tuanzhu_queue_jobs{queue="notices",state="waiting"} 0');
    expect(text).toContain("tuanzhu_transfer_steps_overdue 0");
    expect(text).toContain("tuanzhu_process_resident_memory_bytes");
    expect(text).toContain("tuanzhu_nodejs_eventloop_lag_seconds");
  });

  it("count a transfer step past its service level as a breach in progress", async () => {
    const { db } = app.deps;
    const member = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    const sysu = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SYSU" } });
    const transfer = await db.transferRequest.create({
      data: {
        memberId: member.id,
        fromOrgId: member.orgId,
        toOrgId: sysu.id,
        reason: "FURTHER_STUDY",
        initiatedById: member.id,
        steps: {
          create: {
            seq: 1,
            kind: "SENDER_APPROVAL",
            orgId: member.orgId,
            startedAt: new Date(Date.now() - 80 * 3_600_000),
            dueAt: new Date(Date.now() - 8 * 3_600_000),
            slaHours: 72,
            slaBusinessHours: false,
          },
        },
      },
    });
    expect((await scrape()).body).toContain("tuanzhu_transfer_steps_overdue 1");
    await db.transferRequest.delete({ where: { id: transfer.id } });
  });

  it("need the bearer token when METRICS_TOKEN is set", async () => {
    expect((await scrape("s3cret")).statusCode).toBe(401);
    expect((await scrape("s3cret", "wrong")).statusCode).toBe(401);
    expect((await scrape("s3cret", "s3cret")).statusCode).toBe(200);
  });
});

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ LOG_LEVEL: "info", NODE_ENV: "test" }, sink) };
}

describe("the HTTP server", () => {
  it("serves /metrics and gives every request an id, on its answer and on every line logged while handling it", async () => {
    const { lines, logger } = capturedLogger();
    const http = createHttpServer({ ...app.deps, logger });
    http.get("/test-logs", async () => {
      logger.info("inside the handler");
      return { ok: true };
    });
    const metrics = await http.inject({ url: "/metrics" });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain("tuanzhu_queue_jobs");
    const answer = await http.inject({ url: "/test-logs" });
    const id = answer.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.msg === "inside the handler")?.reqId).toBe(id);
    // A caller's own id is kept.
    const theirs = await http.inject({ url: "/test-logs", headers: { "x-request-id": "proxy-42" } });
    expect(theirs.headers["x-request-id"]).toBe("proxy-42");
    expect(lines.filter((l) => l.msg === "inside the handler").map((l) => l.reqId)).toEqual([id, "proxy-42"]);
    await http.close();
  });
});

describe("log lines", () => {
  it("carry the id of what is being handled, whichever logger writes them", async () => {
    const { lines, logger } = capturedLogger();
    await withLogContext({ updateId: 42 }, async () => {
      await Promise.resolve();
      logger.child({ channel: "telegram" }).info("handling");
      await withLogContext({ jobId: "outbox-7" }, async () => logger.warn("nested"));
    });
    logger.info("outside");
    expect(lines.map((l) => [l.msg, l.updateId, l.jobId])).toEqual([
      ["handling", 42, undefined],
      ["nested", 42, "outbox-7"],
      ["outside", undefined, undefined],
    ]);
  });
});

describe("overload", () => {
  it("answers 503 with Retry-After while the event loop lags, and serves again once it recovers", async () => {
    const http = Fastify();
    registerOverloadGuard(http, { maxEventLoopDelayMs: 200, maxRssBytes: 64 * 1024 ** 3, sampleIntervalMs: 100 });
    http.get("/ping", async () => ({ ok: true }));
    await http.ready();
    const served = async () => {
      // Other test files share the machine: give a lagging loop up to two seconds to settle.
      for (let i = 0; i < 40 && (await http.inject({ url: "/ping" })).statusCode !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return (await http.inject({ url: "/ping" })).statusCode;
    };
    expect(await served()).toBe(200);
    // A handler that hogs the process: the loop cannot turn for 600 ms.
    const until = Date.now() + 600;
    while (Date.now() < until) {}
    await new Promise((resolve) => setTimeout(resolve, 20));
    const busy = await http.inject({ url: "/ping" });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers["retry-after"]).toBe("10");
    expect(await served()).toBe(200);
    await http.close();
  });
});
