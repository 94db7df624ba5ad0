// Dates as each locale writes them. Date-only values (birth, joining) are stored as midnight UTC and shown in
// UTC so they never shift a day; instants (a step's deadline) are shown in the configured time zone.

import { dateFormat } from "../../core/date-format.ts";
import type { Locale } from "../../core/i18n.ts";
import type { Month } from "../dues/months.ts";

export function formatDay(day: Date, locale: Locale): string {
  return dateFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(day);
}

/** The calendar day of an instant in the configured time zone. */
export function formatDate(at: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { dateStyle: "long", timeZone }).format(at);
}

export function formatInstant(at: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

/** 202604 → "2026年4月" / "April 2026". */
export function formatMonthName(month: Month, locale: Locale): string {
  const date = new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, 1));
  return dateFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(date);
}
