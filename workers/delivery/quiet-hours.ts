// When a non-urgent proactive message may go out: not during the night in the recipients' time zone.
// Pure: the clock and the zone come in as arguments.
import { dateFormat } from "../../bot/core/date-format.ts";

export interface QuietHours {
  /** "22:00": the first minute of quiet. */
  start: string;
  /** "08:00": the first minute messages may go again. Equal to `start` means no quiet hours. */
  end: string;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Wall-clock time of `instant` in `tz`, as minutes since midnight plus the milliseconds past that minute. */
function wallClock(instant: Date, tz: string): { minutes: number; msIntoMinute: number } {
  const parts = dateFormat("en-GB", {
    timeZone: tz,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get("hour") * 60 + get("minute"), msIntoMinute: instant.getTime() % MINUTE };
}

function inQuiet(minutes: number, start: number, end: number): boolean {
  // A window that crosses midnight (22:00–08:00) is the complement of a same-day one (08:00–22:00).
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** `now` itself when it is outside quiet hours, otherwise the instant quiet hours end. */
export function nextAllowedTime(now: Date, quiet: QuietHours, tz: string): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return now;
  const { minutes, msIntoMinute } = wallClock(now, tz);
  if (!inQuiet(minutes, start, end)) return now;
  const waitMinutes = (end - minutes + DAY_MINUTES) % DAY_MINUTES;
  const candidate = new Date(now.getTime() + waitMinutes * MINUTE - msIntoMinute);
  // A daylight-saving change inside the wait shifts the wall clock; correct once by the difference.
  // (Asia/Shanghai has none; zones without offset changes never take this branch.)
  const drift = wallClock(candidate, tz).minutes - end;
  if (drift === 0) return candidate;
  const wrapped = ((drift % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const shift = wrapped > DAY_MINUTES / 2 ? wrapped - DAY_MINUTES : wrapped;
  return new Date(candidate.getTime() - shift * MINUTE);
}
