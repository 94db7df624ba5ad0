// The leaders' pure rules: cash lines, the year's window, rates worst first, CSV cells for Excel.
import { describe, expect, it } from "vitest";
import {
  collectionRate,
  csvCell,
  csvDigits,
  parseCashLines,
  toCsv,
  worstFirst,
  yearWindow,
} from "../../../../bot/features/dues/leaders/rules.ts";
import { arrearsLevel } from "../../../../bot/features/dues/owed.ts";
import { reminderCron, shouldRemind } from "../../../../bot/features/dues/reminders/rules.ts";

describe("cash lines", () => {
  it("reads codes and months with any common separator and a 个月 suffix, skipping blank lines", () => {
    const { lines, errors } = parseCashLines("202001000005 4\n\n202101000006，7个月\n201901000001\t2月\n");
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.line, l.code, l.months])).toEqual([
      [1, "202001000005", 4],
      [3, "202101000006", 7],
      [4, "201901000001", 2],
    ]);
  });

  it("names each bad line and why", () => {
    const { errors } = parseCashLines("2020 4\n202001000005 x\n202001000005 2\n202001000005 3\none two three");
    expect(errors.map((e) => [e.line, e.problem.reason])).toEqual([
      [1, "bad-code"],
      [2, "bad-months"],
      [4, "duplicate"],
      [5, "bad-format"],
    ]);
    expect(errors[2]!.problem).toEqual({ reason: "duplicate", first: 3 });
  });
});

describe("collection", () => {
  it("counts this year's months from January, or from joining", () => {
    expect(yearWindow(201905, 202611)).toEqual({ from: 202601, due: 11 });
    expect(yearWindow(202603, 202611)).toEqual({ from: 202603, due: 9 });
    expect(yearWindow(202612, 202611).due).toBe(0);
  });

  it("shows a rate with one decimal, rounded down, and none when nothing was due", () => {
    expect(collectionRate(8, 11)).toBe("72.7%");
    // Rounded, not cut: 200/216 = 92.59…% reads 92.6%, 2/3 reads 66.7%; one month short of 10 000 is not 100%.
    expect(collectionRate(200, 216)).toBe("92.6%");
    expect(collectionRate(2, 3)).toBe("66.7%");
    expect(collectionRate(9999, 10000)).toBe("99.9%");
    expect(collectionRate(11, 11)).toBe("100.0%");
    expect(collectionRate(0, 0)).toBeNull();
  });

  it("puts the lowest rate first, then the most members owing", () => {
    const rows = [
      { name: "甲", paid: 9, due: 10, owing3: 0 },
      { name: "乙", paid: 1, due: 2, owing3: 1 },
      { name: "丙", paid: 0, due: 0, owing3: 0 },
      { name: "丁", paid: 5, due: 10, owing3: 3 },
    ];
    expect(worstFirst(rows).map((r) => r.name)).toEqual(["丁", "乙", "甲", "丙"]);
  });
});

describe("CSV for Excel", () => {
  it("quotes what needs quoting, defuses formulas, keeps long codes as text, and starts with a BOM", () => {
    expect(csvCell('张,"伟"')).toBe('"张,""伟"""');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvDigits("202001000005")).toBe('="202001000005"');
    const bytes = toCsv([
      ["编号", "姓名"],
      ["1", "刘洋"],
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("编号,姓名\r\n1,刘洋\r\n");
  });
});

describe("reminder rules", () => {
  it("reminds at most once a week", () => {
    const now = new Date("2026-11-05T02:00:00Z");
    expect(shouldRemind(2, null, now)).toBe(true);
    expect(shouldRemind(2, new Date("2026-10-30T02:00:00Z"), now)).toBe(false);
    expect(shouldRemind(2, new Date("2026-10-29T02:00:00Z"), now)).toBe(true);
    expect(shouldRemind(0, null, now)).toBe(false);
  });

  it("tells the 团支书 at 3 months and flags 脱团 risk at 6", () => {
    expect([2, 3, 5, 6, 9].map(arrearsLevel)).toEqual(["none", "warn", "warn", "risk", "risk"]);
    expect(reminderCron(5, 10)).toBe("0 10 5 * *");
  });
});
