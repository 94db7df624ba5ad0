// The per-chat lock that makes processes take turns on one chat, on the real Redis. Each "process" below has its
// own Redis connection, as two webhook processes would.
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { ChatBusyError, createChatLock } from "../../bot/channels/chat-lock.ts";
import { loadConfig } from "../../bot/config.ts";
import { createLogger } from "../../bot/infra/logger.ts";
import { createRedis } from "../../bot/infra/redis.ts";
import { uniquePrefix } from "../helpers/test-db.ts";

const config = loadConfig(process.env);
const prefix = uniquePrefix();
const warnings: string[] = [];
const logger = createLogger(
  { LOG_LEVEL: "warn", NODE_ENV: "test" },
  new Writable({
    write(chunk, _enc, done) {
      warnings.push(JSON.parse(String(chunk)).msg as string);
      done();
    },
  }),
);
const clients: Redis[] = [];
afterAll(async () => {
  const keys = await clients[0]!.keys(`${prefix}*`);
  if (keys.length) await clients[0]!.del(...keys);
  await Promise.allSettled(clients.map((c) => c.quit()));
});

/** A process's lock, on a Redis connection of its own. */
function inProcess(options: { waitMs?: number; ttlMs?: number } = {}) {
  const redis = createRedis(config.REDIS_URL, "client");
  clients.push(redis);
  const locked = createChatLock({
    redis,
    prefix,
    platform: "telegram",
    waitMs: options.waitMs ?? 5_000,
    logger,
    ...options,
  });
  return { redis, locked };
}

/** A task that notes when it starts and ends, and ends when told (or after `ms`). */
function work(log: string[], name: string, ms?: number) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let begin!: () => void;
  const started = new Promise<void>((resolve) => {
    begin = resolve;
  });
  return {
    started,
    finish,
    task: async () => {
      log.push(`${name} start`);
      begin();
      await (ms === undefined ? finished : sleep(ms));
      log.push(`${name} end`);
      return name;
    },
  };
}

const keyOf = (chat: string) => `${prefix}:chat-lock:telegram:${chat}`;

describe("the chat lock", () => {
  it("runs two processes' messages of one chat one after the other", async () => {
    const [a, b] = [inProcess(), inProcess()];
    const log: string[] = [];
    const first = work(log, "a", 150);
    const second = work(log, "b", 10);
    const results = await Promise.all([a.locked("100", first.task), b.locked("100", second.task)]);
    expect(results).toEqual(["a", "b"]);
    expect([
      ["a start", "a end", "b start", "b end"],
      ["b start", "b end", "a start", "a end"],
    ]).toContainEqual(log);
    expect(await a.redis.exists(keyOf("100"))).toBe(0);
  });

  it("runs different chats at the same time", async () => {
    const [a, b] = [inProcess(), inProcess()];
    const log: string[] = [];
    const one = work(log, "a");
    const two = work(log, "b");
    const both = Promise.all([a.locked("201", one.task), b.locked("202", two.task)]);
    await Promise.all([one.started, two.started]);
    expect(log).toEqual(expect.arrayContaining(["a start", "b start"]));
    one.finish();
    two.finish();
    expect(await both).toEqual(["a", "b"]);
  });

  it("frees the chat of a process that died holding it once the lock's time is up", async () => {
    const dying = inProcess({ ttlMs: 400 });
    const other = inProcess();
    const log: string[] = [];
    const stuck = work(log, "dead");
    void dying.locked("300", stuck.task).catch(() => undefined);
    await stuck.started;
    // The process is gone: its connection with it, so nothing extends or releases its lock.
    dying.redis.disconnect();
    const since = Date.now();
    expect(await other.locked("300", work(log, "next", 0).task)).toBe("next");
    const waited = Date.now() - since;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3_000);
    stuck.finish();
  });

  it("keeps the chat for a holder that works longer than the lock's time", async () => {
    const [slow, other] = [inProcess({ ttlMs: 300 }), inProcess()];
    const log: string[] = [];
    const long = work(log, "slow", 1_000);
    const first = slow.locked("400", long.task);
    await long.started;
    await other.locked("400", work(log, "next", 0).task);
    await first;
    expect(log).toEqual(["slow start", "slow end", "next start", "next end"]);
  });

  it("lets no one but the holder free the chat", async () => {
    const [a, b] = [inProcess({ ttlMs: 5_000 }), inProcess()];
    const log: string[] = [];
    const first = work(log, "a");
    const running = a.locked("500", first.task);
    await first.started;
    // As if a's lock had expired under it (a Redis failover, a long pause): b takes the chat.
    await a.redis.del(keyOf("500"));
    const second = work(log, "b");
    const next = b.locked("500", second.task);
    await second.started;
    // a ends and releases: b's lock must stay.
    first.finish();
    await running;
    expect(await a.redis.pttl(keyOf("500"))).toBeGreaterThan(0);
    const [c] = [inProcess({ waitMs: 200 })];
    await expect(c.locked("500", async () => "c")).rejects.toBeInstanceOf(ChatBusyError);
    second.finish();
    await next;
    expect(await c.locked("500", async () => "c")).toBe("c");
  });

  it("gives up after the wait allowed", async () => {
    const [a, b] = [inProcess(), inProcess({ waitMs: 200 })];
    const log: string[] = [];
    const held = work(log, "a");
    const running = a.locked("600", held.task);
    await held.started;
    const since = Date.now();
    await expect(b.locked("600", async () => "b")).rejects.toBeInstanceOf(ChatBusyError);
    expect(Date.now() - since).toBeGreaterThanOrEqual(180);
    expect(log).toEqual(["a start"]);
    held.finish();
    await running;
  });

  it("goes on without the lock, with a warning, when Redis cannot be reached", async () => {
    // Nothing listens on port 1; no offline queue, so each command fails at once.
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false });
    const locked = createChatLock({ redis: down, prefix, platform: "telegram", waitMs: 1_000, logger });
    expect(await locked("700", async () => "answered")).toBe("answered");
    expect(warnings).toContain("chat lock unavailable; going on in this process's order");
    down.disconnect();
  });
});
