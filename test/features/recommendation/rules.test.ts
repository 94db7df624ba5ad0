import { describe, expect, it } from "vitest";
import {
  candidateProblems,
  meetingOutcomes,
  parseAttendance,
  parseVotes,
  quorumMissed,
  recordProblem,
} from "../../../bot/features/recommendation/rules.ts";

const today = { year: 2026, month: 11, day: 18 };

describe("推优入党: who may be a candidate", () => {
  it("needs 18 full years on the day (the birthday counts) and this year's 团籍注册", () => {
    const base = { today, registeredThisYear: true, activeInBranch: true };
    expect(candidateProblems({ ...base, birth: { year: 2008, month: 11, day: 18 } })).toEqual([]);
    expect(candidateProblems({ ...base, birth: { year: 2008, month: 11, day: 19 } })).toEqual(["under-18"]);
    expect(candidateProblems({ ...base, birth: { year: 2009, month: 1, day: 1 }, registeredThisYear: false })).toEqual([
      "under-18",
      "not-registered",
    ]);
    expect(candidateProblems({ ...base, birth: { year: 2000, month: 1, day: 1 }, registeredThisYear: false })).toEqual([
      "not-registered",
    ]);
    expect(candidateProblems({ ...base, birth: { year: 2000, month: 1, day: 1 }, activeInBranch: false })).toEqual([
      "not-member",
    ]);
  });
});

describe("推优入党: the branch meeting (the rule shared with 入团)", () => {
  it("passes a candidate with more than half of those due present and in favour, each candidate apart", () => {
    const votes = new Map([
      [1, 11],
      [2, 10],
    ]);
    expect(recordProblem({ due: 20, present: 15, votes })).toBeNull();
    expect(meetingOutcomes({ due: 20, present: 15, votes })).toEqual([
      { memberId: 1, votesFor: 11, passed: true },
      { memberId: 2, votesFor: 10, passed: false }, // half of those due is not more than half
    ]);
  });

  it("fails everyone when attendance does not exceed half of those due", () => {
    expect(quorumMissed(20, 10)).toBe(true);
    expect(quorumMissed(20, 11)).toBe(false);
    expect(meetingOutcomes({ due: 20, present: 10, votes: new Map([[1, 10]]) })).toEqual([
      { memberId: 1, votesFor: 10, passed: false },
    ]);
  });

  it("names a record that cannot be true", () => {
    expect(recordProblem({ due: 20, present: 15, votes: new Map([[3, 16]]) })).toEqual({
      problem: "votes-over-present",
      memberId: 3,
    });
    expect(recordProblem({ due: 20, present: 21, votes: new Map([[3, 1]]) })).toEqual({
      problem: "present-over-due",
      memberId: 3,
    });
    expect(recordProblem({ due: 20, present: 15, votes: new Map() })).toEqual({ problem: "no-candidates" });
  });

  it.each([
    ["应到20 实到15", { due: 20, present: 15 }],
    ["应到 二十人，实到十五人", { due: 20, present: 15 }],
    ["实到15，应到20", { due: 20, present: 15 }],
    ["应到：２０ 实到：１５", { due: 20, present: 15 }],
    ["20 15", { due: 20, present: 15 }],
    ["20人，15人", { due: 20, present: 15 }],
    ["due 20 present 15", { due: 20, present: 15 }],
    ["二十个人来了不少", null],
    ["20", null],
  ])("reads attendance typed as %s", (typed, expected) => {
    expect(parseAttendance(typed)).toEqual(expected);
  });

  it.each([
    ["12", 12],
    ["12票", 12],
    ["十二票", 12],
    ["赞成 12", 12],
    ["12 votes", 12],
    ["很多", null],
  ])("reads votes typed as %s", (typed, expected) => {
    expect(parseVotes(typed)).toBe(expected);
  });
});

describe("推优入党: the figure a leader is told", () => {
  it("names the fewest that are more than half of those due", async () => {
    const { neededToPass } = await import("../../../bot/features/recommendation/rules.ts");
    expect([neededToPass(20), neededToPass(21), neededToPass(1)]).toEqual([11, 11, 1]);
  });
});
