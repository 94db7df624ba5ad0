// The process as an operator runs it: it starts, says it is ready, and stops cleanly on SIGTERM and SIGINT,
// answering what is in flight first.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cloneTemplate } from "../helpers/test-db.ts";
import { type MainProcess, type Runner, startMain } from "./main-process.ts";
import { type RedisGate, startRedisGate } from "./redis-gate.ts";

let db: Awaited<ReturnType<typeof cloneTemplate>>;
const running: MainProcess[] = [];

beforeAll(async () => {
  db = await cloneTemplate();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.cleanup()));
});
afterAll(async () => {
  await db.drop();
});

async function start(env: Record<string, string> = {}, runner: Runner = "node") {
  const main = await startMain({ DATABASE_URL: db.url, ...env }, runner);
  running.push(main);
  await main.waitForLog("Tuanzhu is running");
  return main;
}

async function stopWith(main: MainProcess, signal: NodeJS.Signals) {
  const sentAt = Date.now();
  main.child.kill(signal);
  const exit = await main.exited;
  return { ...exit, ms: exit.at - sentAt };
}

describe("starting", () => {
  it("is live and ready once it says it is running, with PostgreSQL and Redis checked", async () => {
    const main = await start();

    const live = await fetch(main.url("/healthz"));
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });

    const ready = await fetch(main.url("/readyz"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" } });

    expect(main.logs.find((l) => l.msg === "Tuanzhu is running")).toMatchObject({ port: main.port, background: true });
    expect(main.rawLines).toEqual([]);
  }, 40_000);
});

describe("stopping", () => {
  it.each([
    ["SIGTERM", "node"],
    ["SIGINT", "node"],
    ["SIGTERM", "tsx"],
  ] as const)(
    "on %s (started with %s) closes everything and exits 0 within 10 s",
    async (signal, runner) => {
      const main = await start({}, runner);

      const exit = await stopWith(main, signal);

      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
      expect(main.logs.find((l) => l.msg === "shutting down")).toMatchObject({ reason: signal });
      expect(main.logs.map((l) => l.msg)).toContain("stopped");
      expect(main.logs.filter((l) => l.level >= 40)).toEqual([]);
    },
    40_000,
  );

  describe("with a request in flight", () => {
    let gate: RedisGate;
    beforeAll(async () => {
      gate = await startRedisGate();
    });
    afterAll(async () => {
      await gate.close();
    });

    it("answers it before closing, then exits 0", async () => {
      const main = await start({ REDIS_URL: gate.url });
      // Redis stops answering: /readyz now waits for its Redis probe (up to 2 s).
      gate.hold();
      const answer = fetch(main.url("/readyz")).then(async (r) => ({ status: r.status, body: await r.json() }));
      const received = await main.waitForLog(
        (l) => l.msg === "incoming request" && (l.req as { url?: string } | undefined)?.url === "/readyz",
      );

      main.child.kill("SIGTERM");
      await main.waitForLog("shutting down");
      const response = await answer;
      gate.open();
      const exit = await main.exited;

      // The request taken in before the signal got its full answer during the shutdown, not a reset connection.
      expect(response).toMatchObject({ status: 503, body: { checks: { postgres: "ok", redis: "down" } } });
      const shuttingDown = main.logs.find((l) => l.msg === "shutting down");
      const completed = main.logs.find((l) => l.msg === "request completed" && l.reqId === received.reqId);
      expect(Number(completed?.time)).toBeGreaterThanOrEqual(Number(shuttingDown?.time));
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(main.logs.map((l) => l.msg)).toContain("stopped");
    }, 40_000);
  });
});
