// Report weeks: Monday 00:00 to the next Monday 00:00 in the configured time zone, as UTC instants. Pure.

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

/** The calendar date and weekday (0 = Sunday) of an instant in a time zone. */
function localDate(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return { y: Number(get("year")), m: Number(get("month")), d: Number(get("day")), weekday };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of local midnight starting a calendar date (y, m 1-based, d may overflow). */
export function localMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d);
  // Twice, so a zone whose offset differs on either side of the guess (a DST change) still lands right.
  let at = new Date(wall - offsetMs(new Date(wall), timeZone));
  at = new Date(wall - offsetMs(at, timeZone));
  return at;
}

const isoDay = (utcDate: Date) => utcDate.toISOString().slice(0, 10);

/** The week that contains an instant. */
export function weekOf(at: Date, timeZone: string): Week {
  const { y, m, d, weekday } = localDate(at, timeZone);
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
