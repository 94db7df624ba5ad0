// The monthly dues reminder's rules, pure: when it runs, who is reminded, which arrears a leader hears about.
import type { Month } from "../months.ts";

/** A member hears about dues at most once in this long, whichever campaign or re-run reaches them. */
export const REMIND_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/** Most members named in one leader's list; the rest are counted (the branch's CSV has everyone). */
export const LIST_LIMIT = 30;

/** The scheduler's cron pattern: minute 0 of the configured hour on the configured day, in the configured zone. */
export function reminderCron(day: number, hour: number): string {
  return `0 ${hour} ${day} * *`;
}

/** One campaign per month: the job id, so the month's campaign is queued once however often the schedule fires. */
export const campaignJobId = (month: Month) => `dues-reminder-${month}`;

/** A month as its index counted from year 0, so month arithmetic is subtraction (also in SQL). */
export const monthIndex = (month: Month) => Math.floor(month / 100) * 12 + (month % 100) - 1;

/** A member is reminded when anything is owed up to this month and no reminder reached them in the last week. */
export function shouldRemind(owed: number, remindedAt: Date | null, now: Date): boolean {
  return owed > 0 && (remindedAt === null || now.getTime() - remindedAt.getTime() >= REMIND_INTERVAL_MS);
}
