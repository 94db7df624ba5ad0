// Volunteer hours (志愿服务时长): how people type them, how they are shown, and what a leader's entry must hold.
// Kept as whole minutes in half-hour steps, so sums are exact. Pure: callers pass the clock and the time zone.

import { wallClock, zonedInstant } from "../../core/zone-time.ts";

export const HOUR_MINUTES = 60;
/** Hours are counted in half-hour steps. */
export const STEP_MINUTES = 30;
/** At most a day's service per activity, and per leader's entry. */
export const MAX_MINUTES = 24 * HOUR_MINUTES;
export const MAX_REASON = 100;

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** "十二" → 12, "二十四" → 24, "三" → 3; null for anything else. Hours never need more. */
function chineseNumber(text: string): number | null {
  if (!text || ![...text].every((c) => c in CHINESE_DIGITS)) return null;
  const tenAt = text.indexOf("十");
  if (tenAt < 0) return text.length === 1 ? CHINESE_DIGITS[text]! : null;
  const tens = tenAt === 0 ? 1 : text.length >= 2 && tenAt === 1 ? CHINESE_DIGITS[text[0]!]! : null;
  const ones = text.slice(tenAt + 1);
  if (tens === null || ones.length > 1 || text.indexOf("十", tenAt + 1) >= 0) return null;
  return tens * 10 + (ones ? CHINESE_DIGITS[ones]! : 0);
}

/**
 * Hours as people type them → minutes: "2", "1.5", "2小时", "1.5h", "2 hours", "两个半小时", "半小时", "90分钟", "0",
 * "不计". Null when unreadable, not in half-hour steps, or over 24 hours.
 */
export function parseHours(raw: string): number | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\s+/g, "");
  if (/^(不计|不计时长|无|没有|none|no|zero)$/.test(text)) return 0;
  let minutes: number | null = null;
  const byMinutes = /^(\d{1,4})(分钟|分|min|mins|minutes?)$/.exec(text);
  const decimal = /^(\d{1,2}(?:\.\d{1,2})?)(个?小时|个?钟头?|h|hrs?|hours?)?$/.exec(text);
  const spoken = /^(?:(\d{1,2}|[零〇一两二三四五六七八九十]{1,3})个?)?(半)?(?:个)?(?:小时|钟头?)?$/.exec(text);
  if (byMinutes) minutes = Number(byMinutes[1]);
  else if (decimal) minutes = Math.round(Number(decimal[1]) * HOUR_MINUTES);
  else if (spoken && (spoken[1] || spoken[2]) && /小时|钟/.test(text)) {
    const whole = spoken[1] ? (/^\d+$/.test(spoken[1]) ? Number(spoken[1]) : chineseNumber(spoken[1])) : 0;
    if (whole === null) return null;
    minutes = whole * HOUR_MINUTES + (spoken[2] ? STEP_MINUTES : 0);
  }
  if (minutes === null || minutes % STEP_MINUTES !== 0 || minutes > MAX_MINUTES) return null;
  return minutes;
}

/** 150 → "2.5", 120 → "2", 0 → "0": hours as a plain number, the same in every language. */
export function formatHours(minutes: number): string {
  const tenths = Math.round((minutes * 10) / HOUR_MINUTES);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** An activity's length in half-hour steps (rounded down), at most 24 hours: the hours offered by default. */
export function durationHours(startsAt: Date, endsAt: Date): number {
  const minutes = Math.floor((endsAt.getTime() - startsAt.getTime()) / 60_000);
  return Math.max(0, Math.min(MAX_MINUTES, Math.floor(minutes / STEP_MINUTES) * STEP_MINUTES));
}

/** The instants a calendar year of `timeZone` runs between: the year `now` falls in. */
export function yearOf(now: Date, timeZone: string): { year: number; from: Date; to: Date } {
  const { year } = wallClock(now, timeZone);
  return {
    year,
    from: zonedInstant(year, 1, 1, 0, 0, timeZone),
    to: zonedInstant(year + 1, 1, 1, 0, 0, timeZone),
  };
}

export type EntryProblem = "format" | "code" | "hours" | "reason";

export interface Entry {
  code: string;
  minutes: number;
  reason: string;
}

/** Whether a reason is one we keep: something said, and not an essay. */
export function reasonProblem(reason: string): boolean {
  const trimmed = reason.trim();
  return [...trimmed].length < 2 || [...trimmed].length > MAX_REASON;
}

/**
 * A leader's whole entry on one line: "<编号> <hours> <reason>" ("201901000001 2 社区敬老院服务",
 * "201901000001 1.5小时 图书馆整理"). The reason is everything after the hours.
 */
export function parseEntry(raw: string): { ok: true; entry: Entry } | { ok: false; problem: EntryProblem } {
  const text = raw.trim().replace(/\u3000/g, " ");
  const match = /^([^\s,，]+)[\s,，]+([^\s,，]+)(?:[\s,，]+([\s\S]+))?$/.exec(text);
  if (!match) return { ok: false, problem: "format" };
  const [, code, hours, reason = ""] = match;
  if (!/^\d{12}$/.test(code!)) return { ok: false, problem: "code" };
  const minutes = parseHours(hours!);
  if (minutes === null || minutes === 0) return { ok: false, problem: "hours" };
  if (reasonProblem(reason)) return { ok: false, problem: "reason" };
  return { ok: true, entry: { code: code!, minutes, reason: reason.trim() } };
}
