// Graduate season, pure: reading a typed date, which season a day belongs to, and which reminder is due.
// Days are "yyyy-mm-dd" strings of the calendar in the configured zone (Organisation.graduatesOn is a date).

/** Days before the start deadline on which graduates who have not started a transfer are reminded. */
export const START_REMINDER_DAYS = [14, 3] as const;
/** Days before the completion deadline on which graduates whose transfer is not completed are reminded. */
export const COMPLETE_REMINDER_DAYS = [14] as const;

export type Day = string;
export type Deadline = "start" | "complete";

export interface Season {
  /** The year whose graduates the season is about. */
  year: number;
  /** First day: the day after the previous season's completion deadline. */
  from: Day;
  startDeadline: Day;
  completeDeadline: Day;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const dayOf = (y: number, m: number, d: number): Day => `${y}-${pad(m)}-${pad(d)}`;

/** The calendar day of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): Day {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export const dayToDate = (day: Day): Date => new Date(`${day}T00:00:00Z`);
export const dateToDay = (date: Date): Day => date.toISOString().slice(0, 10);
export const addDays = (day: Day, n: number): Day => dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
export const daysBetween = (from: Day, to: Day): number =>
  Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS);

function validDay(y: number, m: number, d: number): Day | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const day = dayOf(y, m, d);
  return dateToDay(dayToDate(day)) === day ? day : null;
}

/** "06-30" (a config setting) → month and day; null when it is not a day every year has. */
export function parseMonthDay(value: string): { month: number; day: number } | null {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return validDay(2023, month, day) ? { month, day } : null;
}

/**
 * A graduation date as typed: 2027-06-30, 2027/6/30, 2027.6.30 or 2027年6月30日; without a year (6月30日, 6-30)
 * the year of the season `today` belongs to. Null for anything else, an impossible day, or a year outside
 * last year … five years on.
 */
export function parseGraduationDate(text: string, today: Day, deadlines: SeasonDeadlines): Day | null {
  const s = text.trim().replace(/\s+/g, "").normalize("NFKC");
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const short = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const [y, m, d] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : short
      ? [seasonOf(today, deadlines).year, Number(short[1]), Number(short[2])]
      : [0, 0, 0];
  const thisYear = Number(today.slice(0, 4));
  if (y < thisYear - 1 || y > thisYear + 5) return null;
  return validDay(y, m, d);
}

export interface SeasonDeadlines {
  /** "06-30" */
  start: string;
  /** "11-30" */
  complete: string;
}

/** The season a day belongs to: this year's until its completion deadline has passed, then next year's. */
export function seasonOf(today: Day, deadlines: SeasonDeadlines): Season {
  const start = parseMonthDay(deadlines.start)!;
  const complete = parseMonthDay(deadlines.complete)!;
  const y = Number(today.slice(0, 4));
  const completeThisYear = dayOf(y, complete.month, complete.day);
  const year = today <= completeThisYear ? y : y + 1;
  return {
    year,
    from: addDays(dayOf(year - 1, complete.month, complete.day), 1),
    startDeadline: dayOf(year, start.month, start.day),
    completeDeadline: dayOf(year, complete.month, complete.day),
  };
}

export interface DueReminder {
  deadline: Deadline;
  /** The reminder's nominal lead (14, 3 …): part of its dedupe key, so each is sent once. */
  lead: number;
  deadlineDay: Day;
  /** Days left on `today`. */
  daysLeft: number;
}

/**
 * The reminders due on `today`: for each deadline, the one with the shortest lead whose day has come and whose
 * deadline has not passed. A day the job did not run is caught up the next day; the dedupe keys keep a re-run
 * from sending anything twice, and a reminder overtaken by a later one is not sent at all.
 */
export function dueReminders(today: Day, season: Season): DueReminder[] {
  const due: DueReminder[] = [];
  const pick = (deadline: Deadline, deadlineDay: Day, leads: readonly number[]) => {
    const daysLeft = daysBetween(today, deadlineDay);
    if (daysLeft < 0) return;
    const lead = [...leads].sort((a, b) => a - b).find((l) => daysLeft <= l);
    if (lead !== undefined) due.push({ deadline, lead, deadlineDay, daysLeft });
  };
  pick("start", season.startDeadline, START_REMINDER_DAYS);
  pick("complete", season.completeDeadline, COMPLETE_REMINDER_DAYS);
  return due;
}

export const reminderDedupeKey = (season: Season, r: DueReminder, memberId: number) =>
  `graduates:${season.year}:${r.deadline}-${r.lead}:member:${memberId}`;
