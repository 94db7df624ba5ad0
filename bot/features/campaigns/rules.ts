// Campaign rules, pure: the period, the reminder rhythm, completion figures and their order, typed selections.
// Callers pass today's date; nothing here reads a clock or the database.
import { compareDates, type LocalDate, toUtcDay } from "../membership/rules.ts";

/** The longest period a campaign may run (a league year). */
export const MAX_CAMPAIGN_DAYS = 366;
/** Reminder rhythms offered (days); 0 = no reminders. */
export const REMIND_RHYTHMS = [0, 3, 7, 14] as const;
/** Broadcast fan-out happens in ranges of this many members. */
export const CAMPAIGN_BATCH = 10_000;

const DAY_MS = 24 * 3600 * 1000;

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcDay(to).getTime() - toUtcDay(from).getTime()) / DAY_MS);
}

export type PeriodProblem = "opens-in-past" | "closes-before-opens" | "too-long";

/** Whether a period may be opened today: it starts today or later, ends on or after its start, within a year. */
export function periodProblem(opens: LocalDate, closes: LocalDate, today: LocalDate): PeriodProblem | null {
  if (compareDates(opens, today) < 0) return "opens-in-past";
  if (compareDates(closes, opens) < 0) return "closes-before-opens";
  if (daysBetween(opens, closes) > MAX_CAMPAIGN_DAYS) return "too-long";
  return null;
}

/**
 * Which reminder round is due on `today`: every `everyDays` from the opening day (round 1 on day N, round 2 on day
 * 2N…), up to and including the closing day; null on other days, before opening, after closing, or with no rhythm.
 */
export function reminderRound(opens: LocalDate, closes: LocalDate, everyDays: number, today: LocalDate): number | null {
  if (everyDays <= 0) return null;
  if (compareDates(today, opens) <= 0 || compareDates(today, closes) > 0) return null;
  const days = daysBetween(opens, today);
  return days % everyDays === 0 ? days / everyDays : null;
}

/** A campaign past its closing day is closed by the daily pass (its figures frozen then). */
export function pastClosing(closes: LocalDate, today: LocalDate): boolean {
  return compareDates(today, closes) > 0;
}

/** One organisation's figures: members in the audience, how many answered, how many are done. */
export interface Completion {
  orgId: number;
  name: string;
  total: number;
  responded: number;
  done: number;
}

/** Done as a share of the audience, 0–1 (an empty organisation counts as complete). */
export const doneShare = (c: Pick<Completion, "total" | "done">) => (c.total ? c.done / c.total : 1);

/** Per mille, rounded down: one decimal of a percentage, exact for tests (925 → "92.5%"). */
export const donePermille = (c: Pick<Completion, "total" | "done">) =>
  c.total ? Math.floor((c.done * 1000) / c.total) : 1000;

/** Worst first: the lowest share done, then the most members still to do, then by id. */
export function worstFirst<T extends Completion>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) => doneShare(a) - doneShare(b) || b.total - b.done - (a.total - a.done) || a.orgId - b.orgId,
  );
}

/** The totals over organisations. */
export function totals(rows: readonly Completion[]): Omit<Completion, "orgId" | "name"> {
  return rows.reduce(
    (t, r) => ({ total: t.total + r.total, responded: t.responded + r.responded, done: t.done + r.done }),
    { total: 0, responded: 0, done: 0 },
  );
}

/** What closing stores: the figures as they stood, and when. */
export interface Snapshot {
  at: string;
  rows: Completion[];
}

export function snapshotOf(rows: readonly Completion[], at: Date): Snapshot {
  return { at: at.toISOString(), rows: worstFirst(rows) };
}

/**
 * A typed selection of numbered lines: "1 3 5", "1,2、4", "2-4", "全部"/"all". Returns the 1-based numbers in
 * order without repeats, or null when a number is out of range or the text holds something else.
 */
export function parseSelection(text: string, count: number): number[] | null {
  const t = text.trim();
  if (/^(全部|所有|全体|all|everyone)$/i.test(t)) return Array.from({ length: count }, (_, i) => i + 1);
  const parts = t.split(/[\s,，、;；]+/).filter(Boolean);
  if (!parts.length) return null;
  const picked = new Set<number>();
  for (const part of parts) {
    const range = /^(\d{1,4})\s*[-–~至到]\s*(\d{1,4})$/.exec(part);
    const [lo, hi] = range ? [Number(range[1]), Number(range[2])] : [Number(part), Number(part)];
    if (!/^\d{1,4}$/.test(part) && !range) return null;
    if (lo < 1 || hi > count || lo > hi) return null;
    for (let n = lo; n <= hi; n++) picked.add(n);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Dedupe keys: one opening message and one reminder per round per member and chat. */
export const openKey = (campaignId: number) => `campaign:${campaignId}:open`;
export const remindKey = (campaignId: number, round: number) => `campaign:${campaignId}:remind:${round}`;

/** "92.5%" from a share in per mille. */
export const percent = (permille: number) => `${Math.floor(permille / 10)}.${permille % 10}%`;

/**
 * A typed leader's decision: an optional selection, a decision word, an optional reason ("1 3 暂缓 团费未缴清",
 * "全部注册", "注册"). The longest decision word found wins ("不予注册" over "注册").
 */
export function parseDecision(
  text: string,
  words: Readonly<Record<string, readonly string[]>>,
): { selection: string; decision: string; reason: string } | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  const candidates = Object.entries(words)
    .flatMap(([decision, ws]) => ws.map((w) => ({ decision, word: w.toLowerCase() })))
    .sort((a, b) => b.word.length - a.word.length);
  for (const { decision, word } of candidates) {
    const at = lower.indexOf(word);
    if (at < 0) continue;
    return {
      selection: t.slice(0, at).trim(),
      decision,
      reason: t
        .slice(at + word.length)
        .replace(/^[\s:：,，、]*(原因|理由|reason)?[\s:：,，、]*/i, "")
        .trim(),
    };
  }
  return null;
}

/** A closing day as typed: 2026-12-31, 2026/12/31, 2026年12月31日, or 12月31日 / 12-31 (the next such day). */
export function parseClosingDay(text: string, today: LocalDate): LocalDate | null {
  const s = text.trim().replace(/\s+/g, "").normalize("NFKC");
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const short = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!full && !short) return null;
  const month = Number((full ?? short)![full ? 2 : 1]);
  const day = Number((full ?? short)![full ? 3 : 2]);
  let year = full ? Number(full[1]) : today.year;
  if (!full && compareDates({ year, month, day }, today) < 0) year++;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(toUtcDay(d).getTime() + n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export const isoDate = (d: LocalDate) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
