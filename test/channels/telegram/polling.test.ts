// Telegram by long polling, end to end: people write to a fake Bot API, the runner fetches their updates with
// getUpdates, the core answers, and the fake records what each chat sees.
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramChannel, type TelegramChannel } from "../../../bot/channels/telegram/telegram-channel.ts";
import { features } from "../../../bot/features/index.ts";
import {
  type FakeTelegram,
  groupChat,
  startFakeTelegram,
  type TgUser,
  telegramUser,
} from "../../helpers/fake-telegram.ts";
import { createTestApp, type TestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();

async function startBot(prepare: (fake: FakeTelegram) => void = () => {}) {
  const fake = await startFakeTelegram();
  prepare(fake);
  const channel = createTelegramChannel(channelDeps(app, fake));
  await channel.start();
  afterAll(async () => {
    await channel.stop();
    await fake.close();
  });
  return { fake, channel };
}

function channelDeps(app: TestApp, fake: FakeTelegram) {
  return {
    config: { ...app.config, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
    core: app.core,
    logger: app.deps.logger,
    redis: app.deps.redis,
    db: app.deps.db,
    i18n: app.deps.i18n,
  };
}

let nextUserId = 810_000;
const newcomer = (name: string, language = "zh-hans"): TgUser => telegramUser(nextUserId++, name, language);

const { fake } = await startBot();

describe("Telegram by long polling", () => {
  it("greets a newcomer's /start in Chinese with the menu as an inline keyboard", async () => {
    const user = newcomer("小红");
    fake.userSends("/start", { from: user });

    const [welcome] = await fake.waitForMessages(user.id, 1);
    expect(welcome!.text).toContain("你好！我是团助");
    expect(welcome!.buttons.flat()).toContainEqual({ text: "我的团籍", callback_data: "go:membership.status" });
    expect(welcome!.buttons.flat()).toContainEqual({ text: "语言 / Language", callback_data: "go:language" });
    expect(fake.callsTo("getUpdates").length).toBeGreaterThan(0);
  });

  it("runs a pressed button: the person picks English, and /help is answered in English", async () => {
    const user = newcomer("小刚");
    fake.userSends("/lang", { from: user });
    const [choose] = await fake.waitForMessages(user.id, 1);
    expect(choose!.buttons.flat().map((b) => b.callback_data)).toEqual(["lang:zh-CN", "lang:en"]);

    const press = fake.userPresses("lang:en", choose!.message_id, { from: user });
    const [, done] = await fake.waitForMessages(user.id, 2);
    expect(done!.text).toBe("Done — I'll reply in English from now on.");
    const answered = fake.callsTo("answerCallbackQuery").map((c) => c.params.callback_query_id);
    expect(answered).toContain(press.callback_query!.id);

    fake.userSends("/help", { from: user });
    const [, , help] = await fake.waitForMessages(user.id, 3);
    expect(help!.text).toContain("I can help with");
  });

  it("greets in English when the person's Telegram is in English", async () => {
    const user = newcomer("Alex", "en");
    fake.userSends("/start", { from: user });
    const [welcome] = await fake.waitForMessages(user.id, 1);
    expect(welcome!.text).toContain("Hello! I'm Tuanzhu");
    expect(welcome!.buttons.flat()).toContainEqual({ text: "My status", callback_data: "go:membership.status" });
  });

  it("registers the command menu in Chinese by default and in English for English apps", async () => {
    const calls = fake.callsTo("setMyCommands");
    expect(calls).toHaveLength(2);
    const [zh, en] = calls as [(typeof calls)[number], (typeof calls)[number]];
    expect(zh.params.language_code).toBeUndefined();
    expect(zh.params.commands).toContainEqual({ command: "start", description: "开始使用团助" });
    expect(en.params.language_code).toBe("en");
    expect(en.params.commands).toContainEqual({ command: "start", description: "Get started with Tuanzhu" });
    // What a member does by command is in the menu too, not only in the help text.
    expect(zh.params.commands).toContainEqual({ command: "join", description: "申请入团" });
    expect(en.params.commands).toContainEqual({ command: "change", description: "Report a new job or income (dues)" });
    const answered = new Set(features.flatMap((f) => Object.keys(f.commands ?? {})));
    const entries = (zh.params.commands as { command: string }[]).map((c) => c.command);
    expect(entries.filter((c) => !answered.has(c))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(["joinstatus", "leave"]));
  });

  it("stays silent in a group until it is mentioned, replied to or given a command", async () => {
    const group = groupChat(-1002000000001);
    const member = newcomer("王芳");
    fake.userSends("明天下午开团日活动", { from: member, chat: group });
    fake.userSends("/help@OtherGroupBot", { from: member, chat: group });
    const asked = fake.userSends("@tuanzhu_test_bot 你能做什么", { from: member, chat: group });

    // One chat's updates are handled in order, so the first two were already passed over when this arrives.
    const [answer] = await fake.waitForMessages(group.id, 1);
    expect(fake.sent(group.id)).toHaveLength(1);
    expect(answer!.text).toContain("我能帮你");
    expect(answer!.replyTo).toBe(asked.message!.message_id);

    fake.userSends("那团费呢？", { from: member, chat: group, replyTo: answer!.message_id });
    fake.userSends("/start", { from: member, chat: group });
    const [, afterReply, afterCommand] = await fake.waitForMessages(group.id, 3);
    expect(afterReply!.text).not.toBe("");
    expect(afterCommand!.text).toContain("你好！我是团助");
  });

  it("answers an update that Telegram delivers twice only once", async () => {
    const user = newcomer("小李");
    const first = fake.userSends("/start", { from: user });
    await fake.waitForMessages(user.id, 1);

    fake.redeliver(first);
    fake.userSends("/help", { from: user });
    const sent = await fake.waitForMessages(user.id, 2);
    expect(fake.sent(user.id)).toHaveLength(2);
    expect(sent[0]!.text).toContain("你好！我是团助");
    expect(sent[1]!.text).toContain("我能帮你");
  });

  it("waits out Telegram's flood control (429 retry_after) and then delivers the answer", async () => {
    const user = newcomer("小周");
    fake.failNext("sendMessage", { code: 429, retryAfter: 1 });
    fake.userSends("/start", { from: user });

    const [welcome] = await fake.waitForMessages(user.id, 1);
    expect(welcome!.text).toContain("你好！我是团助");
    const attempts = fake.callsTo("sendMessage").filter((c) => c.params.chat_id === user.id);
    expect(attempts.map((c) => c.outcome)).toEqual([429, "ok"]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("answers a sticker in a private chat by asking for text", async () => {
    const user = newcomer("小陈");
    fake.userSendsSticker({ from: user });
    const [reply] = await fake.waitForMessages(user.id, 1);
    expect(reply!.text).toContain("我没有收到文字内容");
  });
});

describe("Telegram on a Bot API server without setMyCommands", () => {
  let refusing: { fake: FakeTelegram; channel: TelegramChannel };

  it("starts anyway and answers", async () => {
    refusing = await startBot((f) => f.unsupported("setMyCommands"));
    expect(refusing.fake.callsTo("setMyCommands").map((c) => c.outcome)).toEqual([404]);

    const user = newcomer("小吴");
    refusing.fake.userSends("/start", { from: user });
    const [welcome] = await refusing.fake.waitForMessages(user.id, 1);
    expect(welcome!.text).toContain("你好！我是团助");
  });

  it("lets the answer in flight finish when it stops", async () => {
    const { fake, channel } = refusing;
    const user = newcomer("小赵");
    fake.failNext("sendMessage", { code: 429, retryAfter: 1 });
    fake.userSends("/help", { from: user });
    await fake.waitForCalls("sendMessage", 2); // the first answer above, then the refused try

    await channel.stop();
    expect(fake.sent(user.id).map((m) => m.text?.slice(0, 4))).toEqual(["我能帮你"]);
  });
});
