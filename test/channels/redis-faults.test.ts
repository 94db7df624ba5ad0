// Redis faults under running chats, on a redis-server of this test's own (never the shared one): flushed, and
// down for ten seconds then back empty. Updates already answered stay answered once (PostgreSQL keeps each bot's
// last update_id), and every message sent while Redis is down gets "系统繁忙，请稍后再试" at once (polling, WeChat)
// or a 503 and, on Telegram's retry after the outage, the real answer — exactly once.
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../bot/channels/telegram/telegram-channel.ts";
import { queueNames } from "../../bot/core/queues.ts";
import { createHttpServer } from "../../bot/http/server.ts";
import { reportRedisOutages } from "../../bot/lifecycle.ts";
import { startFakeTelegram, type TgUser, telegramUser, type Update } from "../helpers/fake-telegram.ts";
import type { MockContact } from "../helpers/fake-wechat.ts";
import { startOwnRedis } from "../helpers/redis-server.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { startTelegram } from "./telegram/start-telegram.ts";
import { startWechat } from "./wechat/start-wechat.ts";

const BUSY = "系统繁忙，请稍后再试。";
const SECRET = "hook-secret_0123456789";

const redis = await startOwnRedis();
afterAll(() => redis.close());
// The overload guard (503 while the event loop lags) is not what is tested: a busy test machine must not trip it.
const app = await createTestApp({
  REDIS_URL: redis.url,
  CHAT_RATE_PER_MINUTE: "500",
  WECHAT_SEND_INTERVAL_MS: "500",
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: "60000",
});
const { db } = app.deps;
// As bot/main.ts does: one warning per outage instead of a stack trace per reconnect attempt.
reportRedisOutages(
  app.deps.logger,
  app.deps.redis,
  queueNames.map((name) => app.deps.queues[name]),
);

const { fake: polled } = await startTelegram(app);
const hooked = await startFakeTelegram();
const http = createHttpServer(app.deps);
const webhookChannel = createTelegramChannel({
  config: {
    ...app.config,
    TELEGRAM_BOT_TOKEN: hooked.token,
    TELEGRAM_API_ROOT: hooked.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/webhook",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  },
  core: app.core,
  logger: app.deps.logger,
  redis: app.deps.redis,
  db,
  i18n: app.deps.i18n,
  http,
});
await webhookChannel.start();
afterAll(async () => {
  await webhookChannel.stop();
  await http.close();
  await hooked.close();
});
const post = async (update: Update) =>
  (
    await http.inject({
      method: "POST",
      url: "/telegram/webhook",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      payload: update,
    })
  ).statusCode;
const { fake: wechat } = await startWechat(app);

async function bind(user: TgUser, code: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: String(user.id),
      chatId: String(user.id),
      memberId: member.id,
      boundAt: app.clock.now,
    },
  });
}
const liMing = telegramUser(850_001, "李明");
const wangFang = telegramUser(850_002, "王芳");
const stranger = telegramUser(850_003, "路人");
await bind(liMing, "201901000001");
await bind(wangFang, "201801000002");
const xiaozhou = wechat.person("小周");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const texts = (fake: typeof polled, user: TgUser) => fake.sent(user.id).map((m) => m.text ?? "");
const kind = (name: string) => (t: string) => (t === BUSY ? "busy" : t.includes(`${name} 的团籍信息`) ? "status" : t);
const wechatTexts = (who: MockContact) => wechat.sentTo(who.id).map((m) => m.text ?? "");
/** Says something on WeChat and returns the id the puppet gave the message. */
async function wechatSays(who: MockContact, text: string): Promise<string> {
  let id = "";
  wechat.puppet.once("message", ({ messageId }: { messageId: string }) => {
    id = messageId;
  });
  await wechat.userSays(who, text);
  return id;
}

describe("Redis faults", () => {
  it("after a FLUSHALL, redeliveries of answered updates and re-emitted WeChat messages stay unanswered", async () => {
    const first = polled.userSends("/me", { from: liMing });
    await polled.waitForMessages(liMing.id, 1);
    const hookedFirst = hooked.userSends("/me", { from: wangFang });
    expect(await post(hookedFirst)).toBe(200);
    const said = await wechatSays(xiaozhou, "/start");
    await wechat.waitForSent(xiaozhou.id, 1);
    // The puppet emits the same message again (a reconnect): answered once.
    wechat.puppet.emit("message", { messageId: said });
    await sleep(300);

    await redis.flushAll();
    polled.redeliver(first);
    polled.userSends("/help", { from: liMing });
    await polled.waitForMessages(liMing.id, 2);
    expect(await post(hookedFirst)).toBe(200);
    expect(await post(hooked.userSends("/help", { from: wangFang }))).toBe(200);
    await sleep(1_000);

    expect(texts(polled, liMing).map(kind("李明"))).toEqual(["status", expect.stringContaining("我能帮你")]);
    expect(texts(hooked, wangFang).map(kind("王芳"))).toEqual(["status", expect.stringContaining("我能帮你")]);
    expect(wechatTexts(xiaozhou)).toHaveLength(1);
  }, 20_000);

  it("Redis down 10 s and back empty: busy at once, or a 503 and the real answer on Telegram's retry, once each", async () => {
    const liBefore = texts(polled, liMing).length;
    const wangBefore = texts(hooked, wangFang).length;
    const answeredBefore = hooked.userSends("/me", { from: wangFang });
    expect(await post(answeredBefore)).toBe(200);
    const zhouBefore = wechatTexts(xiaozhou).length;

    await redis.stop();
    const downAt = Date.now();
    const retries: Update[] = [];
    for (const status of ["/me", "查一下我的团籍", "我的团籍怎么样"]) {
      polled.userSends(status, { from: liMing });
      polled.userSends(status, { from: stranger });
      const update = hooked.userSends(status, { from: wangFang });
      expect(await post(update)).toBe(503);
      retries.push(update);
      await wechat.userSays(xiaozhou, status);
      await sleep(2_500);
    }
    await polled.waitForMessages(liMing.id, liBefore + 3);
    await polled.waitForMessages(stranger.id, 3);
    await wechat.waitForSent(xiaozhou.id, zhouBefore + 3);
    await sleep(Math.max(0, 10_000 - (Date.now() - downAt)));
    await redis.start();

    // Telegram keeps retrying until we take the update (our Redis client reconnects within a few seconds).
    for (const update of retries) {
      const deadline = Date.now() + 10_000;
      while ((await post(update)) !== 200) {
        expect(Date.now()).toBeLessThan(deadline);
        await sleep(500);
      }
    }
    // Redis came back empty: repeats, and the update answered before the outage, are still recognised.
    for (const update of [...retries, answeredBefore]) expect(await post(update)).toBe(200);
    polled.userSends("/me", { from: liMing });
    await polled.waitForMessages(liMing.id, liBefore + 4);
    await sleep(1_000);

    expect(texts(polled, liMing).slice(liBefore).map(kind("李明"))).toEqual(["busy", "busy", "busy", "status"]);
    expect(texts(polled, stranger)).toEqual([BUSY, BUSY, BUSY]);
    expect(texts(hooked, wangFang).slice(wangBefore).map(kind("王芳"))).toEqual([
      "status",
      "status",
      "status",
      "status",
    ]);
    expect(wechatTexts(xiaozhou).slice(zhouBefore)).toEqual([BUSY, BUSY, BUSY]);
  }, 50_000);
});
