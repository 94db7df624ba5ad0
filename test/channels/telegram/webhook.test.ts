// Telegram by webhook: updates arrive as POSTs on our HTTP server, and only Telegram (which knows the secret
// we gave setWebhook) may post them.
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../../bot/channels/telegram/telegram-channel.ts";
import { createHttpServer } from "../../../bot/http/server.ts";
import { Platform } from "../../../bot/infra/db.ts";
import { startFakeTelegram, telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const WEBHOOK_URL = "https://bot.example.org/telegram/webhook";
const SECRET = "hook-secret_0123456789";

const app = await createTestApp();
const fake = await startFakeTelegram();
const http = createHttpServer(app.deps);
const channel = createTelegramChannel({
  config: {
    ...app.config,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  },
  core: app.core,
  logger: app.deps.logger,
  redis: app.deps.redis,
  db: app.deps.db,
  i18n: app.deps.i18n,
  http,
});
await channel.start();
afterAll(async () => {
  await channel.stop();
  await http.close();
  await fake.close();
});

const post = (update: object, secret?: string) =>
  http.inject({
    method: "POST",
    url: "/telegram/webhook",
    headers: secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret },
    payload: update,
  });

const identities = (userId: number) =>
  app.deps.db.chatIdentity.count({ where: { platform: Platform.TELEGRAM, externalUserId: String(userId) } });

describe("Telegram by webhook", () => {
  it("sets the webhook with the secret on start and does not poll", () => {
    expect(channel.mode).toBe("webhook");
    expect(fake.webhook).toEqual({ url: WEBHOOK_URL, secret: SECRET });
    expect(fake.callsTo("getUpdates")).toEqual([]);
  });

  it("refuses a post without the secret or with a wrong one, and nothing reaches the core", async () => {
    const user = telegramUser(820001, "陌生人");
    const update = fake.userSends("/start", { from: user });

    expect((await post(update)).statusCode).toBe(401);
    expect((await post(update, "guessed-secret")).statusCode).toBe(401);
    expect((await post(update, `${SECRET}x`)).statusCode).toBe(401);

    expect(fake.sent(user.id)).toEqual([]);
    expect(await identities(user.id)).toBe(0);
  });

  it("answers an update posted with the right secret", async () => {
    const user = telegramUser(820002, "小林");
    const response = await post(fake.userSends("/start", { from: user }), SECRET);

    expect(response.statusCode).toBe(200);
    const [welcome] = fake.sent(user.id);
    expect(welcome!.text).toContain("你好！我是团助");
    expect(await identities(user.id)).toBe(1);
  });

  it("answers an update Telegram posts twice only once", async () => {
    const user = telegramUser(820003, "小何");
    const update = fake.userSends("/help", { from: user });

    expect((await post(update, SECRET)).statusCode).toBe(200);
    expect((await post(update, SECRET)).statusCode).toBe(200);
    expect(fake.sent(user.id).map((m) => m.text?.slice(0, 4))).toEqual(["我能帮你"]);
  });

  it("refuses a post that is not an update", async () => {
    expect((await post({ hello: "world" }, SECRET)).statusCode).toBe(400);
  });

  it("after stop, asks Telegram to deliver later (503) instead of taking the update", async () => {
    await channel.stop();
    const user = telegramUser(820004, "小郑");
    const response = await post(fake.userSends("/start", { from: user }), SECRET);
    expect(response.statusCode).toBe(503);
    expect(fake.sent(user.id)).toEqual([]);
  });
});
