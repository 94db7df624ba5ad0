// THE count of months a member owes, in one place. Every view (/me, /dues, /pay, /branch, /duesbranch,
// /duesorgs, /duescash), every warning and the monthly reminder campaign count it this way, so a member never reads
// "欠缴 4 个月" beside "3 个月未缴", and a leader's roster and list never disagree:
//
//   owed = the unpaid months from the joining month through the current month.
//
// The current month is owed from its first day; the warnings (3 months) and the 脱团 risk (6 months) compare this
// same number, so they come a month early rather than a month late (warn early; a person decides).
// Views that hold the paid months call `monthsOwed`; set-based SQL (rosters and campaigns over thousands of members)
// uses `owedCountSql`, its twin, which test/features/dues/owed.test.ts checks against it for every seeded member.
import { Prisma } from "../../infra/db.ts";
import { DUES_LAPSE_RISK_MONTHS, DUES_OVERDUE_WARN_MONTHS } from "../membership/rules.ts";
import { type Month, monthRange } from "./months.ts";
import { monthIndex } from "./reminders/rules.ts";

/** The owed months, oldest first. */
export function monthsOwed(startMonth: Month, current: Month, paid: Iterable<Month>): Month[] {
  const paidSet = new Set(paid);
  return monthRange(startMonth, current).filter((m) => !paidSet.has(m));
}

/**
 * The last month dues are owed for: the current month, or the month the member left (离团) if earlier — owed
 * months never grow after leaving. Every caller of `monthsOwed` passes its `current` through this.
 */
export function lastDuesMonth(current: Month, leftOn: Date | null | undefined): Month {
  if (!leftOn) return current;
  return Math.min(current, leftOn.getUTCFullYear() * 100 + leftOn.getUTCMonth() + 1);
}

/** Which warning an owed count calls for (the 脱团 risk also needs six months without organisational life). */
export function arrearsLevel(owed: number): "none" | "warn" | "risk" {
  if (owed >= DUES_LAPSE_RISK_MONTHS) return "risk";
  if (owed >= DUES_OVERDUE_WARN_MONTHS) return "warn";
  return "none";
}

/** The joining month of member row `m` as yyyymm and as a month index, in SQL. */
const START_MONTH = Prisma.raw(`(EXTRACT(YEAR FROM m.joined_at)::int * 100 + EXTRACT(MONTH FROM m.joined_at)::int)`);
const START_INDEX = Prisma.raw(`(EXTRACT(YEAR FROM m.joined_at)::int * 12 + EXTRACT(MONTH FROM m.joined_at)::int - 1)`);
/** The leaving month of member row `m` (`lastDuesMonth`'s cap), as yyyymm and as an index; NULL while a member. */
const LEFT_MONTH = Prisma.raw(`(EXTRACT(YEAR FROM m.left_on)::int * 100 + EXTRACT(MONTH FROM m.left_on)::int)`);
const LEFT_INDEX = Prisma.raw(`(EXTRACT(YEAR FROM m.left_on)::int * 12 + EXTRACT(MONTH FROM m.left_on)::int - 1)`);

/**
 * `monthsOwed(...).length` for member row `m` (a `members m` in the FROM), in SQL: months from joining through
 * `current` (or the leaving month, if earlier: LEAST ignores NULL) less the paid ones among them (the (member,
 * month) index answers the count).
 */
export function owedCountSql(current: Month): Prisma.Sql {
  return Prisma.sql`GREATEST(0, LEAST(${monthIndex(current)}::int, ${LEFT_INDEX}) - ${START_INDEX} + 1 - (
    SELECT count(*)::int FROM dues_months d
     WHERE d.member_id = m.id AND d.month >= ${START_MONTH} AND d.month <= LEAST(${current}::int, ${LEFT_MONTH})))`;
}
