// 团籍注册 end to end on the console with the app's clock: 赵敏 (committee staff) opens it for her whole committee;
// members get the message through the outbox and answer with a tap (or words); the reminder a week later reaches
// only the one who has not answered; 钱芳 (团支书) decides for several at once from a list with hints; the
// committee's figures are the ones counted by hand; closing freezes them and later taps are refused.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "./helpers.ts";
import { registrationFixture } from "./story-fixture.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const jobs = campaignJobs(app);
const f = await registrationFixture(app);

async function chat(member: { id: number }, name: string) {
  await db.chatIdentity.create({
    data: {
      platform: "CONSOLE",
      externalUserId: `c-${name}`,
      chatId: `c-${name}`,
      memberId: member.id,
      boundAt: app.clock.now,
    },
  });
  return chatAs(app.core, `c-${name}`, "console");
}
const zhao = await chat(f.zhao, "zhao");
const qian = await chat(f.qian, "qian");
const zhou = await chat(f.zhou, "zhou");
const zheng = await chat(f.zheng, "zheng");
await chat(f.feng, "feng"); // 冯三 answers nothing: reminded, then decided by the 团支书
const chu = await chat(f.chu, "chu");
const wu = await chat(f.wu, "wu");
// 孙立 has no chat: counted in the audience, never written to.

const text = (replies: { text: string }[]) => replies.map((r) => r.text).join("\n");
const payloads = (replies: { buttons?: { payload: string }[][] }[]) =>
  replies.flatMap((r) => r.buttons?.flat().map((b) => b.payload) ?? []);
const outbox = (messageKey: string) =>
  db.outboxMessage.findMany({ where: { messageKey }, include: { identity: true }, orderBy: { id: "asc" } });
let campaignId = 0;

describe("团籍注册 on the console", () => {
  it("a member of no committee cannot open one; the committee opens it with a typed closing day", async () => {
    expect(text(await qian.say("/campaign"))).toBe("只有团委工作人员可以发起团籍注册等工作。");
    const audience = await zhao.say("发起团籍注册");
    expect(audience[0]!.intent).toBe("campaign.register");
    expect(text(audience)).toContain("面向哪些下级组织");
    expect(payloads(audience)).toEqual([`camp-aud:${f.a.id}`, `camp-aud:${f.b.id}`, "camp-aud:done"]);
    expect(text(await zhao.say("全部下级"))).toContain("什么时候截止");
    expect(text(await zhao.say("12月32日"))).toContain("没看懂这个日期");
    // A question meanwhile is answered, and the closing day is still asked for.
    const aside = await zhao.say("谁没读通知");
    expect(aside.map((r) => r.intent)).toEqual(["notice.progress", "campaign.open"]);
    const every = await zhao.say("12月10日");
    expect(text(every)).toContain("截止 2026-12-10");
    const preview = text(await zhao.press("camp-every:7"));
    expect(preview).toContain("即将发起：2026 年度团籍注册");
    expect(preview).toContain("时间：2026-11-18 至 2026-12-10；每 7 天提醒还没回复的人");
    expect(preview).toContain("对象：7 名团员，其中 6 人可在团助上收到通知，1 人暂时联系不上。");
    const opened = await zhao.press("camp-go:yes");
    expect(text(opened)).toContain("✅ 已发起 2026 年度团籍注册");
    const campaign = await db.campaign.findFirstOrThrow({ where: { orgId: f.committee.id } });
    campaignId = campaign.id;
    expect(campaign).toMatchObject({ kind: "registration", label: "2026", remindEveryDays: 7, status: "OPEN" });
    expect(await db.auditLog.count({ where: { action: "campaign.open", actorId: f.zhao.id } })).toBe(1);
    // A second tap on the old preview opens nothing more.
    expect(text(await zhao.press("camp-go:yes"))).toBe("这一步已失效，请重新发起（/campaign）。");
    expect(await db.campaign.count({ where: { orgId: f.committee.id } })).toBe(1);
  });

  it("tells every member with a chat through the outbox, a broadcast waiting out quiet hours", async () => {
    await jobs.open(campaignId);
    const rows = await outbox("campaigns-registration-open");
    expect(rows.map((r) => r.identity.memberId).sort()).toEqual(
      [f.zhao, f.qian, f.zhou, f.zheng, f.feng, f.chu].map((m) => m.id).sort(),
    );
    expect(rows.every((r) => !r.urgent)).toBe(true);
    const args = {
      ...(rows[0]!.args as Record<string, string>),
      label: "2026",
      org: "测试大学团委",
      closes: "2026-12-10",
    };
    expect(i18n.t("zh-CN", "campaigns-registration-open", args)).toContain(
      "📝 2026 年度团籍注册（测试大学团委 发起，2026-12-10 截止）",
    );
    expect(await db.campaignEntry.count({ where: { campaignId } })).toBe(7);
  });

  it("someone outside the committee sees nothing of it", async () => {
    expect(text(await wu.press(`camp-prog:${campaignId}`))).toBe("找不到这项工作，或不在你的管辖范围内。");
    expect(text(await wu.press(`camp-names:${campaignId}:${f.a.id}`))).toBe("找不到这项工作，或不在你的管辖范围内。");
    expect(text(await wu.press(`camp-decide:${campaignId}:${f.a.id}`))).toBe("找不到这项工作，或不在你的管辖范围内。");
    expect(text(await wu.press(`camp-closed:${campaignId}`))).toBe("找不到这项工作，或不在你的管辖范围内。");
    expect(text(await wu.press(`camp-ans:${campaignId}:ok`))).toBe("这项工作不包括你，无需回复。");
  });

  it("members answer with one or two taps, or words; a second tap changes nothing", async () => {
    expect(text(await zhou.press(`camp-ans:${campaignId}:ok`))).toBe("已记录：已确认信息无误。团支书（钱芳）会审核。");
    expect(text(await zhou.press(`camp-ans:${campaignId}:ok`))).toBe(
      "你已经这样回复过了（已确认信息无误），无需再点。",
    );
    const ask = await zheng.press(`camp-ans:${campaignId}:change`);
    expect(text(ask)).toBe("哪一项有变化？选一项即可，团支书会和你核实。");
    expect(payloads(ask)).toEqual([
      `camp-ans:${campaignId}:change-org`,
      `camp-ans:${campaignId}:change-study`,
      `camp-ans:${campaignId}:change-dues`,
    ]);
    expect(text(await zheng.say("毕业"))).toBe("已记录：报告：学习/工作状态有变化。团支书（钱芳）会审核。");
    // Branch B has no 团支书 of its own: the committee's staff is named instead.
    const mine = await chu.say("团籍注册");
    expect(text(mine)).toContain("2026 年度团籍注册（2026-12-10 截止）：请回复。");
    expect(text(await chu.say("信息无误"))).toBe("已记录：已确认信息无误。团支书（赵敏）会审核。");
    expect(text(await chu.say("团籍注册"))).toContain("你已回复（已确认信息无误）。等待团支书审核。");
  });

  it("reminds a week later only the member with a chat who has not answered, once", async () => {
    expect(await jobs.daily("2026-11-24")).toMatchObject({ rounds: 0 });
    expect(await jobs.daily("2026-11-25")).toMatchObject({ rounds: 1 });
    await jobs.remind(campaignId, 1);
    await jobs.remind(campaignId, 1);
    const rows = await outbox("campaigns-registration-remind");
    expect(rows.map((r) => r.identity.memberId).sort()).toEqual([f.zhao.id, f.qian.id, f.feng.id].sort());
  });

  it("the 团支书 decides for several at once, with hints beside names; typed answers work; a second tap is refused", async () => {
    const progress = text(await qian.say("/campaigns"));
    expect(progress).toContain("合计：已办结 0/4（0.0%），已回复 2 人");
    const names = await qian.press(`camp-names:${campaignId}:${f.a.id}`);
    expect(text(names)).toContain("甲班团支部（4 人）：钱芳、周一（已回复）、郑二（已回复）、冯三");
    const list = await qian.press(`camp-decide:${campaignId}:${f.a.id}`);
    const body = text(list);
    expect(body).toContain("1. 钱芳 — 未回复；⚠ 欠缴团费 3 个月");
    expect(body).toContain("2. 周一 — 已确认信息无误；⚠ 欠缴团费 1 个月");
    expect(body).not.toContain("2. 周一 — 已确认信息无误；⚠ 欠缴团费 1 个月；⚠ 今年无组织生活记录");
    expect(body).toContain("3. 郑二 — 报告：学习/工作状态有变化；⚠ 欠缴团费 3 个月；⚠ 今年无组织生活记录");
    expect(body).toContain("4. 冯三 — 未回复；⚠ 欠缴团费 3 个月；⚠ 今年无组织生活记录");
    await qian.press(`camp-sel:${f.zhou.id}`);
    const selected = await qian.press(`camp-sel:${f.feng.id}`);
    expect(text(selected)).toBe("已选 2 人：周一、冯三。再点办理结果。");
    const done = text(await qian.press("camp-do:register"));
    expect(done).toContain("✅ 已办理「注册」2 人：周一、冯三。已通知本人");
    expect(text(await qian.press("camp-do:register"))).toBe("这份名单已失效（已办理或已过期）。请重新打开名单。");
    const told = await outbox("campaigns-registration-decided-register");
    expect(told.map((r) => r.identity.memberId).sort()).toEqual([f.zhou.id, f.feng.id].sort());

    // Typed: "2 暂缓" (those not done come first: 钱芳, 郑二, …) asks the reason; her own entry is refused.
    expect(text(await qian.press(`camp-decide:${campaignId}:${f.a.id}`))).toContain("2. 郑二");
    expect(text(await qian.say("2 暂缓"))).toContain("「暂缓注册」需要原因");
    expect(text(await qian.say("团费未缴清"))).toContain("✅ 已办理「暂缓注册」1 人：郑二。原因：团费未缴清。");
    await qian.press(`camp-decide:${campaignId}:${f.a.id}`);
    expect(text(await qian.say("全部 注册"))).toContain("不能办理你自己的一项");
    const entry = await db.campaignEntry.findFirstOrThrow({ where: { campaignId, memberId: f.zheng.id } });
    expect(entry).toMatchObject({ decision: "register", done: true, decidedById: f.qian.id });
    expect(await db.auditLog.count({ where: { action: "campaign.decide", actorId: f.qian.id } })).toBe(3);
    // The member learns the result; the answer cannot be changed after it.
    expect(text(await zheng.press(`camp-ans:${campaignId}:ok`))).toBe(
      "团支书已经办理了你的这一项（注册），回复没有更改。如有变化请联系团支书。",
    );
  });

  it("the committee sees completion per branch, worst first, equal to a hand count; closing freezes it", async () => {
    // A: 周一, 冯三, 郑二 decided (3 of 4; 钱芳 herself is for the committee); B: 褚四 answered, nobody decided (0 of 2).
    // 赵敏 herself sits in the committee, not in a branch: its own row. Equal shares: more left to do first.
    const body = text(await zhao.press(`camp-prog:${campaignId}`));
    expect(body).toContain("合计：已办结 3/7（42.8%），已回复 3 人。按完成率从低到高：");
    expect(body).toContain(
      [
        "1. 乙班团支部：已办结 0/2（0.0%），已回复 1",
        "2. 测试大学团委：已办结 0/1（0.0%），已回复 0",
        "3. 甲班团支部：已办结 3/4（75.0%），已回复 2",
      ].join("\n"),
    );
    // The committee decides 钱芳's own entry.
    await zhao.press(`camp-decide:${campaignId}:${f.a.id}`);
    expect(text(await zhao.say("1 注册"))).toContain("✅ 已办理「注册」1 人：钱芳。");

    expect(text(await zhao.press(`camp-close:${campaignId}`))).toContain("确定关闭 2026 年度团籍注册 吗？");
    app.clock.set(new Date("2026-11-26T15:00:00+08:00"));
    const closed = text(await zhao.press(`camp-closed:${campaignId}`));
    expect(closed).toContain("🔒 2026 年度团籍注册 已关闭。定格数字：已办结 4/7（57.1%）。");
    expect(text(await zhao.press(`camp-closed:${campaignId}`))).toBe(
      "2026 年度团籍注册 已关闭，数字已定格，不能再更改。",
    );
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(stored.status).toBe("CLOSED");
    expect((stored.snapshot as { rows: { done: number }[] }).rows.map((r) => r.done)).toEqual([0, 0, 4]);

    // Later actions are refused with a clear message, and the figures stay as they were.
    expect(text(await chu.press(`camp-ans:${campaignId}:change`))).toBe(
      "这项工作已于截止后关闭，不能再回复。如有需要请联系团支书。",
    );
    expect(text(await qian.press(`camp-decide:${campaignId}:${f.b.id}`))).toBe(
      "找不到这项工作，或不在你的管辖范围内。",
    );
    expect(text(await zhao.press(`camp-decide:${campaignId}:${f.b.id}`))).toBe(
      "2026 年度团籍注册 已关闭，数字已定格，不能再更改。",
    );
    await db.member.update({ where: { id: f.chu.id }, data: { orgId: f.a.id } });
    const after = text(await zhao.press(`camp-prog:${campaignId}`));
    expect(after).toContain("已于 2026-11-26 关闭，数字已定格");
    expect(after).toContain("合计：已办结 4/7（57.1%）");
    expect(await jobs.daily("2026-12-02")).toMatchObject({ rounds: 0 });
  });
});
