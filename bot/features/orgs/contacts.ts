// Whom a member should turn to: the nearest 团支书 or committee staff above them in the tree.
import { type Db, type Prisma, Role } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

export interface Contact {
  name: string;
  role: Role;
  orgName: string;
}

const CONTACT_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

interface Candidate {
  memberId: number;
  role: Role;
  orgId: number;
}

/** The deepest candidate on the member's path wins; at the same organisation a 团支书 before staff. */
export function pickContact<T extends Candidate>(candidates: T[], ancestorIds: readonly number[]): T | undefined {
  const rank = (c: Candidate) => ancestorIds.indexOf(c.orgId) * 10 + (c.role === Role.BRANCH_SECRETARY ? 1 : 0);
  return candidates
    .filter((c) => ancestorIds.includes(c.orgId))
    .sort((a, b) => rank(b) - rank(a) || a.memberId - b.memberId)[0];
}

/** The contact for someone in the organisation with these ancestor ids, never the person themselves. */
export async function nearestContact(
  db: Tx,
  ancestorIds: readonly number[],
  excludeMemberId?: number,
): Promise<Contact | undefined> {
  const rows = await db.roleAssignment.findMany({
    where: {
      orgId: { in: [...ancestorIds] },
      role: { in: [...CONTACT_ROLES] },
      ...(excludeMemberId === undefined ? {} : { memberId: { not: excludeMemberId } }),
    },
    select: {
      memberId: true,
      role: true,
      orgId: true,
      member: { select: { name: true } },
      org: { select: { name: true } },
    },
  });
  const best = pickContact(rows, ancestorIds);
  return best && { name: best.member.name, role: best.role, orgName: best.org.name };
}
