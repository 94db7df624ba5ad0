// Who acts for an organisation on a transfer step: the people a waiting step's message goes to.
import { type Db, type Prisma, Role } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

export const STEP_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

/**
 * Member ids of the 团支书 and staff holding a role AT the organisation. An organisation with nobody (a 团支部
 * whose secretary left) falls back to the nearest ancestor that has someone, so a step never waits unseen.
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
