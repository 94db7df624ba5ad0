// 团费 rules: the monthly amount from the rate table, and what a member's paid months leave owing.
import type { DuesCategory } from "../../infra/db.ts";
import { addMonths, type Month, monthRange } from "./months.ts";

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

/** The monthly amount for a category and after-tax income on a given day; null when no rate applies. */
export function monthlyDues(
  rates: Rate[],
  category: DuesCategory,
  incomeFen: number | null,
  on: Date,
): MonthlyDues | null {
  const candidates = rates.filter(
    (r) =>
      r.category === category &&
      r.effectiveFrom <= on &&
      (r.incomeFromFen === null || (incomeFen ?? 0) >= r.incomeFromFen) &&
      (r.incomeToFen === null || (incomeFen ?? 0) < r.incomeToFen),
  );
  // The latest table in force wins.
  const rate = candidates.sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0];
  if (!rate) return null;
  if (rate.fixedFen !== null) return { amountFen: rate.fixedFen, rate };
  // floor(pay × rate) in whole yuan, at most the cap.
  const share = Math.floor(((incomeFen ?? 0) * (rate.ratePer10k ?? 0)) / 10_000 / FEN_PER_YUAN) * FEN_PER_YUAN;
  return { amountFen: rate.capFen === null ? share : Math.min(share, rate.capFen), rate };
}

export interface DuesPosition {
  /** The last month of the unbroken run of paid months from the start; null when the first month is unpaid. */
  paidThrough: Month | null;
  owedMonths: Month[];
  owedFen: number;
}

/** What is owed from the first dues month up to `current`, given the months already paid. */
export function duesPosition(
  startMonth: Month,
  current: Month,
  paid: Iterable<Month>,
  monthlyFen: number,
): DuesPosition {
  const paidSet = new Set(paid);
  const owedMonths = monthRange(startMonth, current).filter((m) => !paidSet.has(m));
  // Months paid ahead of time extend the run past the current month.
  let paidThrough: Month | null = null;
  for (let m = startMonth; paidSet.has(m); m = addMonths(m, 1)) paidThrough = m;
  return { paidThrough, owedMonths, owedFen: owedMonths.length * monthlyFen };
}

/** Unpaid months before `current`: the current month is owed but not yet overdue. */
export function overdueMonths(position: DuesPosition, current: Month): number {
  return position.owedMonths.filter((m) => m < current).length;
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
