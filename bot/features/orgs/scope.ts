// Who may act where: a role held in an organisation reaches that organisation's whole subtree.
// `rolesOf` is the only I/O; the decisions are pure so every feature can reuse and test them.
import { type Db, Prisma, Role } from "../../infra/db.ts";
import { type Fact, readFact } from "../../infra/facts.ts";

type Tx = Prisma.TransactionClient | Db;

export interface RoleGrant {
  role: Role;
  orgId: number;
  /** The granting organisation's own ancestor ids (root first, itself last). */
  orgAncestorIds: number[];
}

/** Every role that lets its holder see members' records in its subtree. */
export const LEADER_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.TREASURER, Role.ADMIN];

/** A person's roles with their organisations' ancestors: a fact, so it is one statement (Prisma's relation read
 * was two, the second even for someone holding no role) and can be read beside other facts. */
export function rolesFact(memberId: number): Fact<RoleGrant[]> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object('role', r.role, 'orgId', r.org_id, 'orgAncestorIds', o.ancestor_ids)
                               ORDER BY r.id), '[]')
      FROM role_assignments r JOIN organisations o ON o.id = r.org_id WHERE r.member_id = ${memberId}`,
    parse: (value) => value as RoleGrant[],
  };
}

export function rolesOf(db: Tx, memberId: number): Promise<RoleGrant[]> {
  return readFact(db, rolesFact(memberId));
}

/** The grant that covers a target (given the target organisation's ancestor ids), or undefined. */
export function grantCovering(
  roles: readonly RoleGrant[],
  targetAncestorIds: readonly number[],
  allowed: readonly Role[] = LEADER_ROLES,
): RoleGrant | undefined {
  return roles.find((g) => allowed.includes(g.role) && targetAncestorIds.includes(g.orgId));
}

export function canAct(
  roles: readonly RoleGrant[],
  targetAncestorIds: readonly number[],
  allowed: readonly Role[] = LEADER_ROLES,
): boolean {
  return grantCovering(roles, targetAncestorIds, allowed) !== undefined;
}

/**
 * The organisations whose subtrees a person's roles cover, without those already inside another one's subtree
 * (a staff member of a committee who is also secretary of one of its branches has one scope, not two).
 */
export function scopeOrgIds(roles: readonly RoleGrant[], allowed: readonly Role[] = LEADER_ROLES): number[] {
  const held = roles.filter((g) => allowed.includes(g.role));
  const ids = new Set(held.map((g) => g.orgId));
  const outermost = held.filter((g) => !g.orgAncestorIds.some((a) => a !== g.orgId && ids.has(a)));
  return [...new Set(outermost.map((g) => g.orgId))];
}

/** Prisma filters for a subtree; both hit the GIN index on `ancestor_ids`. */
export const orgsInSubtree = (orgId: number) => ({ ancestorIds: { has: orgId } });
export const membersInSubtree = (orgId: number) => ({ org: orgsInSubtree(orgId) });
