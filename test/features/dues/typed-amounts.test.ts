// Paying dues by typing, the way people write numbers in Chinese: 交3个月 / 三个月 / 半年, then 8块 / 八块五.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const liMing = await chatAsMember(app, "201901000001");
const wangFang = await chatAsMember(app, "201801000002");
const huangLi = await chatAsMember(app, "202201000007", { locale: "en" });

const latestPayment = (memberId: number) =>
  db.duesPayment.findFirstOrThrow({ where: { memberId }, orderBy: { id: "desc" } });

describe("typed months and amounts while paying dues", () => {
  it("交3个月 goes straight to the extra, and 八块五 is 8.50 元 more", async () => {
    const [extra] = await liMing.chat.say("交3个月");
    expect(extra!.intent).toBe("dues.pay");
    expect(extra!.text).toContain("本次缴纳 3 个月");
    const [request] = await liMing.chat.say("八块五");
    expect(request!.text).toContain("8.50");
    const payment = await latestPayment(liMing.member.id);
    expect(payment.months).toBe(3);
    const [cancelled] = await liMing.chat.press(`dues-cancel:${payment.id}`);
    expect(cancelled!.intent).toBe("dues.pay");
  });

  it("三个月 typed at the months question, then 8块", async () => {
    await wangFang.chat.say("/pay");
    const [extra] = await wangFang.chat.say("三个月");
    expect(extra!.text).toContain("本次缴纳 3 个月");
    const [request] = await wangFang.chat.say("8块");
    expect(request!.text).toContain("8.00");
    expect((await latestPayment(wangFang.member.id)).months).toBe(3);
    await wangFang.chat.press(`dues-cancel:${(await latestPayment(wangFang.member.id)).id}`);
  });

  it("on Telegram a typed 2 is two months and a typed 3 is 3 元, not the second or third button", async () => {
    // (On WeChat the buttons are numbered lines, and there the digit picks its line: pay.test.ts.)
    const wangFang = await chatAsMember(app, "201801000002", { platform: "telegram" });
    const [months] = await wangFang.chat.say("/pay");
    expect(months!.buttons!.length).toBeGreaterThanOrEqual(2);
    const [extra] = await wangFang.chat.say("2");
    expect(extra!.text).toContain("本次缴纳 2 个月");
    expect(extra!.buttons!.flat().map((b) => b.label)).toContain("多缴 5.00 元");
    const [request] = await wangFang.chat.say("3");
    expect(request!.text).toContain("自愿多缴 3.00 元");
    const payment = await latestPayment(wangFang.member.id);
    expect(payment.months).toBe(2);
    expect(request!.text).toContain(`合计 ${(payment.amountFen / 100).toFixed(2)} 元`);
    await wangFang.chat.press(`dues-cancel:${payment.id}`);
  });

  it("at the extra, 不用了 means no extra, 交5个月吧 changes the months, and 微信付行吗 keeps them", async () => {
    await liMing.chat.say("/pay");
    await liMing.chat.say("2个月");
    const [changed] = await liMing.chat.say("交5个月吧");
    expect(changed!.text).toContain("本次缴纳 5 个月");
    const before = await db.duesPayment.count();
    const [how, again] = await liMing.chat.say("微信付行吗");
    expect(how!.text).toBe("怎么付款，下一步的缴费单上会写明（支部登记的收款方式，或该找谁问）。");
    expect(again!.text).toContain("本次缴纳 5 个月");
    expect(await db.duesPayment.count()).toBe(before);
    // A question meanwhile is answered, and the months chosen still wait for the extra.
    const [status, kept] = await liMing.chat.say("查一下我的团籍");
    expect(status!.intent).toBe("membership.status");
    expect(kept!.text).toContain("刚才没办完的还在");
    const [request] = await liMing.chat.say("不用了");
    expect(request!.intent).toBe("dues.pay");
    expect(request!.text).toContain("5 个月");
    expect(request!.text).not.toContain("自愿多缴");
    const payment = await latestPayment(liMing.member.id);
    expect(payment).toMatchObject({ months: 5, status: "PENDING" });
    await liMing.chat.press(`dues-cancel:${payment.id}`);
  });

  it("半年 is six months and 不加 no extra; nonsense gets the hint and changes nothing", async () => {
    await liMing.chat.say("/pay");
    const [extra] = await liMing.chat.say("半年");
    expect(extra!.text).toContain("本次缴纳 6 个月");
    const before = await db.duesPayment.count();
    const [hint] = await liMing.chat.say("八块十毛");
    expect(hint!.text).toContain("八块五");
    expect(await db.duesPayment.count()).toBe(before);
    const [request] = await liMing.chat.say("不加");
    expect(request!.text).not.toContain("多缴");
    expect((await latestPayment(liMing.member.id)).months).toBe(6);
  });

  it("under a waiting request, 不交了 or 取消 withdraws the request itself, and says so", async () => {
    for (const words of ["不交了", "取消"]) {
      await liMing.chat.say("/pay");
      await liMing.chat.say("1个月");
      await liMing.chat.say("不加");
      const payment = await latestPayment(liMing.member.id);
      expect(payment.status).toBe("PENDING");
      const [withdrawn] = await liMing.chat.say(words);
      expect(withdrawn!.text, words).toBe(`缴费单 ${payment.reference} 已取消。`);
      expect((await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("EXPIRED");
    }
  });

  it("a hint at the extra shows its buttons again as laid out; chat English is understood; 'nah forget it' closes it", async () => {
    await huangLi.chat.say("/pay");
    const [extra] = await huangLi.chat.say("3 months");
    const rows = extra!.buttons!.map((row) => row.map((b) => b.label));
    expect(rows[0]).toEqual(["No extra"]);
    expect(rows[1]!.length).toBe(3);
    const [hint] = await huangLi.chat.say("wechat");
    expect(hint!.text).toContain("between 0 and");
    expect(hint!.buttons!.map((row) => row.map((b) => b.label))).toEqual(rows);
    const [help, kept] = await huangLi.chat.say("what can u do");
    expect(help!.intent).toBe("help");
    expect(kept!.buttons!.map((row) => row.map((b) => b.label))).toEqual(rows);
    const before = await db.duesPayment.count();
    const [closed] = await huangLi.chat.say("nah forget it");
    expect(closed!.intent).toBe("cancel");
    expect(await db.duesPayment.count()).toBe(before);
    // Closed: "1" is no longer an extra of 1 元.
    const [after] = await huangLi.chat.say("no extra");
    expect(after!.intent).not.toBe("dues.pay");
  });
});
