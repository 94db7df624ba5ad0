// The campaign engine's pure rules: the period, the reminder rhythm, completion order, typed selections.
import { describe, expect, it } from "vitest";
import {
  donePermille,
  parseSelection,
  pastClosing,
  periodProblem,
  reminderRound,
  snapshotOf,
  totals,
  worstFirst,
} from "../../../bot/features/campaigns/rules.ts";

const d = (s: string) => {
  const [year, month, day] = s.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

describe("period", () => {
  it("opens today or later, closes on or after opening, within a year", () => {
    expect(periodProblem(d("2026-11-18"), d("2026-12-31"), d("2026-11-18"))).toBeNull();
    expect(periodProblem(d("2026-11-18"), d("2026-11-18"), d("2026-11-18"))).toBeNull();
    expect(periodProblem(d("2026-11-17"), d("2026-12-31"), d("2026-11-18"))).toBe("opens-in-past");
    expect(periodProblem(d("2026-11-20"), d("2026-11-19"), d("2026-11-18"))).toBe("closes-before-opens");
    expect(periodProblem(d("2026-11-18"), d("2027-11-20"), d("2026-11-18"))).toBe("too-long");
  });
});

describe("reminder rhythm", () => {
  const opens = d("2026-11-18");
  const closes = d("2026-12-10");
  it("every N days from the opening day, through the closing day", () => {
    expect(reminderRound(opens, closes, 7, d("2026-11-18"))).toBeNull();
    expect(reminderRound(opens, closes, 7, d("2026-11-24"))).toBeNull();
    expect(reminderRound(opens, closes, 7, d("2026-11-25"))).toBe(1);
    expect(reminderRound(opens, closes, 7, d("2026-12-02"))).toBe(2);
    expect(reminderRound(opens, closes, 7, d("2026-12-09"))).toBe(3);
    expect(reminderRound(opens, closes, 3, d("2026-12-10"))).toBeNull();
    expect(reminderRound(opens, d("2026-12-09"), 3, d("2026-12-09"))).toBe(7);
    expect(reminderRound(opens, closes, 7, d("2026-12-16"))).toBeNull();
  });
  it("never without a rhythm, and across a month end by calendar days", () => {
    expect(reminderRound(opens, closes, 0, d("2026-11-25"))).toBeNull();
    expect(reminderRound(d("2027-01-30"), d("2027-03-31"), 3, d("2027-02-02"))).toBe(1);
  });
  it("closes the day after the closing day", () => {
    expect(pastClosing(closes, d("2026-12-10"))).toBe(false);
    expect(pastClosing(closes, d("2026-12-11"))).toBe(true);
  });
});

describe("completion", () => {
  const rows = [
    { orgId: 1, name: "A", total: 10, responded: 9, done: 8 },
    { orgId: 2, name: "B", total: 4, responded: 1, done: 1 },
    { orgId: 3, name: "C", total: 8, responded: 2, done: 2 },
    { orgId: 4, name: "D", total: 0, responded: 0, done: 0 },
    { orgId: 5, name: "E", total: 3, responded: 3, done: 3 },
  ];
  it("worst first: lowest share done, then most left to do, then id", () => {
    expect(worstFirst(rows).map((r) => r.name)).toEqual(["C", "B", "A", "D", "E"]);
    expect(donePermille(rows[0]!)).toBe(800);
    expect(donePermille({ total: 3, done: 2 })).toBe(666);
    expect(donePermille(rows[3]!)).toBe(1000);
  });
  it("totals and a snapshot keep the figures as they were", () => {
    expect(totals(rows)).toEqual({ total: 25, responded: 15, done: 14 });
    const snap = snapshotOf(rows, new Date("2026-12-11T01:30:00Z"));
    expect(snap.at).toBe("2026-12-11T01:30:00.000Z");
    expect(snap.rows[0]!.name).toBe("C");
  });
});

describe("typed selection", () => {
  it("numbers, lists, ranges and 全部", () => {
    expect(parseSelection("1 3 5", 5)).toEqual([1, 3, 5]);
    expect(parseSelection("3，1、3", 5)).toEqual([1, 3]);
    expect(parseSelection("2-4", 5)).toEqual([2, 3, 4]);
    expect(parseSelection("全部", 3)).toEqual([1, 2, 3]);
    expect(parseSelection("all", 2)).toEqual([1, 2]);
  });
  it("refuses out-of-range numbers and other words", () => {
    expect(parseSelection("6", 5)).toBeNull();
    expect(parseSelection("0", 5)).toBeNull();
    expect(parseSelection("张三", 5)).toBeNull();
    expect(parseSelection("", 5)).toBeNull();
    expect(parseSelection("4-2", 5)).toBeNull();
  });
});
