// Answers to people take their place in the platform's window through Redis, and are never held by it: a Redis that
// does not answer, or a window that stays full past the wait allowed, lets the answer go anyway.
import { createServer, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../bot/config.ts";
import { createRedis } from "../../../bot/infra/redis.ts";
import { createPacer } from "../../../workers/delivery/pacer.ts";
import { platformLimits } from "../../../workers/delivery/platform-limits.ts";
import { createReplyBudget } from "../../../workers/delivery/reply-budget.ts";
import { uniquePrefix } from "../../helpers/test-db.ts";

const config = loadConfig({ ...process.env, TELEGRAM_SENDS_PER_SECOND: "3" });
const limits = platformLimits(config);
const redis = createRedis(config.REDIS_URL, "client");
const prefix = uniquePrefix();
const windowKey = `${prefix}:pace:telegram:window`;

// A server that takes connections and never says a word: a Redis that hangs.
const sockets: Socket[] = [];
const silent = createServer((socket) => sockets.push(socket));
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const hung = createRedis(`redis://127.0.0.1:${(silent.address() as { port: number }).port}`, "client");

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  hung.disconnect();
  for (const socket of sockets) socket.destroy();
  silent.close();
  await redis.quit();
});

describe("the reply budget", () => {
  it("counts each answer in the platform's window while it is sent", async () => {
    const budget = createReplyBudget(createPacer(redis, prefix, limits));
    const answered = await budget.take("telegram");
    expect(await redis.zcard(windowKey)).toBe(1);
    await answered();
    // Answered: it still counts for a window from now (the platform counts arrivals).
    const [, score] = await redis.zrange(windowKey, "0", "0", "WITHSCORES");
    const [seconds, micros] = await redis.time();
    expect(Number(score) - (Number(seconds) * 1000 + Number(micros) / 1000)).toBeGreaterThan(900);
  });

  it("waits for room in a full window, and past the wait allowed sends anyway", async () => {
    const budget = createReplyBudget(createPacer(redis, `${prefix}:full`, limits), 300);
    const perWindow = limits.telegram.pace!.perWindow.reply;
    for (let i = 0; i < perWindow; i++) await budget.take("telegram");
    const started = performance.now();
    await budget.take("telegram");
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(2_000);
    expect(await redis.zcard(`${prefix}:full:pace:telegram:window`)).toBe(perWindow);
  });

  it("lets the answer go when Redis does not answer", async () => {
    const budget = createReplyBudget(createPacer(hung, prefix, limits));
    const started = performance.now();
    const answered = await budget.take("telegram");
    expect(performance.now() - started).toBeLessThan(2_000);
    await answered();
    expect(await redis.zcard(windowKey)).toBe(1);
  });
});
