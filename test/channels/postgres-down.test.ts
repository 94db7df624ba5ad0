// PostgreSQL gone for ten seconds under a running bot (a TCP gate between the app and the database drops every
// connection and refuses new ones). Every chat message sent meanwhile is answered exactly once: at once with
// "系统繁忙，请稍后再试" when polling and on the console, or — by webhook — with a 503, so that Telegram delivers it
// again and the real answer comes once PostgreSQL is back. Nothing is stored for a message answered "busy".
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { bindConsoleIdentity, createConsoleChannel } from "../../bot/channels/console/console-channel.ts";
import { createTelegramChannel } from "../../bot/channels/telegram/telegram-channel.ts";
import { createHttpServer } from "../../bot/http/server.ts";
import { Platform } from "../../bot/infra/db.ts";
import { startFakeTelegram, type TgUser, telegramUser, type Update } from "../helpers/fake-telegram.ts";
import { startTcpGate } from "../helpers/tcp-gate.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { adminUrl } from "../helpers/test-db.ts";
import { startTelegram } from "./telegram/start-telegram.ts";

const BUSY = "系统繁忙，请稍后再试。";
const SECRET = "hook-secret_0123456789";

const gate = await startTcpGate(adminUrl);
// The overload guard (503 while the event loop lags) is not what is tested: a busy test machine must not trip it.
const app = await createTestApp(
  { CHAT_RATE_PER_MINUTE: "500", OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: "60000" },
  { databaseVia: (url) => gate.via(url) },
);
afterAll(async () => {
  gate.open();
  await gate.close();
});
const { db } = app.deps;

// Long polling.
const { fake: polled } = await startTelegram(app);
// Webhook, on a second bot.
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

// The console, acting as 李明.
const consoleAs = await bindConsoleIdentity(db, "201901000001");
const consoleIn = new PassThrough();
const consoleOut = new PassThrough();
let printed = "";
consoleOut.on("data", (chunk) => {
  printed += chunk;
});
const consoleRun = createConsoleChannel({
  core: app.core,
  db,
  input: consoleIn,
  output: consoleOut,
  jsonl: true,
  as: "201901000001",
  userId: consoleAs.userId,
  imageLabel: "[图片]",
}).run();
afterAll(async () => {
  consoleIn.end();
  await consoleRun;
});
const consoleReplies = () =>
  printed
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { intent: string; text: string });
async function consoleSays(line: string, replies: number) {
  consoleIn.write(`${line}\n`);
  await until(() => consoleReplies().length >= replies, `${replies} console replies`);
}

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
const liMing = telegramUser(840_001, "李明");
const wangFang = telegramUser(840_002, "王芳");
const stranger = telegramUser(840_003, "路人");
await bind(liMing, "201901000001");
await bind(wangFang, "201801000002");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(ready: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
const texts = (fake: typeof polled, user: TgUser) => fake.sent(user.id).map((m) => m.text ?? "");
const mark = async (botToken: string) => {
  const rows = await db.$queryRaw<{ last: bigint }[]>`
    SELECT last_update_id AS last FROM telegram_update_marks WHERE bot_id = ${BigInt(botToken.split(":")[0]!)}`;
  return rows[0] ? Number(rows[0].last) : undefined;
};

describe("PostgreSQL down for 10 s", () => {
  it("answers every message sent meanwhile exactly once: busy at once, or after a webhook retry the real answer", async () => {
    // Before: all three answer for real.
    polled.userSends("/me", { from: liMing });
    expect((await polled.waitForMessages(liMing.id, 1))[0]!.text).toContain("李明 的团籍信息");
    const before = hooked.userSends("/me", { from: wangFang });
    expect(await post(before)).toBe(200);
    expect(texts(hooked, wangFang)[0]).toContain("王芳 的团籍信息");
    await consoleSays("/me", 1);
    expect(consoleReplies()[0]!.text).toContain("李明 的团籍信息");
    const identitiesBefore = await db.chatIdentity.count();

    gate.cut();
    const cutAt = Date.now();
    const retries: Update[] = [];
    for (const [me, status] of [
      ["/me", "查一下我的团籍"],
      ["查一下我的团籍", "我的团籍"],
      ["/me", "帮我看看团籍状态"],
    ] as const) {
      polled.userSends(me, { from: liMing });
      polled.userSends(status, { from: stranger });
      const update = hooked.userSends(status, { from: wangFang });
      // Telegram is asked to deliver it again, and nothing is said to the person yet.
      expect(await post(update)).toBe(503);
      retries.push(update);
      await consoleSays(status, consoleReplies().length + 1);
      await sleep(3_000);
    }
    // Telegram retries a webhook update while PostgreSQL is still down: again a 503.
    expect(await post(retries[0]!)).toBe(503);
    await until(() => texts(polled, liMing).length >= 4 && texts(polled, stranger).length >= 3, "busy replies");
    expect(Date.now() - cutAt).toBeLessThan(15_000);
    await sleep(Math.max(0, 10_000 - (Date.now() - cutAt)));
    gate.open();

    // Telegram's retries after the outage get the real answers, once each, however often they come.
    for (const update of retries) expect(await post(update)).toBe(200);
    for (const update of retries) expect(await post(update)).toBe(200);
    const last = polled.userSends("/me", { from: liMing });
    await polled.waitForMessages(liMing.id, 5);
    await consoleSays("/me", 5);
    await sleep(1_000);

    expect(
      texts(polled, liMing).map((t) => (t === BUSY ? "busy" : t.includes("李明 的团籍信息") ? "status" : t)),
    ).toEqual(["status", "busy", "busy", "busy", "status"]);
    expect(texts(polled, stranger)).toEqual([BUSY, BUSY, BUSY]);
    const wang = texts(hooked, wangFang);
    expect(wang).toHaveLength(4);
    for (const text of wang) expect(text).toContain("王芳 的团籍信息");
    expect(consoleReplies().map((r) => r.intent)).toEqual([
      "membership.status",
      "unavailable",
      "unavailable",
      "unavailable",
      "membership.status",
    ]);
    expect(consoleReplies()[1]!.text).toBe(BUSY);

    // Nothing stored for what was answered busy: the stranger is still unknown; the marks moved on only for
    // updates that were handled.
    expect(await db.chatIdentity.count()).toBe(identitiesBefore);
    expect(
      await db.chatIdentity.count({ where: { platform: Platform.TELEGRAM, externalUserId: String(stranger.id) } }),
    ).toBe(0);
    expect(await mark(hooked.token)).toBe(Math.max(...retries.map((u) => u.update_id)));
    expect(await mark(polled.token)).toBe(last.update_id);
  }, 50_000);
});
