// Two bot processes behind a round-robin, sharing PostgreSQL and Redis: each gets one of a chat's two messages
// while the other is still working on the first. The person must see what they would have seen had one process
// answered both in order, and the same must be stored. Process 1 is held inside its core (a slow moment) on the
// first message, so that the second reaches process 2 while the first is being handled.
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../bot/app.ts";
import { createOfficialAccountChannel } from "../../bot/channels/official-account/official-account-channel.ts";
import { createTelegramChannel } from "../../bot/channels/telegram/telegram-channel.ts";
import type { Core } from "../../bot/core/router.ts";
import type { Incoming } from "../../bot/core/types.ts";
import { createHttpServer } from "../../bot/http/server.ts";
import { oaPerson, startFakeOfficialAccount } from "../helpers/fake-official-account.ts";
import { startFakeTelegram, telegramUser, type Update } from "../helpers/fake-telegram.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { OA_PATH, oaConfig } from "./official-account/start-official-account.ts";

const BUSY = "系统繁忙，请稍后再试。";
const SECRET = "hook-secret_0123456789";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A test machine under load must not trip the overload guard or the chat's flood control.
const first = await createTestApp({ OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: "60000", CHAT_RATE_PER_MINUTE: "500" });
// The second process: its own connections, the same database and Redis prefix.
const second: App = createApp(first.config, { now: () => first.clock.now });
afterAll(() => second.close());
const { db } = first.deps;

/** Process 1's core, which can be told to stop at one text until let go. */
let held: { text: string; entered: () => void; go: Promise<void> } | undefined;
const slowCore: Core = {
  async handle(incoming: Incoming) {
    const hold = held;
    if (hold && incoming.text === hold.text) {
      held = undefined;
      hold.entered();
      await hold.go;
    }
    return first.core.handle(incoming);
  },
};
function holdAt(text: string) {
  let entered!: () => void;
  let go!: () => void;
  const reached = new Promise<void>((resolve) => {
    entered = resolve;
  });
  held = { text, entered, go: new Promise<void>((resolve) => (go = resolve)) };
  return { reached, go };
}

/** Resolves "waiting" when `work` has not finished within `ms`. */
const stillWaiting = (work: Promise<unknown>, ms = 300) =>
  Promise.race([work.then(() => "answered"), sleep(ms).then(() => "waiting")]);

async function member(code: string) {
  return db.member.findUniqueOrThrow({ where: { code } });
}
async function dialogOf(platform: string, chatId: string, userId: string) {
  return first.deps.redis.get(`${first.config.REDIS_PREFIX}:dialog:${platform}:${chatId}:${userId}`);
}

const telegram = await startFakeTelegram();
/** A process's webhook: its own HTTP server and channel over that process's app. */
async function webhookProcess(app: App, core: Core, extra: Record<string, unknown> = {}) {
  const http = createHttpServer(app.deps);
  const channel = createTelegramChannel({
    config: {
      ...first.config,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ...extra,
    },
    core,
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
  });
  return async (update: Update) =>
    (
      await http.inject({
        method: "POST",
        url: "/telegram/webhook",
        headers: { "x-telegram-bot-api-secret-token": SECRET },
        payload: update,
      })
    ).statusCode;
}
const tg1 = await webhookProcess(first, slowCore);
const tg2 = await webhookProcess(second, second.core);
// Process 2 again, as if started with a short CHAT_LOCK_WAIT_MS.
const tgImpatient = await webhookProcess(second, second.core, { CHAT_LOCK_WAIT_MS: 300 });
afterAll(() => telegram.close());

describe("Telegram by webhook on two processes", () => {
  it("answers the last step of /bind on one process and /me on the other as if in order", async () => {
    const user = telegramUser(830001, "李明");
    const says = (text: string) => telegram.userSends(text, { from: user });
    expect(await tg1(says("/bind"))).toBe(200);
    expect(await tg2(says("201901000001"))).toBe(200);
    expect(await tg1(says("李明"))).toBe(200);

    const hold = holdAt("1234");
    const lastStep = tg1(says("1234"));
    await hold.reached;
    const me = tg2(says("/me"));
    const meAtFirst = await stillWaiting(me);
    hold.go();
    expect([await lastStep, await me]).toEqual([200, 200]);

    const texts = telegram.sent(user.id).map((m) => m.text ?? "");
    expect(texts).toHaveLength(5);
    expect(texts[3]).toContain("绑定成功！李明");
    expect(texts[4]).toContain("李明 的团籍信息");
    const identity = await db.chatIdentity.findFirstOrThrow({
      where: { platform: "TELEGRAM", externalUserId: String(user.id) },
    });
    expect(identity.memberId).toBe((await member("201901000001")).id);
    expect(await dialogOf("telegram", String(user.id), String(user.id))).toBeNull();
    // /me waited for the bind to finish on the other process.
    expect(meAtFirst).toBe("waiting");
  });

  it("has Telegram deliver a message again when its chat stays taken too long, and answers it then", async () => {
    const user = telegramUser(830002, "小周");
    const says = (text: string) => telegram.userSends(text, { from: user });
    const hold = holdAt("/help");
    const help = tg1(says("/help"));
    await hold.reached;
    const start = says("/start");
    expect(await tgImpatient(start)).toBe(503);
    hold.go();
    expect(await help).toBe(200);
    // Telegram's redelivery: the claim was given up, so it is answered now.
    expect(await tgImpatient(start)).toBe(200);
    const texts = telegram.sent(user.id).map((m) => m.text ?? "");
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("我能帮你");
    expect(texts[1]).toContain("你好！我是团助");
  });
});

const wechat = await startFakeOfficialAccount();
/** A process's route: its own HTTP server and channel over that process's app, WeChat posting to it. */
async function oaProcess(app: App, core: Core, extra: Record<string, unknown> = {}) {
  const http = Fastify();
  const config = { ...first.config, ...oaConfig(wechat.apiRoot, extra) };
  const channel = createOfficialAccountChannel({ ...app, core, deps: { ...app.deps, config } }, http);
  await http.ready();
  afterAll(async () => {
    await channel.stop();
    await http.close();
  });
  return { channel, person: (openId: string) => oaPerson(http, OA_PATH, openId, () => first.clock.now) };
}
const oa1 = await oaProcess(first, slowCore);
const oa2 = await oaProcess(second, second.core);
const oaImpatient = await oaProcess(second, second.core, { CHAT_LOCK_WAIT_MS: 300 });
const oaHurried = await oaProcess(second, second.core, { WECHAT_OA_REPLY_WITHIN_MS: 200 });
afterAll(() => wechat.close());

describe("the Official Account on two processes", () => {
  /** What the person saw for a message: the passive reply, or (answered late) the customer-service messages. */
  async function seen(answer: { passive: string | undefined }, openId: string) {
    if (answer.passive !== undefined) return answer.passive;
    await Promise.all([oa1.channel.settled(), oa2.channel.settled()]);
    return wechat.textsTo(openId).join("\n");
  }

  it("answers the last step of /bind on one process and /me on the other as if in order", async () => {
    const [at1, at2] = [oa1.person("o-two-processes"), oa2.person("o-two-processes")];
    await at1.say("/bind");
    await at2.say("201901000001");
    await at1.say("李明");

    const hold = holdAt("1234");
    const lastStep = at1.say("1234");
    await hold.reached;
    const me = at2.say("/me");
    const meAtFirst = await stillWaiting(me);
    hold.go();
    expect(await seen(await lastStep, "o-two-processes")).toContain("绑定成功！李明");
    expect(await seen(await me, "o-two-processes")).toContain("李明 的团籍信息");

    const identity = await db.chatIdentity.findFirstOrThrow({
      where: { platform: "WECHAT_OA", externalUserId: "o-two-processes" },
    });
    expect(identity.memberId).toBe((await member("201901000001")).id);
    expect(await dialogOf("wechat_oa", "o-two-processes", "o-two-processes")).toBeNull();
    expect(meAtFirst).toBe("waiting");
  });

  it("answers 'busy' when the person's earlier message keeps the other process too long", async () => {
    const hold = holdAt("/help");
    const help = oa1.person("o-busy").say("/help");
    await hold.reached;
    expect((await oaImpatient.person("o-busy").say("/start")).passive).toBe(BUSY);
    hold.go();
    expect((await help).passive).toContain("我能帮你");
  });

  it("answers after WeChat's deadline, as a customer-service message, when the turn comes late", async () => {
    const hold = holdAt("/help");
    const help = oa1.person("o-late").say("/help");
    await hold.reached;
    const start = await oaHurried.person("o-late").say("/start");
    expect(start.body).toBe("success");
    expect(wechat.textsTo("o-late")).toEqual([]);
    hold.go();
    expect((await help).passive).toContain("我能帮你");
    await oaHurried.channel.settled();
    expect(wechat.textsTo("o-late").join("\n")).toContain("你好！我是团助");
  });
});
