// Which rows a token of one organisation may import: its subtree, new organisations hanging below it, and members
// of it not already kept elsewhere.
import { describe, expect, it } from "vitest";
import { maskIdNumbers } from "../../../bot/features/import/report.ts";
import { memberScopeProblems, OUT_OF_SCOPE, orgScopeProblems } from "../../../bot/features/import/scope.ts";
import type { MemberRecord, OrgRecord } from "../../../bot/features/import/validate.ts";

// 1 root ─ 2 city ─ 3 school (the token's) ─ 4 college;  2 ─ 5 other school
const existing = new Map([
  ["ROOT", { ancestorIds: [1] }],
  ["CITY", { ancestorIds: [1, 2] }],
  ["SCHOOL", { ancestorIds: [1, 2, 3] }],
  ["COLLEGE", { ancestorIds: [1, 2, 3, 4] }],
  ["OTHER", { ancestorIds: [1, 2, 5] }],
]);
const SCOPE = 3;
const columns = { code: "组织编码", parent: "上级组织编码" };

const org = (line: number, code: string, parentCode: string | null): OrgRecord => ({
  line,
  code,
  parentCode,
  name: code,
  shortName: null,
  level: "BRANCH",
  kind: "SCHOOL",
});

describe("organisation rows in scope", () => {
  it("accepts the subtree, the token's own organisation, and new ones below it through parents in the file", () => {
    const rows = [
      org(2, "GRANDCHILD", "NEW-CHILD"), // its parent comes later in the file
      org(3, "NEW-CHILD", "COLLEGE"),
      org(4, "SCHOOL", "CITY"),
      org(5, "COLLEGE", "SCHOOL"),
    ];
    expect(orgScopeProblems(rows, existing, SCOPE, columns)).toEqual([]);
  });

  it("refuses new roots, rows under other organisations, and existing ones outside, naming the column", () => {
    const rows = [
      org(2, "UNDER-OTHER", "OTHER"),
      org(3, "UNDER-THAT", "UNDER-OTHER"),
      org(4, "NEW-ROOT", null),
      org(5, "OTHER", "CITY"),
      org(6, "CITY", "ROOT"),
    ];
    expect(orgScopeProblems(rows, existing, SCOPE, columns)).toEqual([
      { line: 2, column: "上级组织编码", reason: OUT_OF_SCOPE, value: "OTHER" },
      { line: 3, column: "上级组织编码", reason: OUT_OF_SCOPE, value: "UNDER-OTHER" },
      { line: 4, column: "上级组织编码", reason: OUT_OF_SCOPE, value: "" },
      // Existing ones under a parent out of reach: refused for the parent, as a new one would be.
      { line: 5, column: "上级组织编码", reason: OUT_OF_SCOPE, value: "CITY" },
      { line: 6, column: "上级组织编码", reason: OUT_OF_SCOPE, value: "ROOT" },
    ]);
  });

  it("says a code is taken outside only when the row would otherwise be in reach", () => {
    const taken = orgScopeProblems([org(2, "OTHER", "COLLEGE")], existing, SCOPE, columns);
    expect(taken).toEqual([{ line: 2, column: "组织编码", reason: OUT_OF_SCOPE, value: "OTHER" }]);
    const underOther = (code: string) => orgScopeProblems([org(2, code, "OTHER")], existing, SCOPE, columns);
    expect(underOther("CITY")).toEqual(underOther("NOT-THERE"));
  });

  it("does not loop on parents that go round in a circle", () => {
    const rows = [org(2, "A", "B"), org(3, "B", "A")];
    expect(orgScopeProblems(rows, existing, SCOPE, columns).map((p) => p.line)).toEqual([2, 3]);
  });
});

describe("member rows in scope", () => {
  const member = (line: number, code: string, orgCode: string) => ({ line, code, orgCode }) as MemberRecord;
  const memberColumns = { code: "团员编号", org: "所在团组织编码" };

  it("refuses members of organisations outside, and members kept by an organisation outside", () => {
    const rows = [
      member(2, "202001000001", "COLLEGE"),
      member(3, "202001000002", "OTHER"),
      member(4, "202001000003", "SCHOOL"),
      member(5, "202001000004", "NOT-LOADED"),
    ];
    const keptElsewhere = new Set(["202001000003"]);
    expect(memberScopeProblems(rows, existing, keptElsewhere, SCOPE, memberColumns)).toEqual([
      { line: 3, column: "所在团组织编码", reason: OUT_OF_SCOPE, value: "OTHER" },
      { line: 4, column: "团员编号", reason: OUT_OF_SCOPE, value: "202001000003" },
      { line: 5, column: "所在团组织编码", reason: OUT_OF_SCOPE, value: "NOT-LOADED" },
    ]);
  });
});

describe("masking ID numbers in reports", () => {
  it("keeps only the last four of anything shaped like an ID number, and leaves 编号 and phone numbers alone", () => {
    expect(maskIdNumbers("440106200503120023")).toBe("…0023");
    expect(maskIdNumbers("身份证 44010620050312002x 错")).toBe("身份证 …002x 错");
    expect(maskIdNumbers("440106 20050312 0023")).toBe("…0023");
    expect(maskIdNumbers("440106-050312-002")).toBe("…2002");
    expect(maskIdNumbers("440106050312002")).toBe("…2002");
    expect(maskIdNumbers("202001234501 13800138000")).toBe("202001234501 13800138000");
  });
});
