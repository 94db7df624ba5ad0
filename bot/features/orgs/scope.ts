// Who may act where: a role held in an organisation reaches that organisation's whole subtree.
// `rolesOf` is the only I/O; the decisions are pure so every feature can reuse and test them.
import { type Db, type Prisma, Role } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

export interface RoleGrant {
  role: Role;
  orgId: number;
  /** The granting organisation's own ancestor ids (root first, itself last). */
  orgAncestorIds: number[];
}

/** Every role that lets its holder see members' records in its subtree. */
export const LEADER_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.TREASURER, Role.ADMIN];

export async function rolesOf(db: Tx, memberId: number): Promise<RoleGrant[]> {
  const rows = await db.roleAssignment.findMany({
    where: { memberId },
    select: { role: true, orgId: true, org: { select: { ancestorIds: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ role: r.role, orgId: r.orgId, orgAncestorIds: r.org.ancestorIds }));
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
