// 团籍注册 on Telegram, over HTTP to the fake Bot API with the workers running: the committee opens it with inline
// buttons, the opening message reaches members through the outbox and delivery worker, a member confirms with a
// tap (a second tap changes nothing), the 团支书 selects and registers from buttons, the member is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import { type SentMessage, type TgUser, telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";
import { registrationFixture } from "./story-fixture.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const { fake, channel } = await startTelegram(app);
const f = await registrationFixture(app);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", channel.sender]]));
});
afterAll(async () => {
  await workers.close();
});

async function bound(id: number, name: string, member: { id: number }): Promise<TgUser> {
  await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: String(id),
      chatId: String(id),
      memberId: member.id,
      boundAt: new Date(),
    },
  });
  return telegramUser(id, name);
}
const zhao = await bound(950_001, "赵敏", f.zhao);
const qian = await bound(950_002, "钱芳", f.qian);
const zhou = await bound(950_003, "周一", f.zhou);
const wu = await bound(950_004, "吴昊", f.wu);

const textOf = (m: SentMessage) => m.text ?? m.caption ?? "";
/** Waits for a message in the person's chat whose text contains `part`. */
const messageSaying = (user: TgUser, part: string) =>
  until(() => [...fake.sent(user.id)].reverse().find((m) => textOf(m).includes(part)));
/** Waits for the newest message carrying a button whose payload starts with `prefix`. */
const messageWith = (user: TgUser, prefix: string) =>
  until(() => {
    for (const message of [...fake.sent(user.id)].reverse()) {
      const button = message.buttons.flat().find((b) => b.callback_data.startsWith(prefix));
      if (button) return { message, payload: button.callback_data };
    }
    return undefined;
  });
async function press(user: TgUser, prefix: string, expecting: string): Promise<SentMessage> {
  const { message, payload } = await messageWith(user, prefix);
  fake.userPresses(payload, message.message_id, { from: user });
  return messageSaying(user, expecting);
}
async function say(user: TgUser, text: string, expecting: string): Promise<SentMessage> {
  fake.userSends(text, { from: user });
  return messageSaying(user, expecting);
}

describe("团籍注册 on Telegram", () => {
  it("opens, reaches members, takes a confirmation once, and the 团支书 registers with buttons", async () => {
    // Three kinds: the committee picks 团籍注册 first.
    await say(zhao, "/campaign", "要发起哪一项");
    await press(zhao, "camp-kind:registration", "面向哪些下级组织");
    await press(zhao, "camp-aud:done", "什么时候截止");
    await press(zhao, "camp-until:14", "截止 2026-12-02");
    await press(zhao, "camp-every:7", "即将发起");
    await press(zhao, "camp-go:yes", "已发起 2026 年度团籍注册");

    // The opening message comes through the outbox with its two buttons.
    const { message: opening } = await messageWith(zhou, "camp-ans:");
    expect(textOf(opening)).toContain("📝 2026 年度团籍注册（测试大学团委 发起，2026-12-02 截止）");
    expect(opening.buttons.flat().map((b) => b.text)).toEqual(["信息无误", "有变化"]);
    await press(zhou, "camp-ans:", "已记录：已确认信息无误。团支书（钱芳）会审核。");
    fake.userPresses(opening.buttons[0]![0]!.callback_data, opening.message_id, { from: zhou });
    await messageSaying(zhou, "你已经这样回复过了");
    expect(await db.campaignEntry.count({ where: { respondedAt: { not: null } } })).toBe(1);

    // Outside the committee: nothing to see.
    const campaign = await db.campaign.findFirstOrThrow({ where: { orgId: f.committee.id } });
    await say(wu, "/campaigns", "你的管辖范围内还没有团籍注册等工作");

    // 钱芳: her branch's figures, the names, the list, one selection, 注册.
    await say(qian, "/campaigns", "合计：已办结 0/4（0.0%），已回复 1 人");
    await press(qian, "camp-names:", "甲班团支部（4 人）");
    await press(qian, "camp-decide:", "点名字选择");
    await press(qian, `camp-sel:${f.zhou.id}`, "已选 1 人：周一");
    await press(qian, "camp-do:register", "✅ 已办理「注册」1 人：周一");
    await messageSaying(zhou, "✅ 2026 年度团籍注册（测试大学团委）：你已注册。");
    const entry = await db.campaignEntry.findFirstOrThrow({ where: { campaignId: campaign.id, memberId: f.zhou.id } });
    expect(entry).toMatchObject({ decision: "register", done: true });
  }, 90_000);
});
