// Pure pieces of the leaders' dues tools: the year's window, the collection rate, CSV for Excel, and reading the
// lines of a cash entry ("编号 月数").
import { type Month, monthsBetween } from "../months.ts";

/** The months of `current`'s year a member owes dues for: from January (or their joining month) to `current`. */
export function yearWindow(startMonth: Month, current: Month): { from: Month; due: number } {
  const january = Math.floor(current / 100) * 100 + 1;
  const from = Math.max(startMonth, january);
  return { from, due: monthsBetween(from, current) };
}

/**
 * Paid months over due months as a percentage with one decimal, rounded half up ("72.7%", 200/216 = "92.6%"); never
 * "100.0%" while a month is missing. Null when nothing was due.
 */
export function collectionRate(paid: number, due: number): string | null {
  if (due <= 0) return null;
  const rounded = Math.round((paid * 1000) / due);
  const tenths = paid < due ? Math.min(rounded, 999) : rounded;
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Worst first: lowest rate, then most members owing, then name; organisations with nothing due go last. */
export function worstFirst<T extends { paid: number; due: number; owing3: number; name: string }>(rows: T[]): T[] {
  const rate = (r: T) => (r.due > 0 ? r.paid / r.due : Number.POSITIVE_INFINITY);
  return [...rows].sort((a, b) => rate(a) - rate(b) || b.owing3 - a.owing3 || a.name.localeCompare(b.name, "zh-CN"));
}

const BOM = "\uFEFF";

/**
 * A cell Excel shows as written: quoted when it holds a comma, quote or line break; a value that Excel would run
 * as a formula (= + - @) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A long digit string Excel would otherwise turn into 2.02001E+11: written as a text formula (="202001000005"),
 * which Excel and WPS show as the digits.
 */
export const csvDigits = (digits: string) => (/^\d{12,}$/.test(digits) ? `="${digits}"` : csvCell(digits));

/** UTF-8 with a byte-order mark (so Excel picks UTF-8 for Chinese), CRLF line ends. Cells are already encoded. */
export function toCsv(rows: string[][]): Uint8Array {
  const lines = rows.map((r) => `${r.join(",")}\r\n`).join("");
  return new TextEncoder().encode(`${BOM}${lines}`);
}

/** One member per cash-entry line. */
export interface CashLine {
  line: number;
  text: string;
  code: string;
  months: number;
}

export type CashLineProblem =
  | { reason: "bad-format" }
  | { reason: "bad-code" }
  | { reason: "bad-months"; max: number }
  | { reason: "duplicate"; first: number };

export interface CashLineError {
  line: number;
  text: string;
  problem: CashLineProblem;
}

/** Most months one line may name before the ledger is even asked (owed months plus a year ahead come later). */
export const MAX_LINE_MONTHS = 600;
/** Most members in one entry: a branch's cash collection, not a bulk import. */
export const MAX_CASH_LINES = 100;

/**
 * Reads "编号 月数" lines: spaces, tabs, commas (also full-width) between; "4个月"/"4月" read as 4. Blank lines are
 * skipped. Every bad line is reported with its number; a member named twice is an error, not a sum.
 */
export function parseCashLines(text: string): { lines: CashLine[]; errors: CashLineError[] } {
  const lines: CashLine[] = [];
  const errors: CashLineError[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const fail = (problem: CashLineProblem) => errors.push({ line, text: trimmed, problem });
    const parts = trimmed.split(/[\s,，、\u3000]+/).filter(Boolean);
    if (parts.length !== 2) {
      fail({ reason: "bad-format" });
      continue;
    }
    const [code, rawMonths] = parts as [string, string];
    if (!/^\d{12}$/.test(code)) {
      fail({ reason: "bad-code" });
      continue;
    }
    const monthsText = rawMonths.replace(/(个月|個月|月|months?|m)$/i, "");
    const months = /^\d{1,4}$/.test(monthsText) ? Number(monthsText) : Number.NaN;
    if (!(months >= 1 && months <= MAX_LINE_MONTHS)) {
      fail({ reason: "bad-months", max: MAX_LINE_MONTHS });
      continue;
    }
    const first = firstLine.get(code);
    if (first !== undefined) {
      fail({ reason: "duplicate", first });
      continue;
    }
    firstLine.set(code, line);
    lines.push({ line, text: trimmed, code, months });
  }
  return { lines, errors };
}
