// The change-of-income story end to end on two channels, with the delivery worker running and the app's clock:
// on the console (two consoles, two roles, as the README shows) and on Telegram (the fake Bot API). The member
// reports in plain words, the 团支书 gets the request in her own chat and answers by typing 同意 where the buttons
// were offered; the member is told, and /dues charges the new amount from the month named, earlier months unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleInbox } from "../../../bot/channels/console/inbox.ts";
import type { ChannelSender, PlatformName } from "../../../bot/core/types.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import { consoleSession } from "../../helpers/console-session.ts";
import { type SentMessage, type TgUser, telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const inbox = createConsoleInbox(app.deps.redis, app.config.REDIS_PREFIX);
const consoleSender: ChannelSender = { platform: "console", send: (chatId, reply) => inbox.push(chatId, reply) };
const { fake, channel } = await startTelegram(app);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(
    app.deps,
    new Map<PlatformName, ChannelSender>([
      ["console", consoleSender],
      ["telegram", channel.sender],
    ]),
  );
});
afterAll(async () => {
  await workers.close();
});

const consoleAs = (code: string, lines: string[]) => consoleSession(app, inbox, code, lines);

describe("on the console", () => {
  it("李明 reports, 王芳 types 同意 in her console, 李明's dues follow from December", async () => {
    app.clock.set(new Date("2027-01-10T10:00:00+08:00"));
    // 王芳 opens her console once, so her console chat exists.
    await consoleAs("201801000002", ["/start"]);
    const li = await consoleAs("201901000001", ["我毕业了现在上班了月薪八千", "12月", "好的"]);
    expect(li.map((l) => l.intent)).toEqual(["dues.change", "dues.change", "dues.change"]);
    expect(li[1]!.text).toContain("每月团费 16.00 元（此前每月 0.20 元）");
    expect(li[2]!.text).toContain("✅ 已提交。由你的团支书 王芳 确认。");

    const wang = await consoleAs("201801000002", ["同意"]);
    expect(wang[0]).toMatchObject({ proactive: true });
    expect(wang[0]!.text).toContain(
      "📝 李明（2019****0001，计科2022级1班团支部）报告情况变化：自 2026年12月 起改为在职",
    );
    expect(wang[0]!.buttons.map((b) => b.label)).toEqual(["同意", "退回"]);
    expect(wang[1]!.text).toContain("已同意：李明 自 2026年12月 起按在职");

    const after = await consoleAs("201901000001", ["/dues"]);
    expect(after[0]).toMatchObject({ proactive: true });
    expect(after[0]!.text).toContain("✅ 王芳 已确认你的情况变化：自 2026年12月 起");
    expect(after[1]!.text).toContain("每月团费：16.00 元");
    // November stays at the student's 0.20; December and January at 16.
    expect(after[1]!.text).toContain("欠缴 3 个月（2026年11月 至 2027年1月），共 32.20 元");
  }, 120_000);
});

async function bound(id: number, code: string, name: string): Promise<TgUser> {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: String(id),
      chatId: String(id),
      memberId: member.id,
      boundAt: app.clock.now,
    },
  });
  return telegramUser(id, name);
}

async function say(user: TgUser, text: string): Promise<SentMessage> {
  const before = fake.sent(user.id).length;
  fake.userSends(text, { from: user });
  return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
}

async function press(user: TgUser, message: SentMessage, prefix: string): Promise<SentMessage> {
  const payload = message.buttons.flat().find((b) => b.callback_data.startsWith(prefix))!.callback_data;
  const before = fake.sent(user.id).length;
  fake.userPresses(payload, message.message_id, { from: user });
  return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
}

describe("on Telegram", () => {
  it("黄丽 says her income changed, taps through; 王芳 types 同意 under the request; both see it", async () => {
    app.clock.set(new Date("2026-11-18T10:00:00+08:00"));
    const huang = await bound(950_001, "202201000007", "黄丽");
    const wang = await bound(950_002, "201801000002", "王芳");
    const ask = await say(huang, "我找到工作了，收入变了");
    expect(ask.text).toContain("你的税后月收入是多少元");
    const month = await say(huang, "6500");
    // She has paid November: December is the first month a change may start.
    expect(month.text).toContain("可选 2026年12月 至 2027年2月");
    expect(month.buttons.flat().map((b) => b.callback_data)).toEqual(["circ-month:202612", "circ-stop:report"]);
    const summary = await press(huang, month, "circ-month:202612");
    expect(summary.text).toContain("13.00");
    const sent = await press(huang, summary, "circ-send:yes");
    expect(sent.text).toContain("王芳");
    // A second tap on the summary sends nothing twice.
    const again = await press(huang, summary, "circ-send:yes");
    expect(again.text).toContain("没有重复提交");

    const request = await until(() =>
      fake.sent(wang.id).find((m) => m.buttons.flat().some((b) => b.callback_data.startsWith("circ-ok:"))),
    );
    expect(request.text).toContain("黄丽");
    const done = await say(wang, "同意");
    expect(done.text).toContain("已同意：黄丽 自 2026年12月 起按在职，税后月收入 6500.00 元缴纳团费，每月 13.00 元");
    const told = await until(() => fake.sent(huang.id).find((m) => m.text?.includes("王芳 已确认")));
    expect(told.text).toContain("13.00");
    const dues = await say(huang, "/dues");
    expect(dues.text).toContain("已确认的情况变化：自 2026年12月 起每月团费 13.00 元");
    expect(dues.text).toContain("每月团费：0.20 元");
  }, 120_000);
});
