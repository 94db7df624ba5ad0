// Membership rules: age and 团龄 in full years on the local calendar, the 28-year limit, and the warnings a
// status message explains. Pure: callers pass today's date; nothing here reads a clock or the database.

import { wallClock } from "../../core/zone-time.ts";
import type { MemberStatus } from "../../infra/db.ts";

/** A calendar day with no time zone attached. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Members leave at 28 unless they hold a league post (then when it ends). */
export const LEAVING_AGE = 28;
export const AGE_NOTICE_MONTHS = 3;
export const DUES_OVERDUE_WARN_MONTHS = 3;
/** Six months unpaid (with no meetings or work) is 自行脱团 — a person decides that, never this code. */
export const DUES_LAPSE_RISK_MONTHS = 6;

/** The calendar day an instant falls on in a time zone (Asia/Shanghai for the league). */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(at, timeZone);
  return { year, month, day };
}

/** A stored date-only value (midnight UTC of that day). */
export function dayOf(date: Date): LocalDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function toUtcDay(d: LocalDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole years from `from` to `on`: a birthday counts once its day is reached. */
export function fullYears(from: LocalDate, on: LocalDate): number {
  const years = on.year - from.year;
  const reached = on.month > from.month || (on.month === from.month && on.day >= from.day);
  return Math.max(0, reached ? years : years - 1);
}

/** The day someone born on `birth` turns `age`; a 29 February birthday falls on 1 March in other years. */
export function birthdayAt(birth: LocalDate, age: number): LocalDate {
  return dayOf(new Date(Date.UTC(birth.year + age, birth.month - 1, birth.day)));
}

/** `n` months after a day, the day clamped to the end of a shorter month (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(d: LocalDate, n: number): LocalDate {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, lastDay) };
}

/** Whole months from `from` until `to` (0 when less than a month, negative once `to` has passed). */
export function fullMonthsUntil(from: LocalDate, to: LocalDate): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months > 0 && compareDates(addMonthsToDate(from, months), to) > 0) months--;
  if (months < 0 && compareDates(addMonthsToDate(from, months), to) < 0) months++;
  return months;
}

export type MembershipWarning =
  /** Turns 28 within the notice period: leave then, or keep membership while holding a league post. */
  | { kind: "age-soon"; turnsOn: LocalDate; monthsLeft: number }
  /** Turns 28 soon but holds a league post: leaving is postponed until the post ends. */
  | { kind: "age-soon-post"; turnsOn: LocalDate }
  /** 28 or older without a league post: 超龄待离团. */
  | { kind: "age-over"; age: number }
  | { kind: "age-over-post"; age: number }
  | { kind: "dues-overdue"; months: number }
  | { kind: "lapse-risk"; months: number };

export interface WarningInput {
  birth: LocalDate;
  today: LocalDate;
  hasLeaguePost: boolean;
  status: MemberStatus;
  /** Owed dues months, counted as everywhere (dues/owed.ts). */
  owedMonths: number;
  /** Last organisational life (an activity check-in), if any. */
  lastOrgLife?: LocalDate | null;
}

export function membershipWarnings(input: WarningInput): MembershipWarning[] {
  // Someone who has left or lapsed has nothing left to be warned about.
  if (input.status !== "ACTIVE") return [];
  const warnings: MembershipWarning[] = [];
  const age = fullYears(input.birth, input.today);
  const turnsOn = birthdayAt(input.birth, LEAVING_AGE);
  if (age >= LEAVING_AGE) {
    warnings.push(input.hasLeaguePost ? { kind: "age-over-post", age } : { kind: "age-over", age });
  } else if (compareDates(turnsOn, addMonthsToDate(input.today, AGE_NOTICE_MONTHS)) <= 0) {
    warnings.push(
      input.hasLeaguePost
        ? { kind: "age-soon-post", turnsOn }
        : { kind: "age-soon", turnsOn, monthsLeft: fullMonthsUntil(input.today, turnsOn) },
    );
  }
  // 自行脱团 is six months without dues AND without organisational life: recent life leaves only the dues warning.
  const recentLife =
    input.lastOrgLife != null &&
    compareDates(addMonthsToDate(input.lastOrgLife, DUES_LAPSE_RISK_MONTHS), input.today) > 0;
  if (input.owedMonths >= DUES_LAPSE_RISK_MONTHS && !recentLife) {
    warnings.push({ kind: "lapse-risk", months: input.owedMonths });
  } else if (input.owedMonths >= DUES_OVERDUE_WARN_MONTHS)
    warnings.push({ kind: "dues-overdue", months: input.owedMonths });
  return warnings;
}
