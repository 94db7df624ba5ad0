// The status and dues views on the days that break date arithmetic: New Year's Eve and the first minutes of
// January in China (still 31 December in UTC), the last day of a short month, and 29 February of a leap year.
// Each member's facts are fixed here, so every expected month below is counted by hand.
import { describe, expect, it } from "vitest";
import { monthRange } from "../../../bot/features/dues/months.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const db = app.deps.db;
const branch = await db.member.findUniqueOrThrow({ where: { code: "201901000001" }, select: { orgId: true } });
let next = 1;

/** A student who joined in May 2019, born on `birth`, with dues paid from joining through `paidThrough` (yyyymm). */
async function student(birth: string, paidThrough: number) {
  const code = `2019010099${String(next++).padStart(2, "0")}`;
  const member = await db.member.create({
    data: {
      code,
      name: `日期${next}`,
      idHash: `dates-test-${code}`,
      idLast4: "0000",
      birthDate: new Date(`${birth}T00:00:00Z`),
      joinedAt: new Date("2019-05-04T00:00:00Z"),
      duesCategory: "STUDENT",
      orgId: branch.orgId,
    },
  });
  const months = monthRange(201905, paidThrough);
  const payment = await db.duesPayment.create({
    data: {
      memberId: member.id,
      reference: `DATES-${code}`,
      method: "CASH",
      status: "CONFIRMED",
      months: months.length,
      amountFen: 20 * months.length,
      settledAt: new Date("2019-06-01T00:00:00Z"),
    },
  });
  await db.duesMonth.createMany({
    data: months.map((month) => ({ memberId: member.id, month, amountFen: 20, paymentId: payment.id })),
  });
  const userId = `console-${code}`;
  await db.chatIdentity.create({
    data: { platform: "CONSOLE", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: app.clock.now },
  });
  return chatAs(app.core, userId, "console");
}

describe("status and dues on awkward days", () => {
  it("on 31 December at 23:30 in China: December is the current month, and 28 is three months away", async () => {
    app.clock.set(new Date("2026-12-31T23:30:00+08:00"));
    const chat = await student("1999-03-20", 202610);
    const dues = await chat.text("/dues");
    expect(dues).toContain("已缴至：2026年10月");
    expect(dues).toContain("欠缴 2 个月（2026年11月 至 2026年12月），共 0.40 元");
    const me = await chat.text("/me");
    expect(me).toContain("已缴至 2026年10月；欠缴 2 个月");
    expect(me).toContain("超龄提醒：将于 2027年3月20日 年满 28 周岁");
    expect(me).toContain("团龄 7 年");
  });

  it("at 00:30 on 1 January in China (still 31 December in UTC): January already counts", async () => {
    app.clock.set(new Date("2027-01-01T00:30:00+08:00"));
    const chat = await student("1999-03-20", 202610);
    const dues = await chat.text("/dues");
    expect(dues).toContain("欠缴 3 个月（2026年11月 至 2027年1月），共 0.60 元");
    const me = await chat.text("/me");
    expect(me).toContain("欠缴 3 个月");
    expect(me).toContain("超龄提醒：将于 2027年3月20日 年满 28 周岁");
  });

  it("on 28 February 2027, the last day of a short month: nothing rolls into March", async () => {
    app.clock.set(new Date("2027-02-28T18:00:00+08:00"));
    const chat = await student("2001-06-30", 202702);
    const dues = await chat.text("/dues");
    expect(dues).toContain("已缴至：2027年2月");
    expect(dues).toContain("欠缴情况：无欠缴");
    const me = await chat.text("/me");
    expect(me).not.toContain("需要注意");
  });

  it("on 29 February 2028: sixteen months owed is a 脱团 risk, and a leap-day birthday makes 28 today", async () => {
    app.clock.set(new Date("2028-02-29T12:00:00+08:00"));
    const chat = await student("2000-02-29", 202610);
    const dues = await chat.text("/dues");
    // November 2026 through February 2028: 2 + 12 + 2 months.
    expect(dues).toContain("欠缴 16 个月（2026年11月 至 2028年2月），共 3.20 元");
    const me = await chat.text("/me");
    expect(me).toContain("超龄待离团：已年满 28 周岁（28 岁）");
    expect(me).toContain("脱团风险");
  });
});
