// 催交: a 团支书 has the bot remind the members who owe. The preview names who will be reminded and who must be
// reminded in person; sending reminds each member once (a second tap sends nothing), in their own chat, with what
// they owe and who asked; members and leaders elsewhere cannot send; every sending is audited.
import { describe, expect, it } from "vitest";
import { branchCollection } from "../../../../bot/features/dues/leaders/collection-service.ts";
import { reminderDelivery } from "../../../../bot/features/dues/reminders/delivery.ts";
import { renderRow } from "../../../../workers/delivery/render.ts";
import { createTestApp } from "../../../helpers/test-app.ts";
import { chatAsMember } from "../../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
// 王芳 is the branch's 团支书; 李明 owes this month and has a chat; the others who owe have none.
const wangFang = await chatAsMember(app, "201801000002", { platform: "telegram" });
const liMing = await chatAsMember(app, "201901000001", { platform: "telegram" });
const owing = (await branchCollection(db, branch.id, app.clock.now, app.config.TZ)).members.filter(
  (m) => m.owedMonths > 0 && m.id !== wangFang.member.id,
);
const unbound = owing.filter((m) => m.id !== liMing.member.id);

const payloads = (reply: { buttons?: { payload: string }[][] } | undefined) =>
  reply?.buttons?.flat().map((b) => b.payload);

async function nudgesTo(memberId: number) {
  const rows = await db.outboxMessage.findMany({
    where: { identity: { memberId }, messageKey: "duesleaders-nudge-member" },
    include: { identity: true },
    orderBy: { id: "asc" },
  });
  return Promise.all(rows.map((row) => renderRow(row, "zh-CN", app.deps, reminderDelivery[row.messageKey])));
}

describe("催交团费", () => {
  it("is offered under the branch's dues list", async () => {
    const [summary] = await wangFang.chat.say("/duesbranch");
    expect(payloads(summary)).toEqual([`dl-nudge:${branch.id}`]);
  });

  it("previews who will be reminded and who must be reminded in person, and 先不发 sends nothing", async () => {
    expect(unbound.length).toBeGreaterThan(0);
    const [preview] = await wangFang.chat.say("帮我催一下没交团费的");
    expect(preview!.intent).toBe("duesleaders.nudge");
    expect(preview!.text).toContain(`催交团费：计科2022级1班团支部 有 ${owing.length} 人欠缴团费。`);
    expect(preview!.text).toContain("团助会提醒（1 人）：李明（1 个月 0.20 元）");
    expect(preview!.text).toContain(`没有绑定团助，请当面提醒（${unbound.length} 人）：`);
    for (const m of unbound) expect(preview!.text).toContain(`${m.name}（${m.owedMonths} 个月`);
    // The way to have them reminded next time.
    expect(preview!.text).toContain("发送 /branch，可以为每人生成一次性绑定码");
    expect(payloads(preview)).toEqual([`dl-nudge-send:${branch.id}:yes`, `dl-nudge-send:${branch.id}:no`]);
    const [no] = await wangFang.chat.say("先不发");
    expect(no!.text).toBe("好的，没有发送任何提醒。");
    expect(await nudgesTo(liMing.member.id)).toHaveLength(0);
  });

  it("reminds each member once, in their chat, with what they owe and who asked; a second tap sends nothing", async () => {
    await wangFang.chat.say("催缴");
    const [sent] = await wangFang.chat.press(`dl-nudge-send:${branch.id}:yes`);
    expect(sent!.text).toContain("已提醒 1 人：李明（1 个月 0.20 元）。");
    expect(sent!.text).toContain(`没有绑定团助，请当面提醒（${unbound.length} 人）`);
    const [message] = await nudgesTo(liMing.member.id);
    expect(message!.text).toBe(
      "【团费提醒】王芳（计科2022级1班团支部）请团助提醒你：你的团费已欠缴 1 个月，共 0.20 元。点「查看我的团费」可以在线缴纳，也可以现金交给团支书。",
    );
    expect(message!.buttons?.flat().map((b) => b.payload)).toEqual(["go:dues.status"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "duesleaders.nudge" } });
    expect(audit).toMatchObject({ actorId: wangFang.member.id, orgId: branch.id });
    expect(audit.data).toMatchObject({ reminded: 1, unbound: unbound.length });

    const [again] = await wangFang.chat.press(`dl-nudge-send:${branch.id}:yes`);
    expect(again!.text).toContain("这次没有发送：要提醒的人都已在 24 小时内提醒过。");
    expect(await nudgesTo(liMing.member.id)).toHaveLength(1);
    // The preview says so too, and offers nothing to send.
    const [preview] = await wangFang.chat.say("/duesnudge");
    expect(preview!.text).toContain("24 小时内已提醒过，这次不再打扰（1 人）：李明");
    expect(preview!.text).toContain("这次没有可以由团助提醒的人。");
    expect(preview!.buttons).toBeUndefined();
  });

  it("a day later reminds again", async () => {
    app.clock.advance(25 * 60 * 60 * 1000);
    const [sent] = await wangFang.chat.press(`dl-nudge-send:${branch.id}:yes`);
    expect(sent!.text).toContain("已提醒 1 人：李明");
    expect(await nudgesTo(liMing.member.id)).toHaveLength(2);
  });

  it("lets committee staff pick the branch first", async () => {
    const chenGang = await chatAsMember(app, "201701000003", { platform: "telegram" });
    const [pick] = await chenGang.chat.say("提醒没交团费的人");
    expect(pick!.text).toContain("/duesnudge 组织代码");
    expect(payloads(pick)).toContain(`dl-nudge:${branch.id}`);
    const [preview] = await chenGang.chat.press(`dl-nudge:${branch.id}`);
    expect(preview!.text).toContain("催交团费：计科2022级1班团支部");
  });

  it("is refused to a member who leads nothing, and to a leader outside the organisation's scope", async () => {
    const before = await db.outboxMessage.count({ where: { messageKey: "duesleaders-nudge-member" } });
    const [refused] = await liMing.chat.say("催交团费");
    expect(refused!.text).toContain("只有团支书、组织委员（团费收缴）、团委工作人员和管理员可以使用这个功能");
    const [forged] = await liMing.chat.press(`dl-nudge-send:${branch.id}:yes`);
    expect(forged!.text).toContain("按钮已失效");
    const other = await db.organisation.findFirstOrThrow({ where: { level: "BRANCH", NOT: { id: branch.id } } });
    const [elsewhere] = await wangFang.chat.press(`dl-nudge-send:${other.id}:yes`);
    expect(elsewhere!.text).toContain("按钮已失效");
    expect(await db.outboxMessage.count({ where: { messageKey: "duesleaders-nudge-member" } })).toBe(before);
  });
});
