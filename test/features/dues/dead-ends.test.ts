// Paying dues with no dead ends: a screenshot sent after the pay dialog has gone still finds its request; the request
// says where to pay and offers both ways on; a second tap keeps the reference the member holds; a screenshot whose
// branch leaders do not use Tuanzhu goes up to a committee that does, and the member is told who; leaders find every
// waiting screenshot under 待确认缴费; cash recorded instead closes the waiting request.
import { describe, expect, it } from "vitest";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]);
const image = (bytes: Uint8Array, fileRef: string) => ({ image: { fileRef, fetch: async () => bytes } });
const payloads = (reply: { buttons?: { payload: string }[][] } | undefined) =>
  reply?.buttons?.map((row) => row.map((b) => b.payload));

// 李明's branch has a treasurer (黄丽) and a 团支书 (王芳), but neither has bound a chat yet; 陈刚, staff of the
// university committee two levels up, has.
const liMing = await chatAsMember(app, "201901000001", { platform: "telegram" });
const chenGang = await chatAsMember(app, "201701000003", { platform: "telegram" });

async function outboxOf(memberId: number, messageKey: string) {
  const rows = await db.outboxMessage.findMany({
    where: { identity: { memberId }, messageKey },
    include: { identity: true },
    orderBy: { id: "asc" },
  });
  return Promise.all(rows.map((row) => renderRow(row, "zh-CN", app.deps, undefined)));
}

describe("a member paying dues never gets stuck", () => {
  let reference = "";
  let paymentId = 0;

  it("gets a request that says where to pay, with 发送付款截图 and 取消缴费单 as buttons", async () => {
    await liMing.chat.say("/pay");
    await liMing.chat.press("dues-pay:1");
    const [req] = await liMing.chat.press("dues-extra:1:0");
    reference = /缴费单 (TF-[A-Z0-9]{6})：/.exec(req!.text)![1]!;
    paymentId = (await db.duesPayment.findUniqueOrThrow({ where: { reference } })).id;
    expect(req!.text).toContain("支部还没有在团助登记收款方式，请按支部公布的方式付款（不清楚可以问团支书王芳");
    expect(req!.text).toContain(`付款备注中写上 ${reference}。付款后点「发送付款截图」`);
    expect(payloads(req)).toEqual([[`dues-proof:${paymentId}`], [`dues-cancel:${paymentId}`]]);
  });

  it("keeps the reference valid when 不多缴 is tapped twice", async () => {
    const [again] = await liMing.chat.press("dues-extra:1:0");
    expect(again!.text).toContain(`这是你刚才的缴费单 ${reference}，仍然有效，没有重复生成。`);
    expect(again!.text).toContain(`缴费单 ${reference}：1 个月`);
    const pending = await db.duesPayment.findMany({ where: { memberId: liMing.member.id, status: "PENDING" } });
    expect(pending.map((p) => p.reference)).toEqual([reference]);
    expect(await db.duesPayment.count({ where: { memberId: liMing.member.id, status: "EXPIRED" } })).toBe(0);
  });

  it("shows the way to pay a committee set with /duesmethod, audited, and says which request was replaced", async () => {
    const [set] = await chenGang.chat.say("/duesmethod GD-GZ-SCUT-CS-2201 微信转账给团支书王芳（微信号 wf2022）");
    expect(set!.text).toBe(
      "已设置 计科2022级1班团支部 的团费收款方式：微信转账给团支书王芳（微信号 wf2022）。之后的缴费单会写明这一方式。",
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "dues.payment-method" },
      orderBy: { id: "asc" },
    });
    expect(audit).toMatchObject({ actorId: chenGang.member.id });
    expect(audit.data).toMatchObject({ before: null, after: "微信转账给团支书王芳（微信号 wf2022）" });
    // 李明 may not set it; a branch outside 陈刚's university is out of his reach.
    expect((await liMing.chat.say("/duesmethod 现金"))[0]!.text).toContain("只有团支书");
    const [outside] = await chenGang.chat.say("/duesmethod GD-GZ-TH-XH 现金");
    expect(outside!.text).toContain("GD-GZ-TH-XH");
    expect(outside!.text).not.toContain("已设置");
    expect(await db.organisation.count({ where: { duesPaymentMethod: { not: null } } })).toBe(1);

    await liMing.chat.say("/pay");
    await liMing.chat.press("dues-pay:2");
    const [req] = await liMing.chat.press("dues-extra:2:0");
    const replacement = /缴费单 (TF-[A-Z0-9]{6})：/.exec(req!.text)![1]!;
    expect(req!.text).toContain(`之前的缴费单 ${reference} 已作废，请以新的缴费单 ${replacement} 为准`);
    expect(req!.text).toContain("收款方式（计科2022级1班团支部）：微信转账给团支书王芳（微信号 wf2022）");
    expect((await db.duesPayment.findUniqueOrThrow({ where: { reference } })).status).toBe("EXPIRED");
    reference = replacement;
    paymentId = (await db.duesPayment.findUniqueOrThrow({ where: { reference } })).id;
  });

  it("takes an image sent after the dialog has gone as the request's screenshot, and sends it up truthfully", async () => {
    // Text where a screenshot is expected: the 「取消缴费单」 it mentions is there as a button.
    const [waiting] = await liMing.chat.say("好的");
    expect(waiting!.text).toContain("不缴了可以点「取消缴费单」");
    expect(payloads(waiting)).toEqual([[`dues-cancel:${paymentId}`]]);
    // Asking something else closes the pay dialog; the screenshot comes later.
    expect((await liMing.chat.say("我的团籍"))[0]!.intent).toBe("membership.status");
    expect(await liMing.chat.text("/dues")).toContain(
      "收款方式（计科2022级1班团支部）：微信转账给团支书王芳（微信号 wf2022）",
    );
    const [received] = await liMing.chat.send(image(JPEG, "late-proof"));
    expect(received!.intent).toBe("dues.pay");
    expect(received!.text).toBe(
      `已收到缴费单 ${reference} 的付款截图。你所在团支部的 王芳、黄丽 还没有开始使用团助，截图已转给上级 华南理工大学团委 的 陈刚 确认，确认后会通知你。`,
    );
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: paymentId } })).proofImageId).not.toBeNull();
    const [toChen] = await outboxOf(chenGang.member.id, "dues-proof-review");
    expect(toChen!.text).toContain(`李明（201901000001）提交了团费付款截图：缴费单 ${reference}，2 个月`);
    expect(payloads(toChen)).toEqual([[`dues-ok:${paymentId}`, `dues-no:${paymentId}`]]);
  });

  it("lists every waiting screenshot for a leader under 待确认缴费, who confirms from there", async () => {
    for (const ask of ["/duesreview", "待确认缴费", "有没有待确认的缴费"]) {
      const [title, item] = await chenGang.chat.say(ask);
      expect(title!.intent).toBe("duesleaders.review");
      expect(title!.text).toContain("待确认缴费：共 1 笔。");
      expect(item!.text).toContain(
        `李明（201901000001，计科2022级1班团支部）缴费单 ${reference}：2 个月，合计 0.40 元`,
      );
      expect(Buffer.from(item!.image!)).toEqual(JPEG);
      expect(payloads(item)).toEqual([[`dues-ok:${paymentId}`, `dues-no:${paymentId}`]]);
    }
    expect(await db.auditLog.count({ where: { action: "duesleaders.review", actorId: chenGang.member.id } })).toBe(3);
    expect((await liMing.chat.say("/duesreview"))[0]!.text).toContain("只有团支书");

    const [confirmed] = await chenGang.chat.press(`dues-ok:${paymentId}`);
    expect(confirmed!.text).toContain(`已确认 李明 的缴费单 ${reference}：2 个月`);
    expect(await db.duesMonth.count({ where: { paymentId } })).toBe(2);
    expect((await chenGang.chat.say("/duesreview"))[0]!.text).toBe("你负责的范围内没有待确认的缴费截图。");
  });

  it("tells the member when nobody can be reached yet, and closes the request when cash is recorded instead", async () => {
    // 赵磊's branch has no dues leaders; 吴昊, staff of the district committee above, has not bound a chat yet.
    const zhao = await chatAsMember(app, "202101000006", { platform: "telegram" });
    await zhao.chat.say("交团费");
    await zhao.chat.press("dues-pay:7");
    const [req] = await zhao.chat.press("dues-extra:7:0");
    const zhaoRef = /缴费单 (TF-[A-Z0-9]{6})：/.exec(req!.text)![1]!;
    const [kept] = await zhao.chat.send(image(JPEG, "zhao-proof"));
    expect(kept!.text).toContain(
      `已收到缴费单 ${zhaoRef} 的付款截图并已保存。你的团支部和上级组织暂时都没有人在团助负责团费`,
    );
    expect(kept!.text).toContain("在「待确认缴费」里就能看到并确认");
    expect(kept!.text).toContain("请直接联系团干部吴昊");

    // 吴昊 starts using Tuanzhu, finds it waiting, and records the cash 赵磊 handed him instead.
    const wuHao = await chatAsMember(app, "201801000010", { platform: "telegram" });
    const [, item] = await wuHao.chat.say("/duesreview");
    expect(item!.text).toContain(`赵磊（202101000006，`);
    await wuHao.chat.say("/duescash");
    await wuHao.chat.say("202101000006 7");
    await wuHao.chat.press("dl-cash:yes");
    const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference: zhaoRef } });
    expect(payment).toMatchObject({ status: "EXPIRED", handledById: wuHao.member.id });
    const [told] = await outboxOf(zhao.member.id, "duesleaders-cash-member");
    expect(told!.text).toContain(`你的缴费单 ${zhaoRef} 已随之关闭，不用再发付款截图`);
    expect(
      await db.auditLog.count({ where: { action: "dues.payment.closed-by-cash", targetId: String(payment.id) } }),
    ).toBe(1);
    expect((await wuHao.chat.say("/duesreview"))[0]!.text).toBe("你负责的范围内没有待确认的缴费截图。");
    expect((await wuHao.chat.press(`dues-ok:${payment.id}`))[0]!.text).toContain("已经处理过了");
  });
});
