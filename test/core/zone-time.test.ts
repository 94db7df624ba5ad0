// A zone's wall clock from its kept offsets agrees with Intl's own reading at every minute checked, across the
// changes of daylight saving time (whole hours, half an hour on Lord Howe) and zones a quarter hour off the hour.
import { describe, expect, it } from "vitest";
import { wallClock, zoneOffsetMs } from "../../bot/core/zone-time.ts";

function intlClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

const MINUTE = 60_000;
const changes: [string, string][] = [
  ["America/New_York", "2026-03-08T07:00:00Z"],
  ["America/New_York", "2026-11-01T06:00:00Z"],
  ["Europe/London", "2026-03-29T01:00:00Z"],
  ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
  ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
  ["Asia/Kathmandu", "2026-12-31T18:15:00Z"],
  ["Asia/Shanghai", "2026-12-31T16:00:00Z"],
];

describe("zone time", () => {
  it.each(changes)("reads %s's clock minute by minute around %s as Intl does", (timeZone, iso) => {
    const at = Date.parse(iso);
    // Minutes in an odd step, so instants fall at every position within a quarter hour, before and after.
    for (let t = at - 3 * 60 * MINUTE; t <= at + 3 * 60 * MINUTE; t += 7 * MINUTE + 13_000) {
      expect(wallClock(t, timeZone), new Date(t).toISOString()).toEqual(intlClock(t, timeZone));
    }
  });

  it("gives the year's turn in Shanghai to the minute", () => {
    expect(zoneOffsetMs(new Date("2026-12-31T15:59:59Z"), "Asia/Shanghai")).toBe(8 * 60 * MINUTE);
    expect(wallClock(new Date("2026-12-31T15:59:59Z"), "Asia/Shanghai")).toMatchObject({ year: 2026, day: 31 });
    expect(wallClock(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
    });
  });
});
