// Paying dues in chat: the member chooses months, gets a reference and total, sends a screenshot; their branch's
// treasurer or secretary gets it with the picture and Confirm/Reject, and the member is told the outcome.
// Reviewers outside the member's own branch are refused and nothing changes.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../../../bot/features/dues/months.ts";
import { formatMonthName } from "../../../bot/features/membership/format.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { TINY_PNG } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

// One person presses many buttons here within a minute.
const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const current = monthOf(app.clock.now, app.config.TZ);
const monthName = (offset: number) => formatMonthName(addMonths(current, offset), "zh-CN");

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);
const image = (bytes: Uint8Array, fileRef = "proof-1") => ({ image: { fileRef, fetch: async () => bytes } });

const liMing = await chatAsMember(app, "201901000001", { platform: "telegram" });
const wangFang = await chatAsMember(app, "201801000002", { platform: "telegram" });
const huangLi = await chatAsMember(app, "202201000007", { platform: "telegram" });
const liuYang = await chatAsMember(app, "202001000005", { platform: "telegram" });
const sunJing = await chatAsMember(app, "201901000009", { platform: "telegram" });
const wuHao = await chatAsMember(app, "201801000010", { platform: "telegram" });

/** The proactive messages written for a member since `after`, rendered as the delivery worker would. */
async function outboxOf(memberId: number, after = 0n) {
  const rows = await db.outboxMessage.findMany({
    where: { identity: { memberId }, id: { gt: after } },
    include: { identity: true },
    orderBy: { id: "asc" },
  });
  return Promise.all(
    rows.map(async (row) => ({
      row,
      reply: await renderRow(row, row.identity.locale === "en" ? "en" : "zh-CN", app.deps, undefined),
    })),
  );
}
const lastOutboxId = async () => (await db.outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0n;
const payloads = (reply: { buttons?: { payload: string }[][] } | undefined) =>
  reply?.buttons?.map((row) => row.map((b) => b.payload));

/** Member asks to pay `months` months with `extra` (a button payload's fen) and gets the request. */
async function request(chat: typeof liMing.chat, months: number, extraFen = 0) {
  await chat.say("/pay");
  await chat.press(`dues-pay:${months}`);
  const [reply] = await chat.press(`dues-extra:${months}:${extraFen}`);
  const reference = /缴费单 (TF-[A-Z0-9]{6})：/.exec(reply!.text)![1]!;
  const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference } });
  return { reply: reply!, payment };
}

describe("a member pays dues with a screenshot", () => {
  it("李明 pays his owed month; 黄丽 gets the screenshot with buttons, confirms, and he is told", async () => {
    const [view] = await liMing.chat.say("/dues");
    expect(view!.text).toContain("缴纳方式：点「缴纳团费」生成缴费单");
    expect(payloads(view)).toContainEqual(["go:dues.pay"]);

    const [choose] = await liMing.chat.press("go:dues.pay");
    expect(choose!.intent).toBe("dues.pay");
    expect(choose!.text).toContain(`你欠缴 1 个月（${monthName(0)}），共 0.20 元。`);
    expect(choose!.text).toContain("本次最多 13 个月");
    expect(choose!.buttons).toEqual([
      [{ label: "1 个月（0.20 元）", payload: "dues-pay:1" }],
      [{ label: "1 个月 + 预缴 12 个月（2.60 元）", payload: "dues-pay:13" }],
    ]);

    const [extra] = await liMing.chat.press("dues-pay:1");
    expect(extra!.text).toBe(
      `本次缴纳 1 个月（${monthName(0)}），共 0.20 元。是否自愿多缴？点按钮，或输入多缴金额（如「8 元」）。`,
    );
    expect(payloads(extra)).toEqual([
      ["dues-extra:1:0"],
      ["dues-extra:1:100", "dues-extra:1:500", "dues-extra:1:1000"],
    ]);

    const [req] = await liMing.chat.press("dues-extra:1:0");
    const reference = /TF-[A-Z0-9]{6}/.exec(req!.text)![0];
    expect(req!.text).toContain(`缴费单 ${reference}：1 个月（${monthName(0)}），团费 0.20 元，合计 0.20 元。`);
    expect(req!.text).toContain(`付款备注中写上 ${reference}`);
    const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference } });
    expect(payment).toMatchObject({
      memberId: liMing.member.id,
      status: "PENDING",
      months: 1,
      amountFen: 20,
      method: "PROOF",
      proofImageId: null,
    });

    const mark = await lastOutboxId();
    const [received] = await liMing.chat.send(image(JPEG));
    expect(received!.text).toBe(`已收到缴费单 ${reference} 的付款截图，已转给 王芳、黄丽 确认，确认后会通知你。`);
    const media = await db.media.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(Buffer.from(media.bytes)).toEqual(JPEG);
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).proofImageId).toBe(media.id);

    // 黄丽 (treasurer of 计科2022级1班) gets the screenshot, the numbers and the two buttons.
    const [toHuang] = await outboxOf(huangLi.member.id, mark);
    expect(toHuang!.row.imageId).toBe(media.id);
    expect(toHuang!.reply.text).toBe(
      `李明（201901000001）提交了团费付款截图：缴费单 ${reference}，1 个月，合计 0.20 元。请核对到账后确认或驳回。`,
    );
    expect(Buffer.from(toHuang!.reply.image!)).toEqual(JPEG);
    expect(toHuang!.reply.buttons).toEqual([
      [
        { label: "确认到账", payload: `dues-ok:${payment.id}` },
        { label: "驳回", payload: `dues-no:${payment.id}` },
      ],
    ]);
    expect(await outboxOf(wangFang.member.id, mark)).toHaveLength(1);
    expect(await outboxOf(liMing.member.id, mark)).toHaveLength(0);

    const [confirmed] = await huangLi.chat.press(`dues-ok:${payment.id}`);
    expect(confirmed!.text).toBe(
      `已确认 李明 的缴费单 ${reference}：1 个月，共 0.20 元，已缴至 ${monthName(0)}。已通知本人。`,
    );
    const months = await db.duesMonth.findMany({ where: { paymentId: payment.id } });
    expect(months.map((m) => [m.memberId, m.month, m.amountFen])).toEqual([[liMing.member.id, current, 20]]);
    expect(await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "CONFIRMED",
      handledById: huangLi.member.id,
    });
    const [told] = await outboxOf(liMing.member.id, mark);
    expect(told!.reply.text).toBe(
      `你的团费缴费单 ${reference} 已确认到账：1 个月，共 0.20 元。已缴至 ${monthName(0)}。`,
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "dues.payment.settled", targetId: String(payment.id) },
    });
    expect(audit).toMatchObject({ actorId: huangLi.member.id, actorLabel: `member:${huangLi.member.id}` });

    // The secretary's copy of the buttons now finds it done.
    const [late] = await wangFang.chat.press(`dues-ok:${payment.id}`);
    expect(late!.text).toBe(`缴费单 ${reference} 已经处理过了（已确认，黄丽）。`);
    expect(await db.duesMonth.count({ where: { memberId: liMing.member.id, month: current } })).toBe(1);

    const after = await liMing.chat.text("/dues");
    expect(after).toContain("欠缴情况：无欠缴");
    expect(after).toContain(`已缴至：${monthName(0)}`);
  });

  it("refuses leaders of other branches, changing nothing; the secretary rejects with a reason", async () => {
    const [view] = await liuYang.chat.say("/pay");
    expect(view!.text).toContain(`你欠缴 4 个月（${monthName(-3)} 至 ${monthName(0)}），共 80.00 元。`);
    await liuYang.chat.press("dues-pay:4");
    // A typed voluntary extra.
    const [req] = await liuYang.chat.say("5 元");
    expect(req!.text).toContain("团费 80.00 元，自愿多缴 5.00 元，合计 85.00 元。");
    const reference = /TF-[A-Z0-9]{6}/.exec(req!.text)![0];
    const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference } });
    expect(payment.amountFen).toBe(8_500);

    const mark = await lastOutboxId();
    const [received] = await liuYang.chat.send(image(TINY_PNG, "png-proof"));
    expect(received!.text).toContain("已转给 孙静 确认");
    expect(await outboxOf(huangLi.member.id, mark)).toHaveLength(0);

    // 黄丽 is a treasurer, but of another branch: for her the payment does not exist, as for an id nobody has
    // (吴昊, staff of the committee above, could confirm it).
    const [none] = await huangLi.chat.press("dues-ok:2000000000");
    for (const outsider of [huangLi]) {
      const [refused] = await outsider.chat.press(`dues-ok:${payment.id}`);
      expect(refused!.text).toBe(none!.text);
      expect(refused!.text).not.toContain(reference);
      const [refusedReject] = await outsider.chat.press(`dues-no:${payment.id}`);
      expect(refusedReject!.text).toBe(refused!.text);
    }
    expect(none!.text).toBe("没有找到这笔缴费。");
    expect(await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PENDING",
      handledById: null,
    });
    expect(await db.duesMonth.count({ where: { paymentId: payment.id } })).toBe(0);
    expect(await outboxOf(liuYang.member.id, mark)).toHaveLength(0);
    const denied = await db.auditLog.findMany({
      where: { action: "dues.payment.review-denied", targetId: String(payment.id) },
    });
    expect(denied.map((d) => d.actorId)).toEqual([huangLi.member.id, huangLi.member.id]);

    const [ask] = await sunJing.chat.press(`dues-no:${payment.id}`);
    expect(ask!.text).toBe(`驳回 刘洋 的缴费单 ${reference}：请选择原因，或直接输入原因。`);
    expect(ask!.buttons?.map((r) => r[0]!.label)).toEqual(["未查到到账", "金额不符", "截图看不清"]);
    const [rejected] = await sunJing.chat.say("转账记录里没有这笔");
    expect(rejected!.text).toBe(`已驳回 刘洋 的缴费单 ${reference}，已通知本人。`);
    expect(await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "REJECTED",
      handledById: sunJing.member.id,
    });
    expect(await db.duesMonth.count({ where: { paymentId: payment.id } })).toBe(0);
    const [told] = await outboxOf(liuYang.member.id, mark);
    expect(told!.reply.text).toBe(
      `你的团费缴费单 ${reference} 未被确认，原因：转账记录里没有这笔。如有疑问请联系支部；发送 /pay 可重新缴费。`,
    );
    expect(await liuYang.chat.text("/dues")).toContain("欠缴 4 个月");
  });

  it("lets exactly one of a confirmation and a rejection pressed at once win", async () => {
    for (let round = 0; round < 3; round++) {
      // 李明 owes nothing now: he pays a month ahead each round.
      const { payment } = await request(liMing.chat, 1);
      await liMing.chat.send(image(Buffer.concat([JPEG, Buffer.from([round])]), `race-${round}`));
      const [confirm, reject] = await Promise.all([
        huangLi.chat.press(`dues-ok:${payment.id}`),
        wangFang.chat.press(`dues-why:${payment.id}:missing`),
      ]);
      const texts = [confirm![0]!.text, reject![0]!.text];
      const won = texts.filter((t) => t.startsWith("已确认") || t.startsWith("已驳回"));
      const lost = texts.filter((t) => t.includes("已经处理过了"));
      expect([won.length, lost.length]).toEqual([1, 1]);
      const row = await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } });
      const confirmedWon = won[0]!.startsWith("已确认");
      expect(row.status).toBe(confirmedWon ? "CONFIRMED" : "REJECTED");
      expect(await db.duesMonth.count({ where: { paymentId: payment.id } })).toBe(confirmedWon ? 1 : 0);
    }
  });

  it("keeps a reviewer from confirming their own payment", async () => {
    const { payment } = await request(huangLi.chat, 1);
    const mark = await lastOutboxId();
    const [received] = await huangLi.chat.send(image(JPEG, "own"));
    expect(received!.text).toContain("已转给 王芳 确认");
    expect(await outboxOf(huangLi.member.id, mark)).toHaveLength(0);
    const [refused] = await huangLi.chat.press(`dues-ok:${payment.id}`);
    expect(refused!.text).toBe("不能确认或驳回自己的缴费，请由支部其他负责人处理。");
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    await huangLi.chat.press(`dues-cancel:${payment.id}`);
  });

  it("asks again for a picture it cannot take, lets other questions through, and can be cancelled", async () => {
    const { payment } = await request(liMing.chat, 1);
    const mediaBefore = await db.media.count();
    const [gif] = await liMing.chat.send(image(Buffer.from("GIF89a-not-a-proof")));
    expect(gif!.text).toBe("只能接收 PNG 或 JPEG 格式的图片，请换一张。");
    expect(await db.media.count()).toBe(mediaBefore);
    expect((await liMing.chat.say("好的"))[0]!.text).toBe("请发送付款截图（图片）；不缴了可以点「取消缴费单」。");
    expect((await liMing.chat.say("我的团籍"))[0]!.intent).toBe("membership.status");

    // The dialog is gone, but the dues view offers the screenshot button for the pending request.
    const [view] = await liMing.chat.say("/dues");
    expect(view!.text).toContain(
      `待确认的缴费单：${payment.reference}，1 个月共 0.20 元（付款后请点「发送付款截图」）`,
    );
    expect(payloads(view)).toContainEqual([`dues-proof:${payment.id}`]);
    const [ask] = await liMing.chat.press(`dues-proof:${payment.id}`);
    expect(ask!.text).toBe(`请发送缴费单 ${payment.reference}（合计 0.20 元）的付款截图。`);

    const [cancelled] = await liMing.chat.press(`dues-cancel:${payment.id}`);
    expect(cancelled!.text).toBe(`缴费单 ${payment.reference} 已取消。`);
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("EXPIRED");
    // An image now is not a proof of anything.
    expect((await liMing.chat.send(image(JPEG, "late")))[0]!.intent).not.toBe("dues.pay");
    expect((await liMing.chat.press(`dues-cancel:${payment.id}`))[0]!.text).toBe(
      "这张缴费单已处理或已取消。发送 /pay 重新缴费。",
    );
  });

  it("replaces an unpaid request with a new one, but not one whose screenshot is with the branch", async () => {
    const first = await request(liuYang.chat, 1);
    const second = await request(liuYang.chat, 2);
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: first.payment.id } })).status).toBe("EXPIRED");
    expect(second.payment).toMatchObject({ status: "PENDING", months: 2, amountFen: 4_000 });
    await liuYang.chat.send(image(JPEG, "second"));
    const [awaiting] = await liuYang.chat.say("/pay");
    expect(awaiting!.text).toBe(
      `你的缴费单 ${second.payment.reference} 已提交付款截图，正在等待支部确认；确认或驳回后会通知你，之后再缴新的月份。`,
    );
    // Beyond a year ahead is refused.
    await sunJing.chat.press(`dues-why:${second.payment.id}:unclear`);
    await liuYang.chat.say("/pay");
    expect((await liuYang.chat.press("dues-pay:17"))[0]!.text).toBe("本次可缴 1 至 16 个月，请点按钮选择。");
  });

  it("works by numbered choices and a WeChat image, and sends it up when the branch has no treasurer", async () => {
    const zhao = await chatAsMember(app, "202101000006", { platform: "wechat" });
    await zhao.chat.say("交团费");
    // WeChat shows numbered choices: "2" is all seven owed months, then "1" is no extra.
    expect((await zhao.chat.say("2"))[0]!.text).toContain("本次缴纳 7 个月");
    const [req] = await zhao.chat.say("1");
    expect(req!.text).toContain("团费 1.40 元，合计 1.40 元。");
    const reference = /TF-[A-Z0-9]{6}/.exec(req!.text)![0];
    const mark = await lastOutboxId();
    const [received] = await zhao.chat.send(image(JPEG, "wechat-msg-1"));
    // 赵磊's branch has no treasurer or 团支书: the committee above, where 吴昊 uses Tuanzhu, gets it.
    expect(received!.text).toBe(
      `已收到缴费单 ${reference} 的付款截图。你的团支部还没有人在团助负责团费，截图已转给上级 共青团广州市天河区委员会 的 吴昊 确认，确认后会通知你。`,
    );
    expect((await outboxOf(wuHao.member.id, mark)).map((o) => o.row.messageKey)).toEqual(["dues-proof-review"]);
    const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference } });
    expect(payment).toMatchObject({ status: "PENDING", months: 7, amountFen: 140 });
    expect(payment.proofImageId).not.toBeNull();
    await zhao.chat.press(`dues-cancel:${payment.id}`);
  });

  it("speaks English to an English-speaking member", async () => {
    const zhao = await chatAsMember(app, "202101000006", { platform: "console", locale: "en" });
    const [choose] = await zhao.chat.say("I want to pay my dues");
    expect(choose!.intent).toBe("dues.pay");
    expect(choose!.text).toMatch(/^You owe 7 months \(.+ – .+\), 1\.40 yuan in all\. How many months/);
    expect(choose!.buttons?.map((r) => r[0]!.label)).toEqual([
      "1 month (0.20 yuan)",
      "7 months (1.40 yuan)",
      "7 months + 12 ahead (3.80 yuan)",
    ]);
    // One month is never "1 months".
    const option = (owed: number, ahead: number) =>
      app.deps.i18n.t("en", "dues-pay-option", { owed, ahead, amount: "1" });
    expect([option(1, 12), option(0, 1), option(0, 12)]).toEqual([
      "1 month + 12 ahead (1 yuan)",
      "1 month ahead (1 yuan)",
      "12 months ahead (1 yuan)",
    ]);
  });
});
