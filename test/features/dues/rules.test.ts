// The dues table as the seed stores it, the amounts it gives at the band edges, and what paid months leave owing.
import { describe, expect, it } from "vitest";
import { formatDecimal, formatYuan } from "../../../bot/features/dues/money.ts";
import { addMonths, monthOf } from "../../../bot/features/dues/months.ts";
import {
  duesPosition,
  explainMonthlyDues,
  monthlyDues,
  overdueMonths,
  type Rate,
} from "../../../bot/features/dues/rules.ts";
import { duesRates, duesRatesEffectiveFrom } from "../../../prisma/seed/dues-rates.ts";

const rates: Rate[] = duesRates.map((r) => ({
  effectiveFrom: duesRatesEffectiveFrom,
  category: r.category,
  incomeFromFen: "incomeFromFen" in r ? r.incomeFromFen : null,
  incomeToFen: "incomeToFen" in r ? r.incomeToFen : null,
  fixedFen: "fixedFen" in r ? r.fixedFen : null,
  ratePer10k: "ratePer10k" in r ? r.ratePer10k : null,
  capFen: "capFen" in r ? r.capFen : null,
}));
const on = new Date("2026-11-26T02:00:00Z");
const salaried = (yuanFen: number) => monthlyDues(rates, "SALARIED", yuanFen, on)?.amountFen;

describe("monthly dues", () => {
  it("is 0.20 元 for students and for members without income", () => {
    expect(monthlyDues(rates, "STUDENT", null, on)?.amountFen).toBe(20);
    expect(monthlyDues(rates, "NO_INCOME", null, on)?.amountFen).toBe(20);
  });

  it("is 3 元 below 2000 元 of pay, up to 1999.99", () => {
    expect(salaried(150_000)).toBe(300);
    expect(salaried(199_999)).toBe(300);
  });

  it("is 0.2% of pay rounded down to whole yuan from 2000 元", () => {
    expect(salaried(200_000)).toBe(400);
    // 2499 × 0.2% = 4.998 → 4 元
    expect(salaried(249_900)).toBe(400);
    expect(salaried(250_000)).toBe(500);
    expect(salaried(1_000_000)).toBe(2_000);
  });

  it("is at most 20 元", () => {
    expect(salaried(1_200_000)).toBe(2_000);
    expect(salaried(10_000_000)).toBe(2_000);
  });

  it("uses the latest table in force on the day", () => {
    const later: Rate = { ...rates[0]!, effectiveFrom: new Date("2027-01-01"), fixedFen: 50 };
    expect(monthlyDues([...rates, later], "STUDENT", null, on)?.amountFen).toBe(20);
    expect(monthlyDues([...rates, later], "STUDENT", null, new Date("2027-02-01"))?.amountFen).toBe(50);
  });

  it("is null when no rate applies", () => {
    expect(monthlyDues([], "STUDENT", null, on)).toBeNull();
    expect(monthlyDues(rates, "STUDENT", null, new Date("2016-06-01"))).toBeNull();
  });
});

describe("the explanation of an amount", () => {
  it("names the fixed band with its bound", () => {
    const dues = monthlyDues(rates, "SALARIED", 199_999, on)!;
    expect(explainMonthlyDues(dues, "SALARIED", 199_999)).toEqual({
      kind: "fixed",
      category: "SALARIED",
      amountFen: 300,
      incomeFen: 199_999,
      incomeBelowFen: 200_000,
    });
  });

  it("shows the share before rounding and whether the cap applied", () => {
    const at2499 = explainMonthlyDues(monthlyDues(rates, "SALARIED", 249_900, on)!, "SALARIED", 249_900);
    expect(at2499).toMatchObject({ kind: "share", flooredFen: 400, capped: false, amountFen: 400 });
    expect(at2499.kind === "share" && formatDecimal(at2499.shareMicroYuan, 6)).toBe("4.998");
    const at12000 = explainMonthlyDues(monthlyDues(rates, "SALARIED", 1_200_000, on)!, "SALARIED", 1_200_000);
    expect(at12000).toMatchObject({ kind: "share", flooredFen: 2_400, capped: true, capFen: 2_000, amountFen: 2_000 });
  });
});

describe("money", () => {
  it("prints fen as yuan with two decimals and formula numbers without trailing zeros", () => {
    expect(formatYuan(20)).toBe("0.20");
    expect(formatYuan(2_000)).toBe("20.00");
    expect(formatYuan(123_456)).toBe("1234.56");
    expect(formatYuan(0)).toBe("0.00");
    expect(formatDecimal(199_999, 2)).toBe("1999.99");
    expect(formatDecimal(1_200_000, 2)).toBe("12000");
    expect(formatDecimal(20, 2)).toBe("0.2");
  });
});

describe("the dues position", () => {
  it("owes every month from the start when nothing is paid", () => {
    expect(duesPosition(202610, 202611, [], 20)).toEqual({
      paidThrough: null,
      owedMonths: [202610, 202611],
      owedFen: 40,
    });
  });

  it("runs across the year boundary", () => {
    const pos = duesPosition(202511, 202602, [202511, 202512], 300);
    expect(pos).toEqual({ paidThrough: 202512, owedMonths: [202601, 202602], owedFen: 600 });
    expect(overdueMonths(pos, 202602)).toBe(1);
    expect(addMonths(202512, 1)).toBe(202601);
  });

  it("counts prepaid months into paid-through and owes nothing", () => {
    const pos = duesPosition(202609, 202611, [202609, 202610, 202611, 202612, 202701], 20);
    expect(pos).toEqual({ paidThrough: 202701, owedMonths: [], owedFen: 0 });
    expect(overdueMonths(pos, 202611)).toBe(0);
  });

  it("stops paid-through at the first gap but still owes only the gaps", () => {
    const pos = duesPosition(202607, 202611, [202607, 202609, 202610, 202611], 20);
    expect(pos).toEqual({ paidThrough: 202607, owedMonths: [202608], owedFen: 20 });
    expect(overdueMonths(pos, 202611)).toBe(1);
  });

  it("owes the current month without counting it as overdue", () => {
    // 刘洋's case: paid up to four months ago.
    const pos = duesPosition(202005, 202611, [...monthsFrom(202005, 202607)], 2_000);
    expect(pos.owedMonths).toEqual([202608, 202609, 202610, 202611]);
    expect(pos.owedFen).toBe(8_000);
    expect(overdueMonths(pos, 202611)).toBe(3);
  });

  it("starts in the joining month as Shanghai sees it", () => {
    expect(monthOf(new Date("2026-11-30T16:30:00Z"), "Asia/Shanghai")).toBe(202612);
  });
});

function* monthsFrom(from: number, to: number) {
  for (let m = from; m <= to; m = addMonths(m, 1)) yield m;
}
