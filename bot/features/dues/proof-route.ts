// Who gets a member's payment screenshot: the branch's treasurer and 团支书; when none of them uses Tuanzhu yet
// (no bound chat), the nearest organisation above with a leader who does. The member is told who that is — or,
// when nobody on the path can be reached, that nobody has been told yet and the screenshot waits in 待确认缴费.
import { type Db, type Prisma, Role } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

/** Roles that receive (and may confirm) screenshots, at the member's branch and above it. */
export const PROOF_ROLES: readonly Role[] = [Role.TREASURER, Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

export interface ProofCandidate {
  memberId: number;
  name: string;
  orgId: number;
  orgName: string;
  role: Role;
  /** Has a chat the bot can write to. */
  bound: boolean;
}

export interface ProofRoute {
  /** Bound leaders of the first organisation, walking up from the member's own, that has any. */
  recipients: ProofCandidate[];
  /** True when they are at the member's own organisation. */
  atOwnOrg: boolean;
  /** Leaders of the member's own organisation who could confirm but have not bound a chat. */
  unboundAtOwnOrg: ProofCandidate[];
}

/** Pure: the route for a member of the organisation whose path (root first, itself last) is `ancestorIds`. */
export function routeProof(candidates: ProofCandidate[], ancestorIds: readonly number[], memberId: number): ProofRoute {
  const others = candidates.filter((c) => c.memberId !== memberId);
  const ownOrgId = ancestorIds[ancestorIds.length - 1];
  const byPerson = (list: ProofCandidate[]) => [...new Map(list.map((c) => [c.memberId, c])).values()];
  const unboundAtOwnOrg = byPerson(others.filter((c) => c.orgId === ownOrgId && !c.bound));
  for (const orgId of [...ancestorIds].reverse()) {
    const reached = byPerson(others.filter((c) => c.orgId === orgId && c.bound));
    if (reached.length > 0) return { recipients: reached, atOwnOrg: orgId === ownOrgId, unboundAtOwnOrg };
  }
  return { recipients: [], atOwnOrg: false, unboundAtOwnOrg };
}

/** `roles`: who may take it (by default those who confirm dues payments). */
export async function proofRoute(
  db: Tx,
  member: { id: number; orgId: number },
  roles: readonly Role[] = PROOF_ROLES,
): Promise<ProofRoute> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: member.orgId }, select: { ancestorIds: true } });
  const rows = await db.roleAssignment.findMany({
    where: { orgId: { in: org.ancestorIds }, role: { in: [...roles] } },
    select: {
      role: true,
      orgId: true,
      org: { select: { name: true } },
      member: { select: { id: true, name: true, identities: { where: { blocked: false }, select: { id: true } } } },
    },
    orderBy: { id: "asc" },
  });
  const candidates = rows.map((r) => ({
    memberId: r.member.id,
    name: r.member.name,
    orgId: r.orgId,
    orgName: r.org.name,
    role: r.role,
    bound: r.member.identities.length > 0,
  }));
  return routeProof(candidates, org.ancestorIds, member.id);
}
