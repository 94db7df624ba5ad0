// Who acts for an organisation on a transfer step: the people a waiting step's messages go to.
import { type Db, Prisma, Role } from "../../infra/db.ts";
import { readFact } from "../../infra/facts.ts";
import { type Acting, type ChainOrg, nearestActing } from "./sla/escalation.ts";

type Tx = Prisma.TransactionClient | Db;

export const STEP_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

/**
 * Member ids of the 团支书 and staff holding a role AT the organisation. An organisation with nobody (a 团支部
 * whose secretary left) falls back to the nearest ancestor that has someone. For those told that a transfer
 * finished or was withdrawn; who must ACT on a step is `whoActs`.
 */
export function stepLeaders(tx: Tx, orgId: number): Promise<number[]> {
  const roles = [...STEP_ROLES];
  // Deepest organisation with someone wins (ancestor_ids runs root → self); one statement inside the transaction.
  return readFact(tx, {
    sql: Prisma.sql`
      SELECT COALESCE((
        SELECT json_agg(DISTINCT r.member_id ORDER BY r.member_id)
        FROM role_assignments r
        WHERE r.role::text = ANY(${roles}::text[]) AND r.org_id = (
          SELECT path.id FROM organisations own, unnest(own.ancestor_ids) WITH ORDINALITY AS path(id, n)
          WHERE own.id = ${orgId}
            AND EXISTS (SELECT 1 FROM role_assignments x WHERE x.org_id = path.id AND x.role::text = ANY(${roles}::text[]))
          ORDER BY path.n DESC
          LIMIT 1)
      ), '[]')`,
    parse: (value) => value as number[],
  });
}

/**
 * The step's organisation and its ancestors, nearest first, each with the people who can act there: a step role
 * and a chat that has not blocked the bot (someone never bound would be sent nothing). A fact, so one statement
 * inside the workflow's transactions, where Prisma's three reads cost more than the transaction's writes.
 */
export function actingChain(tx: Tx, orgId: number): Promise<ChainOrg[]> {
  return readFact(tx, {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object(
               'id', o.id, 'name', o.name, 'level', o.level,
               'actors', COALESCE((
                 SELECT json_agg(r.member_id ORDER BY r.member_id)
                 FROM role_assignments r
                 WHERE r.org_id = o.id AND r.role::text = ANY(${[...STEP_ROLES]}::text[])
                   AND EXISTS (SELECT 1 FROM chat_identities c WHERE c.member_id = r.member_id AND NOT c.blocked)
               ), '[]')
             ) ORDER BY path.n DESC), '[]')
      FROM organisations own, unnest(own.ancestor_ids) WITH ORDINALITY AS path(id, n)
      JOIN organisations o ON o.id = path.id
      WHERE own.id = ${orgId}`,
    parse: (value) => value as ChainOrg[],
  });
}

/** The nearest level from `from` up with someone other than the transfer's member who can act on the step. */
export async function whoActs(tx: Tx, orgId: number, memberId: number, from = 0): Promise<Acting | null> {
  return nearestActing(await actingChain(tx, orgId), memberId, from);
}
