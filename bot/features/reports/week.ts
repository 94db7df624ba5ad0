// Report weeks: Monday 00:00 to the next Monday 00:00 in the configured time zone, as UTC instants. Pure.
import { wallClock, zonedInstant } from "../../core/zone-time.ts";

export interface Week {
  /** Monday 00:00 local time. */
  start: Date;
  /** The next Monday 00:00 local time (exclusive). */
  end: Date;
  /** The Monday as yyyy-mm-dd in the time zone: the week's name in dedupe keys, job ids and tables. */
  key: string;
  /** The Sunday as yyyy-mm-dd, for "from … to …". */
  lastDay: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** The instant of local midnight starting a calendar date (y, m 1-based, d may overflow). */
export function localMidnight(y: number, m: number, d: number, timeZone: string): Date {
  return zonedInstant(y, m, d, 0, 0, timeZone);
}

const isoDay = (utcDate: Date) => utcDate.toISOString().slice(0, 10);

/** The week that contains an instant. */
export function weekOf(at: Date, timeZone: string): Week {
  const { year: y, month: m, day: d } = wallClock(at, timeZone);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const mondayD = d - ((weekday + 6) % 7);
  const monday = new Date(Date.UTC(y, m - 1, mondayD));
  return {
    start: localMidnight(y, m, mondayD, timeZone),
    end: localMidnight(y, m, mondayD + 7, timeZone),
    key: isoDay(monday),
    lastDay: isoDay(new Date(monday.getTime() + 6 * DAY_MS)),
  };
}

/** The last week that has ended by `now` (on a Monday morning: the week just past). */
export function lastFullWeek(now: Date, timeZone: string): Week {
  return weekOf(new Date(weekOf(now, timeZone).start.getTime() - 1), timeZone);
}

/** The week named by its Monday (yyyy-mm-dd), e.g. from a job's data. */
export function weekByKey(key: string, timeZone: string): Week {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return weekOf(localMidnight(y, m, d, timeZone), timeZone);
}
