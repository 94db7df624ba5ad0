// Send limits: Telegram takes 30 messages a second from a bot, one a second in a private chat and twenty a minute
// in a group; WeChat one message every few seconds from the whole account.
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../bot/config.ts";
import { createRedis } from "../../../bot/infra/redis.ts";
import { createChatLimiter, WINDOW_MARGIN_MS, waitFor } from "../../../workers/delivery/chat-limiter.ts";
import { platformLimits } from "../../../workers/delivery/platform-limits.ts";
import { uniquePrefix } from "../../helpers/test-db.ts";

const config = loadConfig({ ...process.env, WECHAT_SEND_INTERVAL_MS: "3000", TELEGRAM_SENDS_PER_SECOND: "30" });
const limits = platformLimits(config);
const redis = createRedis(config.REDIS_URL, "client");
const prefix = uniquePrefix();
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe("platform limits from the configuration", () => {
  it("paces Telegram's sends evenly at 30 a second, a fifth kept for replies, and WeChat's one per 3 s", () => {
    // 30 a second with 3 ms of room in each second, of which broadcasts may take 24; the queue's own limiter only
    // has to exist (for a 429's pause).
    expect(limits.telegram.pace).toEqual({
      spacingMs: { reply: 1_003 / 30, broadcast: 1_003 / 24 },
      perWindow: { reply: 30, broadcast: 24 },
      windowMs: 1_000,
    });
    expect(limits.telegram.queue).toEqual({ max: 300, duration: 1_000 });
    expect(limits.wechat).toEqual({ queue: { max: 1, duration: 3_000 } });
  });

  it("tells group chats (negative ids) from private ones on Telegram", () => {
    expect(limits.telegram.chat?.("-1001234567890")).toEqual({
      kind: "group",
      window: { points: 20, windowMs: 60_000 },
    });
    expect(limits.telegram.chat?.("700001")).toEqual({ kind: "private", window: { points: 1, windowMs: 1_000 } });
  });
});

describe("the chat limiter", () => {
  it("sends the n-th message over the limit n windows ahead, not all of them at the next one", () => {
    const perSecond = { points: 1, windowMs: 1_000 };
    expect(waitFor(perSecond, 1, 800)).toBe(0);
    expect(waitFor(perSecond, 2, 800)).toBe(800);
    expect(waitFor(perSecond, 4, 800)).toBe(800 + 2 * (1_000 + WINDOW_MARGIN_MS));
    expect(waitFor({ points: 20, windowMs: 60_000 }, 41, 500)).toBe(500 + 60_050);
  });

  it("lets one message a second through to a private chat, and twenty a minute to a group", async () => {
    const limiter = createChatLimiter(redis, `${prefix}a`, limits);
    expect(await limiter.reserve("telegram", "700001")).toBe(0);
    const wait = await limiter.reserve("telegram", "700001");
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1_000 + WINDOW_MARGIN_MS);
    // Another chat is not held up.
    expect(await limiter.reserve("telegram", "700002")).toBe(0);
    // A slot given back (the message was not sent after all) is free again.
    expect(await limiter.reserve("telegram", "700004")).toBe(0);
    await limiter.release("telegram", "700004");
    expect(await limiter.reserve("telegram", "700004")).toBe(0);
    expect(await limiter.reserve("telegram", "700004")).toBeGreaterThan(900);
    // A message that waited for the platform's pace before going out: the chat's window runs from its send.
    expect(await limiter.reserve("telegram", "700005")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await limiter.restart("telegram", "700005");
    expect(await limiter.reserve("telegram", "700005")).toBeGreaterThan(1_000);

    for (let i = 0; i < 20; i++) expect(await limiter.reserve("telegram", "-100555")).toBe(0);
    expect(await limiter.reserve("telegram", "-100555")).toBeGreaterThan(59_000);
    // WeChat's pace is kept by its queue, not here.
    for (let i = 0; i < 5; i++) expect(await limiter.reserve("wechat", "wxid_abc")).toBe(0);
  });
});
