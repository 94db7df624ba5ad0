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

const isoDay = (utcDate: Date) => utcDate.toISOString().slice(0, 10);

/** The week that contains an instant. */
export function weekOf(at: Date, timeZone: string): Week {
  const { year: y, month: m, day: d } = wallClock(at, timeZone);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const mondayD = d - ((weekday + 6) % 7);
  const monday = new Date(Date.UTC(y, m - 1, mondayD));
  return {
    start: zonedInstant(y, m, mondayD, 0, 0, timeZone),
    end: zonedInstant(y, m, mondayD + 7, 0, 0, timeZone),
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
  return weekOf(zonedInstant(y, m, d, 0, 0, timeZone), timeZone);
}
