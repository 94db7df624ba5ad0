// The bot-wide pace in Redis: two processes sharing one timeline never get send slots closer than the spacing.
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../bot/config.ts";
import { createRedis } from "../../../bot/infra/redis.ts";
import { createPacer } from "../../../workers/delivery/pacer.ts";
import { platformLimits } from "../../../workers/delivery/platform-limits.ts";
import { startOwnRedis } from "../../helpers/redis-server.ts";
import { uniquePrefix } from "../../helpers/test-db.ts";

const config = loadConfig({ ...process.env, TELEGRAM_SENDS_PER_SECOND: "30" });
const limits = platformLimits(config);
const spacing = limits.telegram.pace!.spacingMs.broadcast;
// One connection per "process": each has its own socket, so their calls really interleave in Redis.
const one = createRedis(config.REDIS_URL, "client");
const two = createRedis(config.REDIS_URL, "client");
const prefix = uniquePrefix();
afterAll(async () => {
  const keys = await one.keys(`${prefix}*`);
  if (keys.length) await one.del(...keys);
  await Promise.all([one.quit(), two.quit()]);
});

const gaps = (slots: number[]) =>
  [...slots].sort((a, b) => a - b).flatMap((s, i, all) => (i === 0 ? [] : [s - all[i - 1]!]));

describe("the pacer shared through Redis", () => {
  it("never gives two processes asking at once slots closer than the spacing", async () => {
    const a = createPacer(one, `${prefix}a`, limits);
    const b = createPacer(two, `${prefix}a`, limits);
    const asks = Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).reserve("telegram", 60_000));
    const slots = await Promise.all(asks);
    expect(slots.every((s) => s.reserved)).toBe(true);
    const between = gaps(slots.map((s) => s.slotMs));
    expect(between).toHaveLength(39);
    // Stored to the microsecond: at most a thousandth of a ms off either way.
    for (const gap of between) expect(gap).toBeGreaterThanOrEqual(spacing - 0.002);
    // And no slower than the pace: asked all at once, they are back to back.
    expect(Math.max(...between)).toBeLessThan(spacing + 0.002);
    // The first one waited for nobody; the last one for 39 others.
    const waits = slots.map((s) => s.waitMs).sort((x, y) => x - y);
    expect(waits[0]).toBeLessThan(spacing);
    expect(waits[39]).toBeGreaterThan(38 * spacing);
  });

  it("takes no slot beyond the horizon, and the timeline goes on where it was", async () => {
    const pacer = createPacer(one, `${prefix}b`, limits);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push(await pacer.reserve("telegram", 2 * spacing));
    expect(taken.map((r) => r.reserved)).toEqual([true, true, true, false, false]);
    expect(taken[4]!.slotMs).toBeCloseTo(taken[3]!.slotMs, 0);
    await new Promise((resolve) => setTimeout(resolve, 3 * spacing));
    const next = await pacer.reserve("telegram", 2 * spacing);
    expect(next.reserved).toBe(true);
    expect(next.slotMs - taken[2]!.slotMs).toBeGreaterThanOrEqual(spacing - 0.002);
  });

  it("lets a send leave only while fewer than the limit are in flight or answered within the last second", async () => {
    const pacer = createPacer(one, `${prefix}e`, limits);
    const waits = [];
    for (let i = 0; i < 30; i++) waits.push(await pacer.depart("telegram", `a${i}`, "reply"));
    expect(waits.every((w) => w === 0)).toBe(true);
    // All thirty still in flight: the next one is told to ask again shortly, and is not recorded.
    const full = await pacer.depart("telegram", "b0", "reply");
    expect(full).toBeGreaterThan(0);
    expect(full).toBeLessThanOrEqual(5);
    // The first answer comes back: it keeps its place for a second from the answer, not from its departure.
    await pacer.answered("telegram", "a0");
    const afterAnswer = await pacer.depart("telegram", "b0", "reply");
    expect(afterAnswer).toBeGreaterThan(990);
    expect(afterAnswer).toBeLessThanOrEqual(1_001);
    expect(await one.zcard(`${prefix}e:pace:telegram:window`)).toBe(30);
  });

  it("frees the place of a send whose process died before its answer came", async () => {
    const pacer = createPacer(one, `${prefix}f`, limits, 50);
    for (let i = 0; i < 30; i++) await pacer.depart("telegram", `a${i}`, "reply");
    expect(await pacer.depart("telegram", "late", "reply")).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await pacer.depart("telegram", "late", "reply")).toBe(0);
  });

  it("keeps a fifth of the second for replies: a broadcast stops at 24, a reply still leaves", async () => {
    const pacer = createPacer(one, `${prefix}g`, limits);
    const broadcast = [];
    for (let i = 0; i < 25; i++) broadcast.push(await pacer.depart("telegram", `n${i}`));
    expect(broadcast.filter((w) => w === 0)).toHaveLength(24);
    expect(broadcast[24]).toBeGreaterThan(0);
    // The other six places are the replies'; the thirty-first waits like any send.
    const replies = [];
    for (let i = 0; i < 7; i++) replies.push(await pacer.depart("telegram", `r${i}`, "reply"));
    expect(replies.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(replies[6]).toBeGreaterThan(0);
    // Their own timeline: a reply's slot does not wait behind the broadcast's.
    for (let i = 0; i < 20; i++) await pacer.reserve("telegram", 60_000);
    expect((await pacer.reserve("telegram", 60_000, "reply")).waitMs).toBeLessThan(1);
  });

  it("holds every send back for as long as the platform asked after a 429", async () => {
    const pacer = createPacer(one, `${prefix}c`, limits);
    const before = await pacer.reserve("telegram", 60_000);
    await pacer.pushBack("telegram", 1_000);
    const after = await pacer.reserve("telegram", 60_000);
    expect(after.waitMs).toBeGreaterThan(990);
    expect(after.slotMs - before.slotMs).toBeGreaterThanOrEqual(1_000);
    // A shorter pause later does not pull the timeline forward.
    await pacer.pushBack("telegram", 10);
    expect((await pacer.reserve("telegram", 60_000)).slotMs - after.slotMs).toBeGreaterThanOrEqual(spacing - 0.002);
  });

  it("goes on pacing after Redis lost its scripts (restarted empty), sending each script's text again once", async () => {
    const own = await startOwnRedis();
    const redis = createRedis(own.url, "client");
    try {
      const pacer = createPacer(redis, `${prefix}restart`, limits);
      expect(await pacer.depart("telegram", "before", "reply")).toBe(0);
      await own.stop();
      await own.start();
      await redis.ping();
      const scripts = async () => Number(/number_of_cached_scripts:(\d+)/.exec(await redis.info("memory"))?.[1]);
      expect(await scripts()).toBe(0);
      expect(await pacer.depart("telegram", "after", "reply")).toBe(0);
      await pacer.answered("telegram", "after");
      expect((await pacer.reserve("telegram", 60_000)).reserved).toBe(true);
      expect(await scripts()).toBe(3);
      expect(await redis.zrange(`${prefix}restart:pace:telegram:window`, "0", "-1")).toEqual(["after"]);
    } finally {
      redis.disconnect();
      await own.close();
    }
  });

  it("lets platforms without a pace (WeChat keeps its queue's interval, the console none) go at once", async () => {
    const pacer = createPacer(one, `${prefix}d`, limits);
    for (let i = 0; i < 3; i++) {
      expect(await pacer.depart("wechat", `w${i}`)).toBe(0);
      expect(await pacer.reserve("wechat", 0)).toMatchObject({ reserved: true, waitMs: 0 });
      expect(await pacer.reserve("console", 0)).toMatchObject({ reserved: true, waitMs: 0 });
    }
    expect(await one.keys(`${prefix}d*`)).toEqual([]);
  });
});
