// 超龄离团 and 主动离团 rules, pure: where a member stands against the 28-year limit on a given day, and the record of
// their league years a farewell shows. Nothing here reads a clock or the database.
import {
  AGE_NOTICE_MONTHS,
  addMonthsToDate,
  birthdayAt,
  compareDates,
  fullYears,
  LEAVING_AGE,
  type LocalDate,
  toUtcDay,
} from "../membership/rules.ts";

export type AgeStage =
  /** Turns 28 within the notice period, without a post: they and their 团支书 are told what will happen. */
  | { kind: "notice"; turnsOn: LocalDate }
  /** 28 or older, without a post: the 团支书 is asked to confirm 离团 (never automatic). */
  | { kind: "due"; turnsOn: LocalDate }
  /** 28 or older with a league post: stays while the post lasts; the committee gets them listed. */
  | { kind: "post"; turnsOn: LocalDate };

export function ageStage(birth: LocalDate, today: LocalDate, hasLeaguePost: boolean): AgeStage | null {
  const turnsOn = birthdayAt(birth, LEAVING_AGE);
  if (compareDates(today, turnsOn) >= 0) return { kind: hasLeaguePost ? "post" : "due", turnsOn };
  if (hasLeaguePost) return null;
  const noticeFrom = addMonthsToDate(turnsOn, -AGE_NOTICE_MONTHS);
  return compareDates(today, noticeFrom) >= 0 ? { kind: "notice", turnsOn } : null;
}

/**
 * The latest birth date (stored as midnight UTC) a member in any stage on `today` can have: turning 28 within the
 * notice period. The database's pre-filter; `ageStage` decides. Two days of slack for 29 February.
 */
export function latestBirthInScope(today: LocalDate): Date {
  return new Date(toUtcDay(addMonthsToDate(today, AGE_NOTICE_MONTHS - LEAVING_AGE * 12)).getTime() + 2 * 86_400_000);
}

/** Whole years in the league, from joining to leaving. */
export function leagueYears(joined: LocalDate, left: LocalDate): number {
  return fullYears(joined, left);
}

/** Dedupe keys: each stage is said once per member, whatever number of daily runs see them. */
export const stageDedupeKey = (kind: AgeStage["kind"], memberId: number) => `leaving-${kind}:${memberId}`;
