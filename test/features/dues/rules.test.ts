// The dues table as the seed stores it, the amounts it gives at the band edges, and what paid months leave owing.
import { describe, expect, it } from "vitest";
import { parseMoneyFen as parseYuan } from "../../../bot/core/nlu/numbers.ts";
import { formatDecimal, formatYuan } from "../../../bot/features/dues/money.ts";
import { addMonths, monthOf } from "../../../bot/features/dues/months.ts";
import { monthsOwed } from "../../../bot/features/dues/owed.ts";
import { newReference, REFERENCE_PATTERN } from "../../../bot/features/dues/reference.ts";
import {
  duesPosition,
  explainMonthlyDues,
  MAX_AHEAD_MONTHS,
  maxPayableMonths,
  monthChoices,
  monthlyDues,
  monthlyDuesForMonth,
  monthsToCover,
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

  it("reaches the cap exactly at 10000 元 and stays there above it", () => {
    // 9999.99 × 0.2% = 19.99998 → 19 元; 10000 → 20 元; 10000.01 → 20.00002 → 20 元.
    expect(salaried(999_999)).toBe(1_900);
    expect(salaried(1_000_000)).toBe(2_000);
    expect(salaried(1_000_001)).toBe(2_000);
    expect(salaried(1_049_999)).toBe(2_000);
  });

  it("treats a salaried member with no pay on record as the lowest band", () => {
    expect(salaried(0)).toBe(300);
    expect(monthlyDues(rates, "SALARIED", null, on)?.amountFen).toBe(300);
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

describe("the amount of one month", () => {
  const raised: Rate = { ...rates[0]!, effectiveFrom: new Date("2027-01-15"), fixedFen: 50 };
  const table = [...rates, raised];

  it("is the table in force on the month's first day", () => {
    expect(monthlyDuesForMonth(table, "STUDENT", null, 202612)?.amountFen).toBe(20);
    // The new table starts mid-January: January is still charged at the old one, February at the new.
    expect(monthlyDuesForMonth(table, "STUDENT", null, 202701)?.amountFen).toBe(20);
    expect(monthlyDuesForMonth(table, "STUDENT", null, 202702)?.amountFen).toBe(50);
  });

  it("charges months before the first table at the first table", () => {
    expect(monthlyDuesForMonth(table, "STUDENT", null, 201605)?.amountFen).toBe(20);
    expect(monthlyDuesForMonth(table, "SALARIED", 1_200_000, 201605)?.amountFen).toBe(2_000);
  });

  it("is null only when the category has no band at all", () => {
    expect(monthlyDuesForMonth([], "STUDENT", null, 202611)).toBeNull();
  });

  it("adds each owed month at its own rate", () => {
    const price = (m: number) => monthlyDuesForMonth(table, "STUDENT", null, m)!.amountFen;
    expect(duesPosition(202611, 202703, [202611], price)).toEqual({
      paidThrough: 202611,
      owedMonths: [202612, 202701, 202702, 202703],
      owedFen: 20 + 20 + 50 + 50,
    });
  });
});

describe("what a payment covers", () => {
  it("takes the first unpaid months from the start, gaps before later months, then months ahead", () => {
    expect(monthsToCover(202606, [202606, 202608], 3)).toEqual([202607, 202609, 202610]);
    expect(monthsToCover(202611, [], 3)).toEqual([202611, 202612, 202701]);
    expect(monthsToCover(202611, [202611], 0)).toEqual([]);
  });

  it("allows the owed months and up to twelve months ahead", () => {
    // Joined in September, now November, nothing paid: 3 owed + 12 ahead.
    expect(maxPayableMonths(202609, 202611, [])).toBe(3 + MAX_AHEAD_MONTHS);
    // Already three months ahead: nine more ahead at most.
    expect(maxPayableMonths(202609, 202611, [202609, 202610, 202611, 202612, 202701, 202702])).toBe(9);
  });

  it("offers one month, all owed, and all owed plus a year; or 1, 6, 12 ahead when nothing is owed", () => {
    expect(monthChoices(4, 16)).toEqual([1, 4, 16]);
    expect(monthChoices(1, 13)).toEqual([1, 13]);
    expect(monthChoices(0, 12)).toEqual([1, 6, 12]);
    // Paid far ahead already: the choices stop at what is allowed.
    expect(monthChoices(0, 2)).toEqual([1, 2]);
    expect(monthChoices(0, 0)).toEqual([]);
  });
});

describe("payment references", () => {
  it("are TF- and six characters without look-alikes", () => {
    const refs = Array.from({ length: 200 }, newReference);
    for (const ref of refs) expect(ref).toMatch(REFERENCE_PATTERN);
    expect(refs.join("")).not.toMatch(/[01OIL]/);
    expect(new Set(refs).size).toBeGreaterThan(195);
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

  it("reads typed yuan amounts as fen, refusing anything else", () => {
    expect(parseYuan("5")).toBe(500);
    expect(parseYuan("2.5")).toBe(250);
    expect(parseYuan("8 元")).toBe(800);
    expect(parseYuan("0.05yuan")).toBe(5);
    expect(parseYuan("0")).toBe(0);
    expect(parseYuan("5元5"), "5 元 5 角, as said").toBe(550);
    for (const bad of ["-1", "1.234", "abc", "", "五", "1e3", "5元50"]) expect(parseYuan(bad), bad).toBeNull();
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
    expect(addMonths(202512, 1)).toBe(202601);
  });

  it("counts prepaid months into paid-through and owes nothing", () => {
    const pos = duesPosition(202609, 202611, [202609, 202610, 202611, 202612, 202701], 20);
    expect(pos).toEqual({ paidThrough: 202701, owedMonths: [], owedFen: 0 });
  });

  it("stops paid-through at the first gap but still owes only the gaps", () => {
    const pos = duesPosition(202607, 202611, [202607, 202609, 202610, 202611], 20);
    expect(pos).toEqual({ paidThrough: 202607, owedMonths: [202608], owedFen: 20 });
  });

  it("owes the current month from its first day", () => {
    // 刘洋's case: paid up to four months ago.
    const pos = duesPosition(202005, 202611, [...monthsFrom(202005, 202607)], 2_000);
    expect(pos.owedMonths).toEqual([202608, 202609, 202610, 202611]);
    expect(pos.owedFen).toBe(8_000);
    expect(monthsOwed(202005, 202611, monthsFrom(202005, 202607))).toEqual(pos.owedMonths);
  });

  it("starts in the joining month as Shanghai sees it", () => {
    expect(monthOf(new Date("2026-11-30T16:30:00Z"), "Asia/Shanghai")).toBe(202612);
  });
});

function* monthsFrom(from: number, to: number) {
  for (let m = from; m <= to; m = addMonths(m, 1)) yield m;
}
