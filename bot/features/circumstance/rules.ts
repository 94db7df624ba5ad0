// Changes of circumstance, the pure part: what a member's sentence already says (a job, pay, study, no income),
// which months a change may start in, and reading a month as people type it. No I/O.
import { parseInteger } from "../../core/nlu/numbers.ts";
import { DuesCategory, TransferReason } from "../../infra/db.ts";
import { addMonths, type Month } from "../dues/months.ts";
import { MAX_MONTHLY_INCOME_FEN } from "../dues/rules.ts";

/** A change may be reported this far ahead (a job offer that starts in two months). */
export const MAX_MONTHS_AHEAD = 3;
/** The member's own words kept with the request. */
export const MAX_NOTE_LENGTH = 200;

/** Transfers after which the member is asked whether their dues category should change. */
export const EMPLOYMENT_REASONS: readonly TransferReason[] = [
  TransferReason.EMPLOYED_WITH_LEAGUE_ORG,
  TransferReason.EMPLOYED_WITHOUT_LEAGUE_ORG,
  TransferReason.UNEMPLOYED,
];

export interface ReportDraft {
  category?: DuesCategory;
  incomeFen?: number;
}

// Losing work first: "没工作了", "辞职了", "lost my job" mention work too.
const NO_INCOME =
  /失业|待业|没(有)?工作|没了工作|丢了?工作|辞职|离职|被裁|裁员|没(有)?收入|无收入|退休|lost (my|the) job|unemployed|no income|quit (my|the) job|laid off|retired|out of work|not working/i;
const SALARIED =
  /上班|工作了|找到工作|入职|就业|参加工作|换.{0,3}工作|找.{0,3}工作|新工作|跳槽|月薪|工资|薪水|收入|挣|赚|job|employ|hired|salary|income|pay|earn|working|work at|work for/i;
const STUDENT =
  /读研|读博|考研|考上|上学|读书|回学校|复学|学生|在读|留学|student|study|studying|school|university|college|master|phd/i;

/** The pay in a sentence: "月薪八千", "工资 8000", "税后1.2万", "8k", "income 6500". In fen; null when none. */
export function incomeIn(text: string): number | null {
  const t = text.normalize("NFKC").replace(/,/g, "");
  const digits = /(\d{1,7}(?:\.\d{1,2})?)\s*(k|千|w|万)?\s*(?:元|块|rmb|yuan)?/i.exec(t);
  if (digits) {
    const unit = (digits[2] ?? "").toLowerCase();
    const scale = unit === "k" || unit === "千" ? 1000 : unit === "w" || unit === "万" ? 10000 : 1;
    return Math.round(Number(digits[1]) * scale * 100);
  }
  const numeral = /([零〇一二两三四五六七八九十百千万]+)\s*(?:元|块)?/.exec(t);
  if (!numeral) return null;
  const word = numeral[1]!;
  // "一万二" = 12000, "1万五" style: the part after 万 counts thousands.
  const wan = /^(.+?)万(.*)$/.exec(word);
  if (wan) {
    const high = parseInteger(wan[1]!);
    const rest = wan[2]
      ? /^[一二两三四五六七八九]$/.test(wan[2])
        ? (parseInteger(wan[2]) ?? 0) * 1000
        : parseInteger(wan[2])
      : 0;
    return high === null || rest === null ? null : (high * 10000 + rest) * 100;
  }
  const thousands = /^(.+?)千([一二两三四五六七八九])$/.exec(word);
  if (thousands) {
    const high = parseInteger(thousands[1]!);
    const low = parseInteger(thousands[2]!);
    return high === null || low === null ? null : (high * 1000 + low * 100) * 100;
  }
  const value = parseInteger(word);
  // A lone "一" or "两" in a sentence ("换了一份工作") is no pay.
  return value !== null && value >= 100 ? value * 100 : null;
}

/** What a sentence already says about the new situation. */
export function readReport(text: string): ReportDraft {
  const draft: ReportDraft = {};
  const income = incomeIn(text);
  if (NO_INCOME.test(text)) draft.category = DuesCategory.NO_INCOME;
  else if (STUDENT.test(text) && !/上班|工作了|入职|job|hired/i.test(text)) draft.category = DuesCategory.STUDENT;
  else if (SALARIED.test(text) || income !== null) draft.category = DuesCategory.SALARIED;
  if (draft.category === DuesCategory.SALARIED && income !== null && validIncome(income)) draft.incomeFen = income;
  return draft;
}

/** A typed answer to "how much after tax?": a number of yuan, possibly in words. */
export function incomeAnswer(text: string): number | null {
  const fen = incomeIn(text);
  return fen !== null && validIncome(fen) ? fen : null;
}

export function validIncome(fen: number): boolean {
  return Number.isInteger(fen) && fen > 0 && fen <= MAX_MONTHLY_INCOME_FEN;
}

/** A typed answer to "which situation?". */
export function categoryAnswer(text: string): DuesCategory | null {
  const t = text.trim();
  if (/^(在职|上班|工作|有工作|salaried|employed|working|job)/i.test(t)) return DuesCategory.SALARIED;
  if (/^(学生|在读|上学|student|studying)/i.test(t)) return DuesCategory.STUDENT;
  if (/^(无收入|没有收入|没收入|待业|失业|no income|unemployed|none)/i.test(t)) return DuesCategory.NO_INCOME;
  return readReport(t).category ?? null;
}

export interface MonthBounds {
  /** The first month a change may start: after the months already paid and the last confirmed change. */
  earliest: Month;
  latest: Month;
}

/**
 * Which months a change may start in. Never a month already paid (its amount is settled in the ledger), never
 * before joining or before the last confirmed change (the history stays in order), at most MAX_MONTHS_AHEAD ahead
 * (or the first unpaid month, when paid further ahead).
 */
export function monthBounds(input: {
  startMonth: Month;
  current: Month;
  lastPaid: Month | null;
  lastChange: Month | null;
}): MonthBounds {
  const earliest = Math.max(
    input.startMonth,
    input.lastPaid === null ? input.startMonth : addMonths(input.lastPaid, 1),
    input.lastChange ?? input.startMonth,
  );
  // Paid further ahead than that: the first unpaid month is still allowed, so there is always a month to choose.
  return { earliest, latest: Math.max(earliest, addMonths(input.current, MAX_MONTHS_AHEAD)) };
}

export type MonthCheck = { ok: true } | { ok: false; why: "too-early" | "too-late" };

export function checkMonth(month: Month, bounds: MonthBounds): MonthCheck {
  if (month < bounds.earliest) return { ok: false, why: "too-early" };
  if (month > bounds.latest) return { ok: false, why: "too-late" };
  return { ok: true };
}

const EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A month as typed: "2026年12月", "2026-12", "202612", "12月" / "十二月" (the nearest such month: this year's,
 * or last year's when this year's is more than MAX_MONTHS_AHEAD ahead), "本月", "下个月", "上个月", "this month",
 * "next month", "December", "Dec 2026". Null when it is not a month.
 */
export function parseMonth(raw: string, current: Month): Month | null {
  const t = raw
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[。.!！]+$/, "")
    .replace(/^(从|自|from|starting|since)\s*/, "")
    .replace(/(起|开始|开始算|起算|on)$/, "")
    .trim();
  if (/^(本月|这个月|这月|当月|this month|now|现在|从现在)$/.test(t)) return current;
  if (/^(下个?月|下月|next month)$/.test(t)) return addMonths(current, 1);
  if (/^(上个?月|上月|last month)$/.test(t)) return addMonths(current, -1);
  const full = /^(20\d{2})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*月?$/.exec(t) ?? /^(20\d{2})(\d{2})$/.exec(t);
  if (full) return valid(Number(full[1]) * 100 + Number(full[2]));
  const bare = /^(\d{1,2}|[一二三四五六七八九十]+)\s*月(份)?$/.exec(t);
  let monthNumber: number | null = bare ? parseInteger(bare[1]!) : null;
  let year: number | null = null;
  const en = /^([a-z]{3,9})\s*(20\d{2})?$/.exec(t);
  if (en) {
    const index = EN_MONTHS.findIndex((m) => en[1]!.startsWith(m));
    if (index >= 0 && EN_MONTHS[index]!.length <= en[1]!.length) {
      monthNumber = index + 1;
      year = en[2] ? Number(en[2]) : null;
    }
  }
  if (monthNumber === null || monthNumber < 1 || monthNumber > 12) return null;
  if (year !== null) return year * 100 + monthNumber;
  const thisYear = Math.floor(current / 100) * 100 + monthNumber;
  return thisYear > addMonths(current, MAX_MONTHS_AHEAD) ? thisYear - 100 : thisYear;
}

function valid(month: Month): Month | null {
  const m = month % 100;
  return m >= 1 && m <= 12 ? month : null;
}
