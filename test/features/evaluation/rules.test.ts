import { describe, expect, it } from "vitest";
import {
  checkSelfText,
  excellentLeft,
  excellentQuota,
  type Grade,
  gradeCounts,
  parseGrade,
  parseResultLines,
  quotaRefusal,
  SELF_TEXT_MAX_CHARS,
} from "../../../bot/features/evaluation/rules.ts";

describe("团员教育评议: the 优秀 quota (a share of the branch's evaluated members, rounded down)", () => {
  it.each([
    // evaluated, percent, places
    [10, 30, 3],
    [20, 30, 6],
    [9, 30, 2], // 2.7 → 2: "within 30%"
    [3, 30, 0], // a branch of three has no 优秀 place at 30%
    [7, 20, 1],
    [0, 30, 0],
    [10, 100, 10],
  ])("%i evaluated at %i%% → %i 优秀", (evaluated, percent, places) => {
    expect(excellentQuota(evaluated, percent)).toBe(places);
  });

  it("refuses a batch that would exceed the quota and says how many are left for it", () => {
    const current = new Map<number, Grade>([
      [1, "excellent"],
      [2, "excellent"],
      [3, "qualified"],
    ]);
    // 10 evaluated at 30% = 3 places; two stand, so one is left.
    expect(quotaRefusal(current, new Map([[4, "excellent"]]), 10, 30)).toBeNull();
    expect(
      quotaRefusal(
        current,
        new Map<number, Grade>([
          [4, "excellent"],
          [5, "excellent"],
        ]),
        10,
        30,
      ),
    ).toEqual({ quota: 3, left: 1, asked: 2 });
  });

  it("frees a place when the batch changes someone from 优秀 to another grade", () => {
    const current = new Map<number, Grade>([
      [1, "excellent"],
      [2, "excellent"],
      [3, "excellent"],
    ]);
    const batch = new Map<number, Grade>([
      [1, "qualified"],
      [4, "excellent"],
    ]);
    expect(quotaRefusal(current, batch, 10, 30)).toBeNull();
    // Re-recording the same 优秀 is not a second place.
    expect(quotaRefusal(current, new Map([[2, "excellent"]]), 10, 30)).toBeNull();
    expect(excellentLeft(current, 10, 30)).toBe(0);
  });

  it("counts grades and those still pending over the audience", () => {
    const results = new Map<number, Grade>([
      [1, "excellent"],
      [2, "basic"],
      [9, "qualified"], // not in this audience: not counted
    ]);
    expect(gradeCounts([1, 2, 3, 4], results)).toEqual({
      excellent: 1,
      qualified: 0,
      basic: 1,
      unqualified: 0,
      pending: 2,
    });
  });
});

describe("团员教育评议: a self-assessment", () => {
  it("keeps a short text trimmed and refuses one too short or too long, counting characters as people do", () => {
    expect(checkSelfText("  按时参加组织生活，完成志愿服务 20 小时。 ")).toEqual({
      text: "按时参加组织生活，完成志愿服务 20 小时。",
    });
    expect(checkSelfText("好")).toEqual({ problem: "too-short", chars: 1 });
    expect(checkSelfText("学".repeat(SELF_TEXT_MAX_CHARS))).toHaveProperty("text");
    expect(checkSelfText("学".repeat(SELF_TEXT_MAX_CHARS + 1))).toEqual({
      problem: "too-long",
      chars: SELF_TEXT_MAX_CHARS + 1,
    });
  });

  it.each([
    ["优秀", "excellent"],
    ["优", "excellent"],
    [" 合格。", "qualified"],
    ["基本合格", "basic"],
    ["不合格", "unqualified"],
    ["Excellent", "excellent"],
    ["basically qualified", "basic"],
    ["很好", null],
  ])("reads the grade %s", (typed, grade) => {
    expect(parseGrade(typed)).toBe(grade);
  });
});

describe("团员教育评议: results typed in bulk", () => {
  it("reads one member per line or per comma, the longest grade word winning", () => {
    expect(parseResultLines("张三 优秀，李四合格\n王五：基本合格；赵六 不合格、钱七=合格")).toEqual({
      lines: [
        { who: "张三", grade: "excellent" },
        { who: "李四", grade: "qualified" },
        { who: "王五", grade: "basic" },
        { who: "赵六", grade: "unqualified" },
        { who: "钱七", grade: "qualified" },
      ],
      unread: [],
    });
  });

  it("names what it cannot read instead of guessing", () => {
    expect(parseResultLines("张三 优秀, 李四 很好, 优秀")).toEqual({
      lines: [{ who: "张三", grade: "excellent" }],
      unread: ["李四 很好", "优秀"],
    });
  });
});
