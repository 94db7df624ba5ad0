// Redis is not there (wrong REDIS_URL, or not started yet): the process stays up, says it is not ready and why,
// keeps retrying without a stack trace per attempt, and still stops cleanly.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cloneTemplate } from "../helpers/test-db.ts";
import { freePort, type MainProcess, startMain } from "./main-process.ts";
import { type RedisGate, startRedisGate } from "./redis-gate.ts";

let db: Awaited<ReturnType<typeof cloneTemplate>>;
let main: MainProcess | undefined;

beforeAll(async () => {
  db = await cloneTemplate();
});
afterEach(async () => {
  await main?.cleanup();
  main = undefined;
});
afterAll(async () => {
  await db.drop();
});

/** Resolves once `n` connections have been refused at `port`, i.e. the process has retried n times. */
function countAttempts(port: number, n: number) {
  return new Promise<void>((resolve, reject) => {
    let seen = 0;
    // A listener that closes every connection at once: like a refused connection, but countable.
    const server = net.createServer((socket) => {
      socket.destroy();
      if (++seen >= n) server.close(() => resolve());
    });
    server.on("error", reject);
    server.listen(port, "127.0.0.1");
  });
}

describe("Redis unreachable", () => {
  it("serves /readyz 503 naming Redis while it retries, logs the outage once, and stops on SIGTERM", async () => {
    const redisPort = await freePort();
    main = await startMain({
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    });
    await main.waitForLog("Redis unavailable; retrying");
    await main.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("Server listening"));

    const live = await fetch(main.url("/healthz"));
    expect(live.status).toBe(200);
    const ready = await fetch(main.url("/readyz"));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", checks: { postgres: "ok", redis: "down" } });

    // Several more attempts later it is still running, and has said so once.
    await countAttempts(redisPort, 6);
    expect(main.child.exitCode).toBeNull();
    expect(main.logs.filter((l) => l.msg === "Redis unavailable; retrying")).toHaveLength(1);
    expect(main.rawLines).toEqual([]);

    const sentAt = Date.now();
    main.child.kill("SIGTERM");
    const exit = await main.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(10_000);
    expect(main.logs.map((l) => l.msg)).toContain("stopped");
  }, 60_000);
});

describe("Redis lost while running", () => {
  let gate: RedisGate;
  beforeAll(async () => {
    gate = await startRedisGate();
  });
  afterEach(() => gate.open());
  afterAll(async () => {
    await gate.close();
  });

  it("turns not-ready while Redis is gone and ready again when it is back, without a restart", async () => {
    main = await startMain({ DATABASE_URL: db.url, REDIS_URL: gate.url });
    await main.waitForLog("Tuanzhu is running");

    gate.cut();
    await main.waitForLog("Redis unavailable; retrying");
    const down = await fetch(main.url("/readyz"));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { redis: "down" } });

    gate.open();
    await main.waitForLog("Redis available again");
    const up = await fetch(main.url("/readyz"));
    expect(up.status).toBe(200);
    expect(main.rawLines).toEqual([]);
  }, 60_000);

  async function stopWhileRedisIsGone(runWorkers: "0" | "1") {
    main = await startMain({
      DATABASE_URL: db.url,
      REDIS_URL: gate.url,
      RUN_WORKERS: runWorkers,
    });
    await main.waitForLog("Tuanzhu is running");
    gate.cut();
    await main.waitForLog("Redis unavailable; retrying");

    const sentAt = Date.now();
    main.child.kill("SIGTERM");
    const exit = await main.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(10_000);
    expect(main.logs.map((l) => l.msg)).toContain("stopped");
  }

  // RUN_WORKERS=0 is the compose `bot` service; with 1 the BullMQ workers must also let go of a Redis that is gone.
  it("still stops within 10 s with exit 0 on SIGTERM while Redis is gone", () => stopWhileRedisIsGone("0"), 60_000);
  it("…and so do the workers in the same process", () => stopWhileRedisIsGone("1"), 60_000);
});
