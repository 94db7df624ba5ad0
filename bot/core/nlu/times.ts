// Times as people say them in a chat — 下周三晚上7点, 今天 20:40-22:00, 明天下午, "next Wednesday 7pm" — read with
// chrono-node (its Simplified Chinese and English parsers), in the configured time zone, never in the past.
import * as chrono from "chrono-node";

/** Minutes east of UTC of `timeZone` at `at` (Asia/Shanghai → 480). */
function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A start and, if said, an end; null when no time can be read in the text. */
export function parseSpokenTime(text: string, now: Date, timeZone: string): { start: Date; end: Date | null } | null {
  const reference = { instant: now, timezone: offsetMinutes(now, timeZone) };
  const han = /\p{Script=Han}/u.test(text);
  const [result] = (han ? chrono.zh.hans : chrono.en).parse(text, reference, { forwardDate: true });
  if (!result) return null;
  // A date needs a time of day too: "明天" alone is not a time for an activity ("明天下午" is, 15:00).
  if (!result.start.isCertain("hour") && !/上午|中午|下午|晚上|早上|傍晚|morning|afternoon|evening|night/i.test(text)) {
    return null;
  }
  let start = result.start.date();
  let end = result.end?.date() ?? null;
  // Chinese weeks start on Monday: said on a Sunday, 下周三 is in three days, not ten (chrono counts from Sunday).
  if (han && /下(?:周|星期|礼拜)[一二三四五六]/.test(text) && weekdayIn(now, timeZone) === 0) {
    start = new Date(start.getTime() - WEEK_MS);
    if (end) end = new Date(end.getTime() - WEEK_MS);
  }
  return { start, end };
}

function weekdayIn(at: Date, timeZone: string): number {
  const day = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(at);
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(day);
}
