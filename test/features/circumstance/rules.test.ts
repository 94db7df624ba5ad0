// What a member's sentence says about a change of circumstance, which months a change may start in, and the dues
// history that keeps months before a change at the old category.
import { describe, expect, it } from "vitest";
import {
  checkMonth,
  incomeAnswer,
  incomeIn,
  monthBounds,
  parseMonth,
  readReport,
} from "../../../bot/features/circumstance/rules.ts";
import { circumstanceAt } from "../../../bot/features/dues/history.ts";

describe("reading a report", () => {
  it("takes the situation and the pay from what people say", () => {
    expect(readReport("我毕业了现在上班了月薪八千")).toEqual({ category: "SALARIED", incomeFen: 800_000 });
    expect(readReport("我换工作了")).toEqual({ category: "SALARIED" });
    expect(readReport("工资从五千涨到一万二")).toEqual({ category: "SALARIED", incomeFen: 500_000 });
    expect(readReport("税后1.2万")).toEqual({ category: "SALARIED", incomeFen: 1_200_000 });
    expect(readReport("I started a job, 8k a month")).toEqual({ category: "SALARIED", incomeFen: 800_000 });
    expect(readReport("my income changed")).toEqual({ category: "SALARIED" });
    expect(readReport("我辞职了现在没收入")).toEqual({ category: "NO_INCOME" });
    expect(readReport("I lost my job")).toEqual({ category: "NO_INCOME" });
    expect(readReport("我考上研究生了")).toEqual({ category: "STUDENT" });
    expect(readReport("I went back to school")).toEqual({ category: "STUDENT" });
    expect(readReport("我的情况变了")).toEqual({});
    // "一份" is no pay.
    expect(readReport("我换了一份工作")).toEqual({ category: "SALARIED" });
  });

  it("reads typed pay, refusing nothing, zero and the impossible", () => {
    expect(incomeAnswer("8000")).toBe(800_000);
    expect(incomeAnswer("八千")).toBe(800_000);
    expect(incomeAnswer("八千五")).toBe(850_000);
    expect(incomeAnswer("一万二")).toBe(1_200_000);
    expect(incomeAnswer("6500元")).toBe(650_000);
    expect(incomeAnswer("12k")).toBe(1_200_000);
    expect(incomeAnswer("不知道")).toBeNull();
    expect(incomeAnswer("0")).toBeNull();
    expect(incomeAnswer("99999999")).toBeNull();
    expect(incomeIn("no numbers")).toBeNull();
  });
});

describe("the month a change starts", () => {
  const current = 202611;
  it("reads months as typed", () => {
    expect(parseMonth("2026年12月", current)).toBe(202612);
    expect(parseMonth("从2027-01起", current)).toBe(202701);
    expect(parseMonth("202609", current)).toBe(202609);
    expect(parseMonth("12月", current)).toBe(202612);
    expect(parseMonth("十二月份", current)).toBe(202612);
    // Far ahead this year means last year's.
    expect(parseMonth("9月", 202701)).toBe(202609);
    expect(parseMonth("下个月", current)).toBe(202612);
    expect(parseMonth("本月", current)).toBe(202611);
    expect(parseMonth("上个月", current)).toBe(202610);
    expect(parseMonth("next month", current)).toBe(202612);
    expect(parseMonth("December", current)).toBe(202612);
    expect(parseMonth("Jan 2027", current)).toBe(202701);
    expect(parseMonth("2026年13月", current)).toBeNull();
    expect(parseMonth("随便", current)).toBeNull();
  });

  it("never before a paid month, joining or the last confirmed change; at most three months ahead", () => {
    const bounds = monthBounds({ startMonth: 201905, current, lastPaid: 202610, lastChange: null });
    expect(bounds).toEqual({ earliest: 202611, latest: 202702 });
    expect(checkMonth(202610, bounds)).toEqual({ ok: false, why: "too-early" });
    expect(checkMonth(202611, bounds)).toEqual({ ok: true });
    expect(checkMonth(202703, bounds)).toEqual({ ok: false, why: "too-late" });
    expect(monthBounds({ startMonth: 202609, current, lastPaid: null, lastChange: null }).earliest).toBe(202609);
    expect(monthBounds({ startMonth: 201905, current, lastPaid: 202601, lastChange: 202608 }).earliest).toBe(202608);
    // Paid half a year ahead: the first unpaid month is the only choice.
    expect(monthBounds({ startMonth: 201905, current, lastPaid: 202704, lastChange: null })).toEqual({
      earliest: 202705,
      latest: 202705,
    });
  });
});

describe("the dues history", () => {
  it("charges each month the category that applied then", () => {
    const member = { duesCategory: "SALARIED" as const, monthlyIncomeFen: 800_000 };
    const changes = [
      { effectiveMonth: 202612, fromCategory: "STUDENT" as const, fromIncomeFen: null },
      { effectiveMonth: 202703, fromCategory: "SALARIED" as const, fromIncomeFen: 500_000 },
    ];
    expect(circumstanceAt(member, changes, 202611).duesCategory).toBe("STUDENT");
    expect(circumstanceAt(member, changes, 202612)).toEqual({ duesCategory: "SALARIED", monthlyIncomeFen: 500_000 });
    expect(circumstanceAt(member, changes, 202703)).toEqual(member);
    expect(circumstanceAt(member, [], 201901)).toEqual(member);
  });
});
