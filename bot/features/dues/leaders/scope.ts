// Which organisations a leader may see dues for: the outermost organisations of their leader roles, and an
// organisation inside them named by code or exact name.
import type { Db, Prisma } from "../../../infra/db.ts";
import { canAct, LEADER_ROLES, type RoleGrant, rolesOf, scopeOrgIds } from "../../orgs/scope.ts";

type Tx = Prisma.TransactionClient | Db;

/** Every leader role sees and records dues in its subtree. */
export const DUES_LEADER_ROLES = LEADER_ROLES;

export interface LeaderScope {
  roles: RoleGrant[];
  orgs: { id: number; name: string; level: string }[];
}

export async function leaderScope(db: Tx, memberId: number): Promise<LeaderScope> {
  const roles = await rolesOf(db, memberId);
  const ids = scopeOrgIds(roles, DUES_LEADER_ROLES);
  const orgs = await db.organisation.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, level: true },
    orderBy: { id: "asc" },
  });
  return { roles, orgs };
}

/** An organisation in scope by id, code, or exact (short) name; null when none or outside the scope. */
export async function scopedOrg(db: Tx, roles: RoleGrant[], query: string | number) {
  const where =
    typeof query === "number"
      ? { id: query }
      : { OR: [{ code: query }, { name: query }, { shortName: query }] as Prisma.OrganisationWhereInput[] };
  const found = await db.organisation.findMany({
    where,
    select: { id: true, name: true, code: true, ancestorIds: true },
    take: 5,
  });
  return found.find((o) => canAct(roles, o.ancestorIds, DUES_LEADER_ROLES)) ?? null;
}
