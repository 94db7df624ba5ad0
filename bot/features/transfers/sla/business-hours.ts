// Business-hour arithmetic on the Chinese work calendar. Pure: the calendar's exceptions come in as a map.
//
// A working day is Monday–Friday unless the calendar says otherwise: public holidays (working = false) and 调休
// weekend working days (working = true) are the exceptions. Business hours are 09:00–18:00 China Standard Time
// (UTC+8, Asia/Shanghai, no daylight saving since 1991) — the time zone the calendar itself is published in, so
// they do not follow the TZ setting. A day outside the seeded years falls back to plain Monday–Friday.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface BusinessDay {
  /** Offset of the calendar's wall clock from UTC, in minutes (China: +480). */
  utcOffsetMinutes: number;
  /** First and last minute of the working day, from local midnight (09:00 = 540, 18:00 = 1080). */
  startMinute: number;
  endMinute: number;
}

export const CHINA_BUSINESS_DAY: BusinessDay = { utcOffsetMinutes: 480, startMinute: 9 * 60, endMinute: 18 * 60 };

/** Calendar exceptions by local date "YYYY-MM-DD" → working or not. */
export type WorkCalendar = ReadonlyMap<string, boolean>;

/** Days examined before giving up: a calendar with years of holidays in a row is a data error. */
const MAX_DAYS = 3660;

function dayKey(dayIndex: number): string {
  return new Date(dayIndex * DAY).toISOString().slice(0, 10);
}

/** Whether the local day (days since 1970-01-01 on the local calendar) is a working day. */
export function isWorkingDay(dayIndex: number, calendar: WorkCalendar): boolean {
  const exception = calendar.get(dayKey(dayIndex));
  if (exception !== undefined) return exception;
  const weekday = new Date(dayIndex * DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The same for a date given as "YYYY-MM-DD". */
export function isWorkingDate(date: string, calendar: WorkCalendar): boolean {
  return isWorkingDay(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY), calendar);
}

/** The instant that lies `hours` business hours after `from` (a start outside hours counts from the next opening). */
export function addBusinessHours(
  from: Date,
  hours: number,
  calendar: WorkCalendar,
  day: BusinessDay = CHINA_BUSINESS_DAY,
): Date {
  if (!(hours >= 0)) throw new RangeError(`hours must be >= 0, got ${hours}`);
  const offset = day.utcOffsetMinutes * 60_000;
  const open = day.startMinute * 60_000;
  const close = day.endMinute * 60_000;
  let remaining = Math.round(hours * HOUR);
  if (remaining === 0) return new Date(from.getTime());
  let local = from.getTime() + offset;
  let dayIndex = Math.floor(local / DAY);
  for (let i = 0; i < MAX_DAYS; i++, dayIndex++) {
    const dayStart = dayIndex * DAY;
    if (isWorkingDay(dayIndex, calendar)) {
      const begin = Math.max(local, dayStart + open);
      const available = dayStart + close - begin;
      if (available > 0) {
        // Ending exactly at closing time is that day's 18:00, not the next day's 09:00.
        if (remaining <= available) return new Date(begin + remaining - offset);
        remaining -= available;
      }
    }
    local = dayStart + DAY;
  }
  throw new RangeError("no working hours found within ten years");
}

/** Business time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function businessMsBetween(
  from: Date,
  to: Date,
  calendar: WorkCalendar,
  day: BusinessDay = CHINA_BUSINESS_DAY,
): number {
  const offset = day.utcOffsetMinutes * 60_000;
  const start = from.getTime() + offset;
  const end = to.getTime() + offset;
  if (end <= start) return 0;
  let total = 0;
  for (let dayIndex = Math.floor(start / DAY); dayIndex * DAY < end; dayIndex++) {
    if (!isWorkingDay(dayIndex, calendar)) continue;
    const open = dayIndex * DAY + day.startMinute * 60_000;
    const close = dayIndex * DAY + day.endMinute * 60_000;
    total += Math.max(0, Math.min(end, close) - Math.max(start, open));
  }
  return total;
}

/** Business hours elapsed between two instants. */
export function elapsedBusinessHours(
  from: Date,
  to: Date,
  calendar: WorkCalendar,
  day: BusinessDay = CHINA_BUSINESS_DAY,
): number {
  return businessMsBetween(from, to, calendar, day) / HOUR;
}

/** The local date ("YYYY-MM-DD") of an instant on the calendar's wall clock. */
export function localDate(at: Date, day: BusinessDay = CHINA_BUSINESS_DAY): string {
  return new Date(at.getTime() + day.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
