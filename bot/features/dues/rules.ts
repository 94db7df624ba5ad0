// 团费 rules: the monthly amount from the rate table, and what a member's paid months leave owing.
import type { DuesCategory } from "../../infra/db.ts";
import { addMonths, type Month, monthRange } from "./months.ts";
import { monthsOwed } from "./owed.ts";

/**
 * The highest after-tax monthly pay we accept, in fen (1 000 000 元): far above the pay where dues reach their cap,
 * so only a typo goes over it, and well inside the database's integer.
 */
export const MAX_MONTHLY_INCOME_FEN = 100_000_000;

export interface Rate {
  effectiveFrom: Date;
  category: DuesCategory;
  incomeFromFen: number | null;
  incomeToFen: number | null;
  fixedFen: number | null;
  ratePer10k: number | null;
  capFen: number | null;
}

export interface MonthlyDues {
  amountFen: number;
  /** The rate that applied, so a reply can explain the amount. */
  rate: Rate;
}

const FEN_PER_YUAN = 100;

/** The rates of a category whose income band holds the given after-tax income. */
function ratesFor(rates: Rate[], category: DuesCategory, incomeFen: number | null): Rate[] {
  return rates.filter(
    (r) =>
      r.category === category &&
      (r.incomeFromFen === null || (incomeFen ?? 0) >= r.incomeFromFen) &&
      (r.incomeToFen === null || (incomeFen ?? 0) < r.incomeToFen),
  );
}

function amountAt(rate: Rate, incomeFen: number | null): MonthlyDues {
  if (rate.fixedFen !== null) return { amountFen: rate.fixedFen, rate };
  // floor(pay × rate) in whole yuan, at most the cap.
  const share = Math.floor(((incomeFen ?? 0) * (rate.ratePer10k ?? 0)) / 10_000 / FEN_PER_YUAN) * FEN_PER_YUAN;
  return { amountFen: rate.capFen === null ? share : Math.min(share, rate.capFen), rate };
}

/** The monthly amount for a category and after-tax income on a given day; null when no rate applies. */
export function monthlyDues(
  rates: Rate[],
  category: DuesCategory,
  incomeFen: number | null,
  on: Date,
): MonthlyDues | null {
  // The latest table in force wins.
  const rate = ratesFor(rates, category, incomeFen)
    .filter((r) => r.effectiveFrom <= on)
    .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0];
  return rate ? amountAt(rate, incomeFen) : null;
}

/** A month's first day as `effectiveFrom` dates are stored (midnight UTC). */
export function monthStart(month: Month): Date {
  return new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, 1));
}

/**
 * What one month is charged: the table in force on the month's first day, so a rate change part-way through a
 * ledger charges each month its own rate. Months before the first table are charged at the first table (members
 * who joined before it was published still owe those months, and there is no older table to use).
 */
export function monthlyDuesForMonth(
  rates: Rate[],
  category: DuesCategory,
  incomeFen: number | null,
  month: Month,
): MonthlyDues | null {
  const inForce = monthlyDues(rates, category, incomeFen, monthStart(month));
  if (inForce) return inForce;
  const first = ratesFor(rates, category, incomeFen).sort(
    (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime(),
  )[0];
  return first ? amountAt(first, incomeFen) : null;
}

export interface DuesPosition {
  /** The last month of the unbroken run of paid months from the start; null when the first month is unpaid. */
  paidThrough: Month | null;
  owedMonths: Month[];
  owedFen: number;
}

/**
 * What is owed from the first dues month up to `current`, given the months already paid. `monthlyFen` is one
 * amount for every month, or each month's own amount (its rate by `effectiveFrom`).
 */
export function duesPosition(
  startMonth: Month,
  current: Month,
  paid: Iterable<Month>,
  monthlyFen: number | ((month: Month) => number),
): DuesPosition {
  const paidSet = new Set(paid);
  const owedMonths = monthsOwed(startMonth, current, paidSet);
  // Months paid ahead of time extend the run past the current month.
  let paidThrough: Month | null = null;
  for (let m = startMonth; paidSet.has(m); m = addMonths(m, 1)) paidThrough = m;
  const amountOf = typeof monthlyFen === "number" ? () => monthlyFen : monthlyFen;
  return { paidThrough, owedMonths, owedFen: owedMonths.reduce((sum, m) => sum + amountOf(m), 0) };
}

/** Paying ahead is allowed up to this many months past the current one. */
export const MAX_AHEAD_MONTHS = 12;

/**
 * The months a payment of `count` months covers: the first unpaid months from the start, oldest first, so owed
 * months are always paid before any month ahead, and a paid month is never chosen again.
 */
export function monthsToCover(startMonth: Month, paid: Iterable<Month>, count: number): Month[] {
  const paidSet = new Set(paid);
  const months: Month[] = [];
  for (let m = startMonth; months.length < count; m = addMonths(m, 1)) if (!paidSet.has(m)) months.push(m);
  return months;
}

/** How many months one payment may cover: every owed month and unpaid months up to MAX_AHEAD_MONTHS ahead. */
export function maxPayableMonths(startMonth: Month, current: Month, paid: Iterable<Month>): number {
  const paidSet = new Set(paid);
  return monthRange(startMonth, addMonths(current, MAX_AHEAD_MONTHS)).filter((m) => !paidSet.has(m)).length;
}

/** The month counts offered as buttons: one month, all owed, all owed and a year ahead (or 3/6/12 ahead). */
export function monthChoices(owedCount: number, maxMonths: number): number[] {
  const wanted = owedCount > 0 ? [1, owedCount, owedCount + MAX_AHEAD_MONTHS] : [1, 6, MAX_AHEAD_MONTHS];
  return [...new Set(wanted.map((n) => Math.min(n, maxMonths)))].filter((n) => n > 0).sort((a, b) => a - b);
}

/** How a monthly amount came about, with the numbers a reply shows. Amounts in fen, income in fen. */
export type DuesExplanation =
  | {
      kind: "fixed";
      category: DuesCategory;
      amountFen: number;
      incomeFen: number | null;
      incomeBelowFen: number | null;
    }
  | {
      kind: "share";
      amountFen: number;
      incomeFen: number;
      /** The band's lower bound (2000 元), for the explanation. */
      incomeFromFen: number | null;
      ratePer10k: number;
      /** income × rate before rounding, in millionths of a yuan (exact: fen × per-10k / 10^6 yuan). */
      shareMicroYuan: number;
      /** The share rounded down to whole yuan, in fen. */
      flooredFen: number;
      capFen: number | null;
      capped: boolean;
    };

export function explainMonthlyDues(
  dues: MonthlyDues,
  category: DuesCategory,
  incomeFen: number | null,
): DuesExplanation {
  const { rate, amountFen } = dues;
  if (rate.fixedFen !== null) {
    return { kind: "fixed", category, amountFen, incomeFen, incomeBelowFen: rate.incomeToFen };
  }
  const income = incomeFen ?? 0;
  const ratePer10k = rate.ratePer10k ?? 0;
  const flooredFen = Math.floor((income * ratePer10k) / 10_000 / FEN_PER_YUAN) * FEN_PER_YUAN;
  return {
    kind: "share",
    amountFen,
    incomeFen: income,
    incomeFromFen: rate.incomeFromFen,
    ratePer10k,
    shareMicroYuan: income * ratePer10k,
    flooredFen,
    capFen: rate.capFen,
    capped: rate.capFen !== null && flooredFen > rate.capFen,
  };
}
