// Cash dues recorded by a leader for several members at once: typed lines, a preview that saves nothing, bad lines
// explained, and only the confirmation saves — through the ledger, audited, each member told.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../../../../bot/features/dues/months.ts";
import { formatMonthName } from "../../../../bot/features/membership/format.ts";
import { createTestApp } from "../../../helpers/test-app.ts";
import { chatAsMember } from "../../membership/member-chat.ts";

const app = await createTestApp();
const { db } = app.deps;
const current = monthOf(app.clock.now, app.config.TZ);
const month = (offset: number) => formatMonthName(addMonths(current, offset), "zh-CN");

const { chat, member: huang } = await chatAsMember(app, "202201000007");
// 李明 owes this month; a classmate who joined in 2023 owes three months. Both have a chat bound.
const { member: li, chat: liChat } = await chatAsMember(app, "201901000001");
const classmate = await db.member.findUniqueOrThrow({ where: { code: "202300000206" } });
await chatAsMember(app, classmate.code);
const saved = () => db.duesPayment.count({ where: { method: "CASH", handledById: huang.id } });

describe("黄丽 records cash dues for her branch", () => {
  it("explains every bad line and saves nothing", async () => {
    const [ask, pick] = await chat.say("/duescash");
    expect(ask!.text).toContain("请逐行发送「编号 月数」");
    // Those who owe in her branch, as lines to copy: the classmate's three months, 李明's one among them.
    const lines = pick!.text.split("\n").slice(1);
    expect(lines[0]).toMatch(/^\d{12} \d+$/);
    expect(lines).toContain("201901000001 1");
    expect(lines).toContain("202300000206 3");
    expect(pick!.text.split("\n")[0]).toContain("李明");
    const [reply] = await chat.say(
      ["201901000001 3", "20190100001 2", "202001000005 4", "201901000001 1", "李明三个月", "202300000206 0"].join(
        "\n",
      ),
    );
    expect(reply!.text.split("\n")).toEqual([
      "以下各行有问题，本次没有保存任何内容。请改正后把全部行重新发送：",
      "第 2 行「20190100001 2」：编号应为 12 位数字",
      "第 3 行「202001000005 4」：该团员不在你的管理范围内",
      "第 4 行「201901000001 1」：与第 1 行是同一人，请合并为一行",
      "第 5 行「李明三个月」：格式应为「编号 月数」，中间用空格隔开",
      "第 6 行「202300000206 0」：月数应为 1 到 600 之间的整数",
    ]);
    expect(reply!.buttons).toBeUndefined();
    expect(await saved()).toBe(0);
  });

  it("refuses her own line, even among good ones, and saves nothing", async () => {
    const hers = () => db.duesPayment.count({ where: { memberId: huang.id } });
    const before = await hers();
    const [reply] = await chat.say("201901000001 1\n202201000007 2");
    expect(reply!.text.split("\n")).toEqual([
      "以下各行有问题，本次没有保存任何内容。请改正后把全部行重新发送：",
      "第 2 行「202201000007 2」：这是你自己，自己的团费不能由你登记，请由支部其他负责人登记",
    ]);
    expect(reply!.buttons).toBeUndefined();
    expect(await saved()).toBe(0);
    expect(await hers()).toBe(before);
  });

  it("refuses more months than owed plus a year ahead", async () => {
    const [reply] = await chat.say("201901000001 14");
    expect(reply!.text).toContain("第 1 行「201901000001 14」：该团员最多可缴 13 个月（欠缴月份加预缴 12 个月）");
    expect(await saved()).toBe(0);
  });

  it("previews names, months and amounts, still saving nothing", async () => {
    const [preview] = await chat.say("201901000001 3\n202300000206 3个月");
    expect(preview!.text.split("\n")).toEqual([
      "现金团费登记预览（尚未保存）：",
      `201901000001 李明：3 个月（${month(0)} 至 ${month(2)}），0.60 元`,
      `202300000206 ${classmate.name}：3 个月（${month(-2)} 至 ${month(0)}），0.60 元`,
      "合计 2 人、6 个月、1.20 元。核对无误后点「确认登记」；要修改，直接重新发送全部行。",
    ]);
    expect(preview!.buttons!.flat().map((b) => [b.label, b.payload])).toEqual([
      ["确认登记", "dl-cash:yes"],
      ["取消", "dl-cash:no"],
    ]);
    expect(await saved()).toBe(0);
  });

  it("saves on confirmation: settled cash payments, the months paid, an audit entry, and a message to each", async () => {
    const [done] = await chat.press("dl-cash:yes");
    expect(done!.text).toBe("已登记 2 人的现金团费，共 6 个月、1.20 元，并已通知相关团员。");

    const payments = await db.duesPayment.findMany({
      where: { handledById: huang.id },
      include: { paidMonths: { orderBy: { month: "asc" } } },
      orderBy: { id: "asc" },
    });
    expect(payments.map((p) => [p.memberId, p.method, p.status, p.months, p.amountFen])).toEqual([
      [li.id, "CASH", "CONFIRMED", 3, 60],
      [classmate.id, "CASH", "CONFIRMED", 3, 60],
    ]);
    expect(payments[0]!.paidMonths.map((m) => m.month)).toEqual([
      current,
      addMonths(current, 1),
      addMonths(current, 2),
    ]);
    expect(payments[1]!.paidMonths.map((m) => m.month)).toEqual([
      addMonths(current, -2),
      addMonths(current, -1),
      current,
    ]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: huang.id, action: "duesleaders.cash" } });
    expect(audit).toMatchObject({ targetType: "DuesPayment", data: { outcome: "saved" } });
    expect(await db.auditLog.count({ where: { actorId: huang.id, action: "dues.payment.settled" } })).toBe(2);

    const told = await db.outboxMessage.findMany({
      where: { messageKey: "duesleaders-cash-member" },
      include: { identity: true },
      orderBy: { id: "asc" },
    });
    expect(told.map((o) => o.identity.memberId)).toEqual([li.id, classmate.id]);
    expect(told[0]!.args).toMatchObject({
      leader: "黄丽",
      months: 3,
      amount: "0.60",
      reference: payments[0]!.reference,
    });
    expect(app.deps.i18n.t("zh-CN", told[0]!.messageKey, told[0]!.args as Record<string, string>)).toBe(
      `【团费】黄丽 已为你登记现金团费 3 个月（${month(0)} 至 ${month(2)}），共 0.60 元，参考号 ${payments[0]!.reference}。`,
    );
  });

  it("shows 李明 his months paid ahead", async () => {
    const text = (await liChat.say("/dues")).map((r) => r.text).join("\n");
    expect(text).toContain("欠缴情况：无欠缴");
    expect(text).toContain(`已缴至：${month(2)}（已预缴）`);
  });

  it("does not save twice when the confirmation is pressed again", async () => {
    const [reply] = await chat.press("dl-cash:yes");
    expect(reply!.text).toBe("这次登记已失效，请重新发送 /duescash。");
    expect(await saved()).toBe(2);
  });

  it("saves nothing when cancelled", async () => {
    await chat.say("/duescash");
    await chat.say("202300000206 1");
    const [reply] = await chat.press("dl-cash:no");
    expect(reply!.text).toBe("已取消，没有保存任何内容。");
    expect(await saved()).toBe(2);
  });

  it("is refused to a member without a leader role", async () => {
    const [reply] = await liChat.say("登记现金团费");
    expect(reply!.text).toBe("只有团支书、组织委员（团费收缴）、团委工作人员和管理员可以使用这个功能。");
  });
});
