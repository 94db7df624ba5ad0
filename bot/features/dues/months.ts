// Calendar months as yyyymm integers (202611): sortable, readable, and free of time-zone traps.
import { wallClock } from "../../core/zone-time.ts";

export type Month = number;

export function monthOf(date: Date, timeZone: string): Month {
  const { year, month } = wallClock(date, timeZone);
  return year * 100 + month;
}

/** A date-only value (birth, joining) as stored: midnight UTC of that day. */
export function monthOfDay(day: Date): Month {
  return day.getUTCFullYear() * 100 + day.getUTCMonth() + 1;
}

export function addMonths(month: Month, n: number): Month {
  const index = Math.floor(month / 100) * 12 + (month % 100) - 1 + n;
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthsBetween(from: Month, to: Month): number {
  const a = Math.floor(from / 100) * 12 + (from % 100);
  const b = Math.floor(to / 100) * 12 + (to % 100);
  return Math.max(0, b - a + 1);
}

export function monthRange(from: Month, to: Month): Month[] {
  return Array.from({ length: monthsBetween(from, to) }, (_, i) => addMonths(from, i));
}

/**
 * A month as a number Fluent's DATETIME() can show in any recipient's language ("2026年11月", "November 2026"):
 * the 15th at noon UTC, the same month in every time zone. For outbox rows, whose args are rendered at send time.
 */
export function monthStamp(month: Month): number {
  return Date.UTC(Math.floor(month / 100), (month % 100) - 1, 15, 12);
}
