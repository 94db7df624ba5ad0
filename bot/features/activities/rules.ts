// Activity rules: what a valid activity is, reading times people type, who gets a place, when reminders and
// check-in happen, and the attendance sheet. Pure: callers pass the clock and the time zone.

import { dateFormat } from "../../core/date-format.ts";
import { parseInteger } from "../../core/nlu/numbers.ts";
import { parseSpokenTime } from "../../core/nlu/times.ts";
import { wallClock, zonedInstant } from "../../core/zone-time.ts";

export const MAX_TITLE = 60;
export const MAX_PLACE = 100;
export const MAX_CAPACITY = 10_000;
/** An activity typed with a start time only lasts this long. */
export const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ActivityFields {
  title: string;
  /** Volunteer hours each attendee is credited, in minutes; checked when given. */
  serviceMinutes?: number;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signupDeadline: Date;
}

export type FieldProblem = "title" | "place" | "past" | "end" | "capacity" | "deadline" | "hours";

/**
 * The first problem with an activity's fields, or null. `now` matters only for the times being set: an edit of the
 * place after sign-up has closed is fine, a new start or deadline in the past is not.
 */
export function fieldProblem(
  f: ActivityFields,
  now: Date,
  setting: { start: boolean; deadline: boolean } = { start: true, deadline: true },
): FieldProblem | null {
  if (!f.title.trim() || [...f.title].length > MAX_TITLE) return "title";
  if (!f.place.trim() || [...f.place].length > MAX_PLACE) return "place";
  if (setting.start && f.startsAt.getTime() <= now.getTime()) return "past";
  if (f.endsAt.getTime() <= f.startsAt.getTime()) return "end";
  if (!Number.isInteger(f.capacity) || f.capacity < 1 || f.capacity > MAX_CAPACITY) return "capacity";
  if (f.signupDeadline.getTime() > f.startsAt.getTime()) return "deadline";
  if (setting.deadline && f.signupDeadline.getTime() <= now.getTime()) return "deadline";
  if (f.serviceMinutes !== undefined && !validServiceMinutes(f.serviceMinutes)) return "hours";
  return null;
}

/** Volunteer hours an activity may carry: 0 to 24 hours in half-hour steps (as minutes). */
export function validServiceMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= 24 * 60 && minutes % 30 === 0;
}

/** "30", "30人", "30 people" → 30; null for anything else. */
// "20个人吧", "限30人", "最多五十名", "up to 12 places": a count with its unit and the words around it.
const CAPACITY =
  /^(?:限|最多|大概|大约|约|差不多|up to|about|max)?\s*([\d零〇一二两三四五六七八九十百千]{1,7})\s*(?:个人|人|名|位|个|people|persons?|places?|seats?)?\s*(?:左右|以内|吧|就行|就够了|即可)*$/i;

export function parseCapacity(text: string): number | null {
  const match = CAPACITY.exec(text.normalize("NFKC").trim());
  const n = match ? parseInteger(match[1]!) : null;
  return n !== null && n >= 1 && n <= MAX_CAPACITY ? n : null;
}

const DATE = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const TIME = /(\d{1,2})\s*(?:[:：]\s*(\d{2})|点\s*(?:(半)|(\d{1,2})\s*分?)?)/g;

/**
 * A date and time (and optionally an end time) as people type them, in `timeZone`: "2026-12-05 14:00",
 * "12/5 14:00-16:00", "12月5日 下午2点半到4点". A date without a year is its next occurrence. Null when unreadable.
 */
export function parseWhen(text: string, now: Date, timeZone: string): { start: Date; end: Date | null } | null {
  const cleaned = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const date = DATE.exec(cleaned);
  // Not a written date: a spoken one ("下周三晚上7点", "今天 20:40-22:00", "明天下午").
  if (!date) return parseSpokenTime(cleaned, now, timeZone);
  const rest = cleaned.slice(date[0].length);
  const afternoon = /下午|晚上|晚|pm/i.test(rest);
  const times = [...rest.matchAll(TIME)].map((m) => {
    let hour = Number(m[1]);
    const minute = m[3] ? 30 : Number(m[2] ?? m[4] ?? 0);
    if (afternoon && hour < 12) hour += 12;
    return { hour, minute };
  });
  if (times.length < 1 || times.length > 2) return null;
  if (times.some((t) => t.hour > 23 || t.minute > 59)) return null;
  const month = Number(date[2]);
  const day = Number(date[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const today = wallClock(now, timeZone);
  let year = date[1] ? Number(date[1]) : today.year;
  if (!date[1] && (month < today.month || (month === today.month && day < today.day))) year++;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  const start = zonedInstant(year, month, day, times[0]!.hour, times[0]!.minute, timeZone);
  const end = times[1] ? zonedInstant(year, month, day, times[1].hour, times[1].minute, timeZone) : null;
  return { start, end };
}

/** How an instant is shown in each catalogue language (messages pick theirs: `$startsZh` / `$startsEn`). */
export function whenArgs(name: string, at: Date, timeZone: string): Record<string, string> {
  const format = (locale: string) =>
    dateFormat(locale, {
      timeZone,
      year: "numeric",
      month: locale === "en" ? "short" : "long",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(at);
  return { [`${name}Zh`]: format("zh-CN"), [`${name}En`]: format("en") };
}

// ── Places ──

export type SignupStatusName = "CONFIRMED" | "WAITLISTED" | "CANCELLED";

/** A new sign-up gets a place while places are left, otherwise joins the end of the waitlist. */
export function placeFor(confirmed: number, capacity: number): "CONFIRMED" | "WAITLISTED" {
  return confirmed < capacity ? "CONFIRMED" : "WAITLISTED";
}

/** How many waiting members move up when `capacity` allows more than `confirmed`. */
export function promotions(confirmed: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(capacity - confirmed, waiting));
}

export type SignupRefusal = "not-found" | "cancelled" | "deadline" | "started" | "inactive";

export function signupRefusal(a: {
  status: string;
  signupDeadline: Date;
  startsAt: Date;
  now: Date;
  inAudience: boolean;
  memberActive: boolean;
}): SignupRefusal | null {
  // Outside the audience the activity does not exist for the member: not even its title or that it was cancelled.
  if (!a.inAudience || (a.status !== "PUBLISHED" && a.status !== "CANCELLED")) return "not-found";
  if (a.status === "CANCELLED") return "cancelled";
  if (!a.memberActive) return "inactive";
  if (a.now.getTime() >= a.startsAt.getTime()) return "started";
  if (a.now.getTime() > a.signupDeadline.getTime()) return "deadline";
  return null;
}

/** A member is in the audience when one of their organisation's ancestors (or itself) is an audience org. */
export function inAudience(memberOrgAncestorIds: readonly number[], audienceOrgIds: readonly number[]): boolean {
  return audienceOrgIds.some((id) => memberOrgAncestorIds.includes(id));
}

// ── Reminders ──

export const REMINDER_STAGES = ["24h", "1h"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const STAGE_BEFORE: Record<ReminderStage, number> = { "24h": 24 * HOUR, "1h": HOUR };
/** A 24 h reminder more than 2 h late is dropped: the 1 h one follows. The 1 h one is good until the start. */
const STAGE_LATE_AFTER: Record<ReminderStage, number> = { "24h": 2 * HOUR, "1h": HOUR };
/** A timer that fires this little early (clocks of two machines) still counts as on time. */
const EARLY_TOLERANCE_MS = MINUTE;

export function reminderAt(stage: ReminderStage, startsAt: Date): Date {
  return new Date(startsAt.getTime() - STAGE_BEFORE[stage]);
}

export function reminderTiming(stage: ReminderStage, startsAt: Date, now: Date): "early" | "due" | "late" {
  const at = reminderAt(stage, startsAt).getTime();
  if (now.getTime() < at - EARLY_TOLERANCE_MS) return "early";
  const lateFrom = Math.min(at + STAGE_LATE_AFTER[stage], startsAt.getTime());
  return now.getTime() >= lateFrom ? "late" : "due";
}

// ── Check-in ──

/** Check-in opens this long before the start and closes this long after the end. */
export const CHECKIN_MARGIN_MS = 30 * MINUTE;
export const CHECKIN_CODE_LENGTH = 6;
/** The Telegram deep-link payload: t.me/<bot>?start=checkin_<code>. */
export const CHECKIN_LINK_PREFIX = "checkin_";

export function checkinWindow(startsAt: Date, endsAt: Date): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(startsAt.getTime() - CHECKIN_MARGIN_MS),
    closesAt: new Date(endsAt.getTime() + CHECKIN_MARGIN_MS),
  };
}

export function checkinTiming(now: Date, opensAt: Date, closesAt: Date): "early" | "open" | "closed" {
  if (now.getTime() < opensAt.getTime()) return "early";
  return now.getTime() > closesAt.getTime() ? "closed" : "open";
}

/** A code from random digits 0-9 (one per entry). */
export function checkinCodeFrom(digits: readonly number[]): string {
  return digits
    .slice(0, CHECKIN_CODE_LENGTH)
    .map((d) => String(Math.abs(d) % 10))
    .join("");
}

/** The code in "签到 123456", "/checkin 123 456" or a deep-link payload; null when there is none. */
export function findCheckinCode(text: string): string | null {
  const digits = text.replace(CHECKIN_LINK_PREFIX, " ").match(/\d[\d\s-]*\d/g) ?? [];
  for (const run of digits) {
    const code = run.replace(/[\s-]/g, "");
    if (code.length === CHECKIN_CODE_LENGTH) return code;
  }
  return null;
}

// ── Attendance ──

export type Attendance = "attended" | "no-show" | "pending" | "waitlisted" | "cancelled";

export function attendanceOf(
  signup: { status: SignupStatusName; checkedInAt: Date | null },
  endsAt: Date,
  now: Date,
): Attendance {
  if (signup.checkedInAt) return "attended";
  if (signup.status === "WAITLISTED") return "waitlisted";
  if (signup.status === "CANCELLED") return "cancelled";
  return now.getTime() > endsAt.getTime() ? "no-show" : "pending";
}

/** One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted; formula starts are defused. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields
    .map((f) => {
      let s = String(f);
      // A spreadsheet would run "=…" as a formula.
      if (/^[=+\-@]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}
