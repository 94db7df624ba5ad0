// Paying dues by typing, the way people write numbers in Chinese: 交3个月 / 三个月 / 半年, then 8块 / 八块五.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const liMing = await chatAsMember(app, "201901000001");
const wangFang = await chatAsMember(app, "201801000002");

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
});
