// The pure parts: weeks in a time zone, worst-first order, rows, and the chart's PNG.
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../bot/core/i18n.ts";
import { barColour, CHART_HEIGHT, CHART_WIDTH, drawLeagueChart } from "../../../bot/features/reports/chart.ts";
import {
  durationOf,
  emptyFigures,
  formatDuration,
  formatPercent,
  formatRow,
  type LeagueRow,
  leagueTable,
  rankWorstFirst,
  responseRate,
} from "../../../bot/features/reports/rules.ts";
import { lastFullWeek, weekByKey, weekOf } from "../../../bot/features/reports/week.ts";

const row = (orgId: number, name: string, figures: Partial<LeagueRow>): LeagueRow => ({
  ...emptyFigures(),
  orgId,
  name,
  ...figures,
});

describe("report weeks", () => {
  it("run Monday 00:00 to Monday 00:00 in the configured zone", () => {
    // Sunday 2026-11-15 20:00 UTC is already Monday 04:00 in Shanghai: the next week.
    const week = weekOf(new Date("2026-11-15T20:00:00Z"), "Asia/Shanghai");
    expect(week.key).toBe("2026-11-16");
    expect(week.lastDay).toBe("2026-11-22");
    expect(week.start.toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(weekOf(new Date("2026-11-15T20:00:00Z"), "UTC").key).toBe("2026-11-09");
  });

  it("name the week just past on a Monday morning, also across a month and year end", () => {
    expect(lastFullWeek(new Date("2026-11-16T01:00:00Z"), "Asia/Shanghai").key).toBe("2026-11-09");
    // Monday 2027-01-04 09:00 Shanghai → the week of Monday 2026-12-28.
    const week = lastFullWeek(new Date("2027-01-04T01:00:00Z"), "Asia/Shanghai");
    expect([week.key, week.lastDay]).toEqual(["2026-12-28", "2027-01-03"]);
    expect(weekByKey("2026-12-28", "Asia/Shanghai")).toEqual(week);
  });

  it("stay 168 hours long across a daylight-saving change elsewhere", () => {
    const week = weekByKey("2026-03-23", "Europe/Berlin");
    expect(week.start.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("league order and rows", () => {
  it("puts the lowest response rate first, then the most breaches, and rows without requests last", () => {
    const rows = [
      row(1, "甲", { received: 4, withinSla: 4 }),
      row(2, "乙", { received: 4, withinSla: 2, breaches: 1 }),
      row(3, "丙", { received: 2, withinSla: 1, breaches: 3 }),
      row(4, "丁", { breaches: 1, escalations: 2 }),
      row(5, "戊", { received: 10, withinSla: 1 }),
    ];
    expect(rankWorstFirst(rows).map((r) => r.orgId)).toEqual([5, 3, 2, 1, 4]);
  });

  it("write rows in the reader's units, and count the quiet children and those beyond the limit", () => {
    const a = row(7, "电子与信息学院团总支", {
      received: 3,
      withinSla: 2,
      decided: 3,
      medianHours: 3,
      p90Hours: 64.6,
      breaches: 1,
      escalations: 2,
    });
    expect(formatRow(2, a, zh)).toBe("2. 电子与信息学院团总支 | 66.7% | 2/3 | 3 小时 | 64.6 小时 | 1 | 2");
    expect(formatRow(2, a, en)).toBe("2. 电子与信息学院团总支 | 66.7% | 2/3 | 3 hours | 64.6 hours | 1 | 2");
    expect(formatRow(1, row(8, "x", { breaches: 1 }), zh)).toBe("1. x | — | 0/0 | — | — | 1 | 0");
    const many = Array.from({ length: 5 }, (_, i) => row(10 + i, `b${i}`, { received: 1, withinSla: i % 2 }));
    const table = leagueTable([...many, row(20, "quiet", {})], [10, 11, 12, 13, 14, 20, 21], 3);
    expect(table.shown.map((r) => r.orgId)).toEqual([10, 12, 14]);
    expect(table).toMatchObject({ more: 2, quiet: 2 });
    expect(responseRate({ received: 0, withinSla: 0 })).toBeNull();
  });
});

const i18n = createI18n("zh-CN");
const zh = i18n.translator("zh-CN");
const en = i18n.translator("en");

describe("figures people read", () => {
  it("round percentages to one decimal on the exact fraction, whole ones without .0", () => {
    expect(formatPercent(200 / 216)).toBe("92.6%");
    expect(formatPercent(2 / 3)).toBe("66.7%");
    expect(formatPercent(1 / 8)).toBe("12.5%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.99996)).toBe("99.9%");
    expect(formatPercent(null)).toBe("—");
  });

  it("write response times in seconds, minutes or hours, never 0.0h", () => {
    expect(durationOf(20 / 3600)).toEqual({ unit: "seconds", n: 20 });
    expect(formatDuration(20 / 3600, zh)).toBe("20 秒");
    expect(formatDuration(1 / 3600, en)).toBe("1 second");
    expect(formatDuration(20 / 3600, en)).toBe("20 seconds");
    expect(formatDuration(59.4 / 3600, zh)).toBe("59 秒");
    expect(formatDuration(0.75, zh)).toBe("45 分钟");
    expect(formatDuration(1 / 60, en)).toBe("1 minute");
    expect(formatDuration(59.6 / 60, zh)).toBe("1 小时");
    expect(formatDuration(1, en)).toBe("1 hour");
    expect(formatDuration(7.54, zh)).toBe("7.5 小时");
    expect(formatDuration(80, en)).toBe("80 hours");
    expect(formatDuration(null, en)).toBe("—");
  });
});

describe("the chart", () => {
  const rows = [
    row(1, "a", { received: 2, withinSla: 0 }),
    row(2, "b", { received: 4, withinSla: 3 }),
    row(3, "c", { received: 5, withinSla: 5 }),
    row(4, "d", { breaches: 1 }),
  ];

  it("is a valid PNG of the expected size with a bar per row, coloured by rate", () => {
    const bytes = drawLeagueChart({ caption: "2026-11-09 ~ 2026-11-15", rows });
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const pixel = (x: number, y: number) => [
      ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
    ];
    // Four slots across the plot (x 64..700); sample each bar's centre just above the axis (y = 358).
    const slot = (CHART_WIDTH - 64 - 20) / 4;
    const centre = (i: number) => Math.round(64 + slot * i + slot / 2);
    expect(pixel(centre(0), 350)).toEqual([255, 255, 255]); // 0%: no bar
    expect(pixel(centre(1), 350)).toEqual([...barColour(0.75)]);
    expect(pixel(centre(2), 350)).toEqual([...barColour(1)]);
    // A 75% bar stops at three quarters of the plot's height (y 60..360), a 100% bar reaches the top.
    expect(pixel(centre(1), 360 - 0.75 * 300 + 3)).toEqual([...barColour(0.75)]);
    expect(pixel(centre(1), 360 - 0.75 * 300 - 3)).not.toEqual([...barColour(0.75)]);
    expect(pixel(centre(2), 62)).toEqual([...barColour(1)]);
    expect(pixel(centre(3), 350)).toEqual([255, 255, 255]); // nothing received: no bar
    // The bars are numbered below the axis: some ink under each slot.
    for (let i = 0; i < 4; i++) {
      const inked = Array.from({ length: 14 }, (_, dy) => pixel(centre(i), 368 + dy)).some((p) => p[0]! < 100);
      expect(inked, `number under bar ${i + 1}`).toBe(true);
    }
  });

  it("draws the same bytes for the same figures (stored once in media)", () => {
    const a = drawLeagueChart({ caption: "x", rows });
    const b = drawLeagueChart({ caption: "x", rows });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
