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
  // One statement with the names joined (Prisma would read members and organisations in two more): every status
  // look-up asks.
  const rows = await db.$queryRaw<(Candidate & { name: string; orgName: string })[]>`
    SELECT r.member_id AS "memberId", r.role::text AS role, r.org_id AS "orgId", m.name, o.name AS "orgName"
    FROM role_assignments r JOIN members m ON m.id = r.member_id JOIN organisations o ON o.id = r.org_id
    WHERE r.org_id = ANY(${[...ancestorIds]}::int[]) AND r.role::text = ANY(${[...CONTACT_ROLES]}::text[])
      AND r.member_id <> ${excludeMemberId ?? 0}`;
  const best = pickContact(rows, ancestorIds);
  return best && { name: best.name, role: best.role, orgName: best.orgName };
}
