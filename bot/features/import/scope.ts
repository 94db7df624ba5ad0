// A scoped import (an admin API token reaches one organisation's subtree) may only touch that subtree: organisations
// that already lie in it, new ones hanging below it (through parents in the file too), and members of organisations
// in it who are not already kept by an organisation outside it. Pure: what exists is passed in.
//
// It also learns nothing about what lies outside: an organisation code outside the subtree and one nothing has get
// the same problem (out of scope, which both are), whatever the row. The one thing it cannot be spared is that a
// code it wants for a new organisation or member is taken: codes are unique across the whole tree.
import type { Checked, MemberRecord, OrgRecord, Problem } from "./validate.ts";

export const OUT_OF_SCOPE = "import-problem-out-of-scope";

/** For a scoped import, an organisation code nothing has reads as one outside the subtree: both are out of reach. */
export function hideOutside<T>(checked: Checked<T>, scopeOrgId: number | undefined): Checked<T> {
  if (scopeOrgId === undefined) return checked;
  const problems = checked.problems.map((p) =>
    p.reason === "import-problem-unknown-org" ? { ...p, reason: OUT_OF_SCOPE } : p,
  );
  return { ...checked, problems };
}

export interface ScopeColumns {
  /** The headers as written in the file. */
  code: string;
  parent: string;
}

/** Problems for the organisation rows outside the subtree of `scopeOrgId` (rows that already passed checkOrgs). */
export function orgScopeProblems(
  records: readonly OrgRecord[],
  existing: ReadonlyMap<string, { ancestorIds: readonly number[] }>,
  scopeOrgId: number,
  columns: ScopeColumns,
): Problem[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const memo = new Map<string, boolean>();
  const inScope = (code: string, seen: Set<string>): boolean => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const row = byCode.get(code);
    const stored = existing.get(code);
    let answer: boolean;
    if (stored) answer = stored.ancestorIds.includes(scopeOrgId);
    // A new organisation is in scope when its parent is; a loop (checkOrgs reports those) never is.
    else if (row?.parentCode && !seen.has(code)) answer = inScope(row.parentCode, seen.add(code));
    else answer = false;
    memo.set(code, answer);
    return answer;
  };
  // A row under a parent out of reach is refused for its parent, whether or not its own code exists somewhere; only
  // under a parent in reach does a code taken outside show (on the code column).
  const parentInScope = (r: OrgRecord) => r.parentCode !== null && inScope(r.parentCode, new Set([r.code]));
  return records
    .filter((r) => !inScope(r.code, new Set()))
    .map((r) =>
      existing.has(r.code) && parentInScope(r)
        ? { line: r.line, column: columns.code, reason: OUT_OF_SCOPE, value: r.code }
        : { line: r.line, column: columns.parent, reason: OUT_OF_SCOPE, value: r.parentCode ?? "" },
    );
}

/**
 * Problems for the member rows outside the subtree: their organisation lies outside it, or the 编号 belongs to a
 * member kept by an organisation outside it (an import must not pull someone else's member across).
 */
export function memberScopeProblems(
  records: readonly MemberRecord[],
  orgs: ReadonlyMap<string, { ancestorIds: readonly number[] }>,
  codesKeptElsewhere: ReadonlySet<string>,
  scopeOrgId: number,
  columns: { code: string; org: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const r of records) {
    if (!orgs.get(r.orgCode)?.ancestorIds.includes(scopeOrgId)) {
      problems.push({ line: r.line, column: columns.org, reason: OUT_OF_SCOPE, value: r.orgCode });
    } else if (codesKeptElsewhere.has(r.code)) {
      problems.push({ line: r.line, column: columns.code, reason: OUT_OF_SCOPE, value: r.code });
    }
  }
  return problems;
}
