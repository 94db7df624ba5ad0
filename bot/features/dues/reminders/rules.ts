// The monthly dues reminder's rules, pure: when it runs, who is reminded, which arrears a leader hears about.
import { DUES_LAPSE_RISK_MONTHS, DUES_OVERDUE_WARN_MONTHS } from "../../membership/rules.ts";
import type { Month } from "../months.ts";

export { DUES_LAPSE_RISK_MONTHS, DUES_OVERDUE_WARN_MONTHS };

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

/** Unpaid months counted the way the reminder counts them. `paidBefore` counts paid months before `current`. */
export function arrears(startMonth: Month, current: Month, paidBefore: number, currentPaid: boolean) {
  if (startMonth > current) return { overdue: 0, owed: 0 };
  const overdue = Math.max(0, monthIndex(current) - monthIndex(startMonth) - paidBefore);
  return { overdue, owed: overdue + (currentPaid ? 0 : 1) };
}

/** A member is reminded when anything is owed up to this month and no reminder reached them in the last week. */
export function shouldRemind(owed: number, remindedAt: Date | null, now: Date): boolean {
  return owed > 0 && (remindedAt === null || now.getTime() - remindedAt.getTime() >= REMIND_INTERVAL_MS);
}

/** Which leaders hear about a member's arrears: 3 months → the 团支书; 6 → also the parent committee (脱团 risk). */
export function arrearsLevel(overdue: number): "none" | "warn" | "risk" {
  if (overdue >= DUES_LAPSE_RISK_MONTHS) return "risk";
  if (overdue >= DUES_OVERDUE_WARN_MONTHS) return "warn";
  return "none";
}
