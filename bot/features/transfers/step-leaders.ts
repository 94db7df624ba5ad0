// Who acts for an organisation on a transfer step: the people a waiting step's messages go to.
import { type Db, type Prisma, Role } from "../../infra/db.ts";
import { type Acting, type ChainOrg, nearestActing } from "./sla/escalation.ts";

type Tx = Prisma.TransactionClient | Db;

export const STEP_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

/**
 * Member ids of the 团支书 and staff holding a role AT the organisation. An organisation with nobody (a 团支部
 * whose secretary left) falls back to the nearest ancestor that has someone. For those told that a transfer
 * finished or was withdrawn; who must ACT on a step is `whoActs`.
 */
export async function stepLeaders(tx: Tx, orgId: number): Promise<number[]> {
  const org = await tx.organisation.findUnique({ where: { id: orgId }, select: { ancestorIds: true } });
  if (!org) return [];
  const rows = await tx.roleAssignment.findMany({
    where: { orgId: { in: org.ancestorIds }, role: { in: [...STEP_ROLES] } },
    select: { memberId: true, orgId: true },
    orderBy: { memberId: "asc" },
  });
  // Deepest organisation with someone wins (ancestorIds runs root → self).
  for (let i = org.ancestorIds.length - 1; i >= 0; i--) {
    const at = org.ancestorIds[i];
    const ids = [...new Set(rows.filter((r) => r.orgId === at).map((r) => r.memberId))];
    if (ids.length > 0) return ids;
  }
  return [];
}

/**
 * The step's organisation and its ancestors, nearest first, each with the people who can act there: a step role
 * and a chat that has not blocked the bot (someone never bound would be sent nothing). Queries one after the other:
 * this runs inside the workflow's transactions.
 */
export async function actingChain(tx: Tx, orgId: number): Promise<ChainOrg[]> {
  const org = await tx.organisation.findUnique({ where: { id: orgId }, select: { ancestorIds: true } });
  if (!org) return [];
  const orgs = await tx.organisation.findMany({
    where: { id: { in: org.ancestorIds } },
    select: { id: true, name: true, level: true },
  });
  const roles = await tx.roleAssignment.findMany({
    where: {
      orgId: { in: org.ancestorIds },
      role: { in: [...STEP_ROLES] },
      member: { identities: { some: { blocked: false } } },
    },
    select: { memberId: true, orgId: true },
    orderBy: { memberId: "asc" },
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return [...org.ancestorIds].reverse().flatMap((id) => {
    const o = byId.get(id);
    return o ? [{ ...o, actors: roles.filter((r) => r.orgId === id).map((r) => r.memberId) }] : [];
  });
}

/** The nearest level from `from` up with someone other than the transfer's member who can act on the step. */
export async function whoActs(tx: Tx, orgId: number, memberId: number, from = 0): Promise<Acting | null> {
  return nearestActing(await actingChain(tx, orgId), memberId, from);
}
