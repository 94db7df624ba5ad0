// Volunteer hours as people type them, as they are shown, and a leader's one-line entry.
import { describe, expect, it } from "vitest";
import { durationHours, formatHours, parseEntry, parseHours, yearOf } from "../../../bot/features/volunteer/rules.ts";

describe("reading hours", () => {
  it("reads digits, decimals, units and spoken Chinese as minutes", () => {
    const cases: [string, number][] = [
      ["2", 120],
      ["1.5", 90],
      ["２", 120],
      ["2小时", 120],
      ["2 小时", 120],
      ["1.5h", 90],
      ["3 hours", 180],
      ["0.5 hour", 30],
      ["90分钟", 90],
      ["两个小时", 120],
      ["两个半小时", 150],
      ["半小时", 30],
      ["十二小时", 720],
      ["二十四小时", 1440],
      ["24", 1440],
      ["0", 0],
      ["不计", 0],
    ];
    for (const [text, minutes] of cases) expect(parseHours(text), text).toBe(minutes);
  });

  it("refuses what is not in half-hour steps, over a day, or not hours at all", () => {
    for (const text of ["1.25", "24.5", "25", "45分钟", "三天", "abc", "", "-1", "2天", "十十小时", "1e2"]) {
      expect(parseHours(text), text).toBeNull();
    }
  });

  it("shows hours as a plain number", () => {
    expect(formatHours(0)).toBe("0");
    expect(formatHours(120)).toBe("2");
    expect(formatHours(150)).toBe("2.5");
    expect(formatHours(30)).toBe("0.5");
    expect(formatHours(1470)).toBe("24.5");
  });

  it("offers an activity's length, in half-hour steps rounded down, at most a day", () => {
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 21, h, m));
    expect(durationHours(at(1), at(3, 30))).toBe(150);
    expect(durationHours(at(1), at(2, 50))).toBe(90);
    expect(durationHours(at(1), at(1, 20))).toBe(0);
    expect(durationHours(at(0), new Date(at(0).getTime() + 30 * 3600_000))).toBe(1440);
  });

  it("counts a year in the configured time zone: New Year's Eve at 17:00 UTC is already next year in Shanghai", () => {
    const eve = new Date("2026-12-31T17:00:00Z");
    expect(yearOf(eve, "Asia/Shanghai").year).toBe(2027);
    expect(yearOf(eve, "UTC").year).toBe(2026);
    const { from, to } = yearOf(new Date("2027-03-01T00:00:00Z"), "Asia/Shanghai");
    expect(from.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(to.toISOString()).toBe("2027-12-31T16:00:00.000Z");
  });
});

describe("a leader's one-line entry", () => {
  it("takes 编号, hours and the rest of the line as the reason", () => {
    expect(parseEntry("201901000001 2 社区敬老院服务")).toEqual({
      ok: true,
      entry: { code: "201901000001", minutes: 120, reason: "社区敬老院服务" },
    });
    expect(parseEntry("201901000001，1.5小时，图书馆 整理书架")).toEqual({
      ok: true,
      entry: { code: "201901000001", minutes: 90, reason: "图书馆 整理书架" },
    });
  });

  it("says which part is wrong", () => {
    expect(parseEntry("20190100001 2 服务")).toEqual({ ok: false, problem: "code" });
    expect(parseEntry("201901000001 0 服务")).toEqual({ ok: false, problem: "hours" });
    expect(parseEntry("201901000001 30 服务")).toEqual({ ok: false, problem: "hours" });
    expect(parseEntry("201901000001 2")).toEqual({ ok: false, problem: "reason" });
    expect(parseEntry("201901000001 2 好")).toEqual({ ok: false, problem: "reason" });
    expect(parseEntry(`201901000001 2 ${"很".repeat(101)}`)).toEqual({ ok: false, problem: "reason" });
    expect(parseEntry("李明")).toEqual({ ok: false, problem: "format" });
  });
});
