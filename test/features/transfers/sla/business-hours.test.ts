// Business-hour arithmetic on the 2026 calendar as seeded: weekends, 国庆, 调休 Saturdays and Sundays.
import { describe, expect, it } from "vitest";
import {
  addBusinessHours,
  elapsedBusinessHours,
  isWorkingDate,
} from "../../../../bot/features/transfers/sla/business-hours.ts";
import { holidays2026, workCalendarRows } from "../../../../prisma/seed/work-calendar.ts";

const calendar = new Map(workCalendarRows(holidays2026).map((r) => [r.date.toISOString().slice(0, 10), r.working]));
const none = new Map<string, boolean>();
/** Wall-clock time in China. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe("the 2026 work calendar", () => {
  it("makes every 调休 working day a weekend day and every holiday a day off", () => {
    const rows = workCalendarRows(holidays2026);
    const workdays = rows.filter((r) => r.working);
    expect(workdays.map((r) => r.date.toISOString().slice(0, 10))).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    for (const r of workdays) expect([0, 6]).toContain(r.date.getUTCDay());
    expect(rows.filter((r) => !r.working && r.note === "国庆节")).toHaveLength(7);
    expect(isWorkingDate("2026-10-08", calendar)).toBe(true);
    expect(isWorkingDate("2026-10-07", calendar)).toBe(false);
    expect(isWorkingDate("2026-10-10", calendar)).toBe(true);
    expect(isWorkingDate("2026-10-11", calendar)).toBe(false);
    expect(isWorkingDate("2026-02-23", calendar)).toBe(false);
  });
});

describe("addBusinessHours (09:00–18:00 China time)", () => {
  it("counts 72 hours as eight working days on an ordinary week", () => {
    expect(addBusinessHours(cst("2026-11-23T10:00"), 72, calendar)).toEqual(cst("2026-12-03T10:00"));
  });

  it("starts a weekend or night start at the next opening and ends a full day at closing time", () => {
    expect(addBusinessHours(cst("2026-11-28T15:00"), 9, calendar)).toEqual(cst("2026-11-30T18:00"));
    expect(addBusinessHours(cst("2026-11-23T23:30"), 1, calendar)).toEqual(cst("2026-11-24T10:00"));
    expect(addBusinessHours(cst("2026-11-24T07:00"), 0.5, calendar)).toEqual(cst("2026-11-24T09:30"));
  });

  it("skips the 国庆 holiday and works the 调休 Sunday and Saturday", () => {
    expect(addBusinessHours(cst("2026-09-30T17:00"), 2, calendar)).toEqual(cst("2026-10-08T10:00"));
    // Without the calendar 1 October would be an ordinary Thursday.
    expect(addBusinessHours(cst("2026-09-30T17:00"), 2, none)).toEqual(cst("2026-10-01T10:00"));
    expect(addBusinessHours(cst("2026-09-18T17:00"), 2, calendar)).toEqual(cst("2026-09-20T10:00"));
    expect(addBusinessHours(cst("2026-10-09T17:00"), 2, calendar)).toEqual(cst("2026-10-10T10:00"));
  });

  it("crosses the nine-day 春节 break", () => {
    // Friday 13 Feb → 调休 Saturday 14 Feb → holiday 15–23 Feb → Tuesday 24 Feb.
    expect(addBusinessHours(cst("2026-02-13T17:00"), 10, calendar)).toEqual(cst("2026-02-14T18:00"));
    expect(addBusinessHours(cst("2026-02-13T17:00"), 11, calendar)).toEqual(cst("2026-02-24T10:00"));
  });

  it("is instant arithmetic: the UTC input and output need no time-zone setting", () => {
    expect(addBusinessHours(new Date("2026-11-23T01:00:00Z"), 1, calendar).toISOString()).toBe(
      "2026-11-23T02:00:00.000Z",
    );
  });

  it("refuses negative hours", () => {
    expect(() => addBusinessHours(cst("2026-11-23T10:00"), -1, calendar)).toThrow(RangeError);
  });
});

describe("elapsedBusinessHours", () => {
  it("counts only working hours of working days", () => {
    expect(elapsedBusinessHours(cst("2026-09-30T09:00"), cst("2026-10-08T12:00"), calendar)).toBe(12);
    expect(elapsedBusinessHours(cst("2026-11-27T17:00"), cst("2026-11-30T10:00"), calendar)).toBe(2);
    expect(elapsedBusinessHours(cst("2026-10-09T17:00"), cst("2026-10-12T10:00"), calendar)).toBe(11);
    expect(elapsedBusinessHours(cst("2026-10-02T09:00"), cst("2026-10-03T18:00"), calendar)).toBe(0);
    expect(elapsedBusinessHours(cst("2026-11-24T10:00"), cst("2026-11-23T10:00"), calendar)).toBe(0);
  });

  it("is the inverse of addBusinessHours from any start inside working hours", () => {
    const starts = ["2026-09-30T09:00", "2026-02-13T11:15", "2026-04-30T17:59", "2026-12-31T09:00", "2026-06-18T13:00"];
    for (const start of starts) {
      for (const hours of [1, 8.5, 24, 72, 200]) {
        const end = addBusinessHours(cst(start), hours, calendar);
        expect(elapsedBusinessHours(cst(start), end, calendar)).toBeCloseTo(hours, 9);
      }
    }
  });
});
