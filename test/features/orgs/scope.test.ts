// Scope decisions: a role reaches its organisation's whole subtree and nothing beside or above it.
import { describe, expect, it } from "vitest";
import { pickContact } from "../../../bot/features/orgs/contacts.ts";
import { canAct, grantCovering, type RoleGrant, scopeOrgIds } from "../../../bot/features/orgs/scope.ts";

// 1 省 → 2 市 → 3 华工团委 → 4 计算机学院团总支 → 5 计科1班 ; 2 → 9 天河区 → 10 星河科技团支部
const class1 = [1, 2, 3, 4, 5];
const company = [1, 2, 9, 10];
const secretary: RoleGrant = { role: "BRANCH_SECRETARY", orgId: 5, orgAncestorIds: class1 };
const staff: RoleGrant = { role: "COMMITTEE_STAFF", orgId: 3, orgAncestorIds: [1, 2, 3] };

describe("canAct", () => {
  it("lets a 团支书 act in their own branch only", () => {
    expect(canAct([secretary], class1)).toBe(true);
    expect(canAct([secretary], company)).toBe(false);
    expect(canAct([secretary], [1, 2, 3, 4])).toBe(false);
  });

  it("lets committee staff act anywhere below their committee", () => {
    expect(canAct([staff], class1)).toBe(true);
    expect(grantCovering([secretary, staff], class1)).toBe(secretary);
    expect(canAct([staff], company)).toBe(false);
  });

  it("refuses without roles, or with a role not allowed for the action", () => {
    expect(canAct([], class1)).toBe(false);
    expect(canAct([secretary], class1, ["ADMIN"])).toBe(false);
  });
});

describe("scopeOrgIds", () => {
  it("keeps only the outermost organisations", () => {
    expect(scopeOrgIds([secretary, staff])).toEqual([3]);
    const other: RoleGrant = { role: "TREASURER", orgId: 10, orgAncestorIds: company };
    expect(scopeOrgIds([secretary, other])).toEqual([5, 10]);
    expect(scopeOrgIds([])).toEqual([]);
  });
});

describe("pickContact", () => {
  it("prefers the nearest organisation, and its 团支书 over staff", () => {
    const people = [
      { memberId: 3, role: "COMMITTEE_STAFF" as const, orgId: 3 },
      { memberId: 2, role: "BRANCH_SECRETARY" as const, orgId: 5 },
      { memberId: 7, role: "COMMITTEE_STAFF" as const, orgId: 5 },
      { memberId: 9, role: "BRANCH_SECRETARY" as const, orgId: 10 },
    ];
    expect(pickContact(people, class1)?.memberId).toBe(2);
    expect(pickContact(people, [1, 2, 3, 4])?.memberId).toBe(3);
    expect(pickContact(people, [1, 2, 9])).toBeUndefined();
  });
});
