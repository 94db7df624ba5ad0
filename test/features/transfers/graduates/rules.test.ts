import { describe, expect, it } from "vitest";
import {
  dayIn,
  dueReminders,
  parseGraduationDate,
  seasonOf,
} from "../../../../bot/features/transfers/graduates/rules.ts";

const deadlines = { start: "06-30", complete: "11-30" };

describe("graduate season rules", () => {
  it("a season runs from the day after last year's completion deadline to this year's", () => {
    expect(seasonOf("2027-03-01", deadlines)).toEqual({
      year: 2027,
      from: "2026-12-01",
      startDeadline: "2027-06-30",
      completeDeadline: "2027-11-30",
    });
    expect(seasonOf("2027-11-30", deadlines).year).toBe(2027);
    expect(seasonOf("2027-12-01", deadlines).year).toBe(2028);
  });

  it("reads the usual ways of writing a date, and nothing else", () => {
    const today = "2027-03-01";
    for (const typed of [
      "2027-06-30",
      "2027/6/30",
      "2027.6.30",
      "2027年6月30日",
      " 2027 年 6 月 30 日 ",
      "6月30日",
      "06-30",
    ]) {
      expect(parseGraduationDate(typed, today, deadlines)).toBe("2027-06-30");
    }
    expect(parseGraduationDate("6月30日", "2027-12-15", deadlines)).toBe("2028-06-30");
    for (const bad of ["2027-02-29", "2027-13-01", "30/6/2027", "明年", "", "2020-06-30", "2040-06-30"]) {
      expect(parseGraduationDate(bad, today, deadlines)).toBeNull();
    }
    expect(parseGraduationDate("2028-02-29", today, deadlines)).toBe("2028-02-29");
  });

  it("due reminders: the shortest lead whose day has come, none after the deadline", () => {
    const season = seasonOf("2027-06-01", deadlines);
    expect(dueReminders("2027-06-15", season)).toEqual([]);
    expect(dueReminders("2027-06-16", season)).toEqual([
      { deadline: "start", lead: 14, deadlineDay: "2027-06-30", daysLeft: 14 },
    ]);
    // A missed day is caught up the next.
    expect(dueReminders("2027-06-18", season)[0]).toMatchObject({ lead: 14, daysLeft: 12 });
    expect(dueReminders("2027-06-27", season)[0]).toMatchObject({ lead: 3, daysLeft: 3 });
    expect(dueReminders("2027-06-30", season)[0]).toMatchObject({ lead: 3, daysLeft: 0 });
    expect(dueReminders("2027-07-01", season)).toEqual([]);
    expect(dueReminders("2027-11-16", season)).toEqual([
      { deadline: "complete", lead: 14, deadlineDay: "2027-11-30", daysLeft: 14 },
    ]);
  });

  it("days are the configured zone's calendar days", () => {
    const lateEvening = new Date("2027-06-15T17:00:00Z"); // 01:00 on the 16th in Shanghai
    expect(dayIn(lateEvening, "Asia/Shanghai")).toBe("2027-06-16");
    expect(dayIn(lateEvening, "UTC")).toBe("2027-06-15");
  });
});
