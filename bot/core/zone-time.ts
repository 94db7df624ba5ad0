// The wall clock of a time zone at an instant. Intl's formatToParts is the only source of zone rules in Node, and
// at several microseconds a call it was the status view's largest cost but Prisma's: a status message asked it a
// dozen times (today, this month, the year's bounds). A zone's offset is kept per quarter hour, the finest step
// at which any zone's offset changes since 1972 (transitions fall on local whole hours; offsets are whole quarter
// hours); a quarter hour whose two ends disagree holds a change, and is worked out afresh on each call.
import { dateFormat } from "./date-format.ts";

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
/** Quarter hours kept per zone: a fortnight (a process asks about today and the odd date around it). */
const KEPT = 1_344;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const offsets = new Map<string, Map<number, number>>();

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at that instant (to the minute). */
export function zoneOffsetMs(at: Date | number, timeZone: string): number {
  const time = typeof at === "number" ? at : at.getTime();
  const quarter = Math.floor(time / QUARTER);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const kept = zone.get(quarter);
  if (kept !== undefined) return kept;
  const start = offsetAt(quarter * QUARTER, timeZone);
  if (start !== offsetAt((quarter + 1) * QUARTER - MINUTE, timeZone)) return offsetAt(time, timeZone);
  if (zone.size >= KEPT) zone.clear();
  zone.set(quarter, start);
  return start;
}

/** The date and time a clock in `timeZone` shows at that instant. */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const time = typeof at === "number" ? at : at.getTime();
  const local = new Date(time + zoneOffsetMs(time, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** The instant a wall-clock time in `timeZone` stands for (day, hour and minute may overflow into the next). */
export function zonedInstant(
  y: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(y, month - 1, day, hour, minute);
  let at = wall - zoneOffsetMs(wall, timeZone);
  // Near a DST change the first guess may sit on the other side of it.
  const again = wall - zoneOffsetMs(at, timeZone);
  if (again !== at) at = again;
  return new Date(at);
}

function offsetAt(time: number, timeZone: string): number {
  const parts = dateFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(time);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return wall - Math.floor(time / MINUTE) * MINUTE;
}
