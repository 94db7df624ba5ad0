// Whom a member should turn to: the nearest 团支书 or committee staff above them in the tree.
import { Prisma, Role } from "../../infra/db.ts";
import type { Fact } from "../../infra/facts.ts";

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

type ContactCandidate = Candidate & { name: string; orgName: string };

/**
 * The 团支书 and staff at any of the organisations `ancestorIds` names (an int[] expression or subquery), with their
 * names, never the person themselves: a fact, so the status look-up reads it in the same statement as the rest.
 */
export function contactCandidatesFact(ancestorIds: Prisma.Sql, excludeMemberId?: number): Fact<ContactCandidate[]> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object(
               'memberId', r.member_id, 'role', r.role, 'orgId', r.org_id, 'name', m.name, 'orgName', o.name)), '[]')
      FROM role_assignments r JOIN members m ON m.id = r.member_id JOIN organisations o ON o.id = r.org_id
      WHERE r.org_id = ANY((${ancestorIds})::int[]) AND r.role::text = ANY(${[...CONTACT_ROLES]}::text[])
        AND r.member_id <> ${excludeMemberId ?? 0}`,
    parse: (value) => value as ContactCandidate[],
  };
}

export function contactAmong(candidates: ContactCandidate[], ancestorIds: readonly number[]): Contact | undefined {
  const best = pickContact(candidates, ancestorIds);
  return best && { name: best.name, role: best.role, orgName: best.orgName };
}
