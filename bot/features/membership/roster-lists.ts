// The names behind the roster's counts: who in a subtree has not bound a chat, who owes 3+ months. A leader acts
// on names, not on numbers. The first `take` of each and how many there are in all.
import { type Db, MemberStatus, type Prisma } from "../../infra/db.ts";
import { addMonths, type Month } from "../dues/months.ts";
import { membersInSubtree } from "../orgs/scope.ts";
import { DUES_OVERDUE_WARN_MONTHS } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface Named<T> {
  total: number;
  members: T[];
}

export async function unboundMembers(
  db: Tx,
  orgId: number,
  take: number,
): Promise<Named<{ id: number; name: string; code: string }>> {
  const where = { status: MemberStatus.ACTIVE, ...membersInSubtree(orgId), identities: { none: {} } };
  const [total, members] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({ where, select: { id: true, name: true, code: true }, orderBy: { code: "asc" }, take }),
  ]);
  return { total, members };
}

/**
 * Members 3+ months behind, most months first. The months are counted as the roster's summary counts them
 * (roster-service.ts `arrearsCounts`: joining month to last month, less the paid ones), so names and count agree.
 */
export async function owingMembers(
  db: Tx,
  orgId: number,
  current: Month,
  take: number,
): Promise<Named<{ id: number; name: string; months: number }>> {
  const last = addMonths(current, -1);
  const lastIndex = Math.floor(last / 100) * 12 + (last % 100) - 1;
  const rows = await db.$queryRaw<{ id: number; name: string; months: number; total: number }[]>`
    WITH scoped AS (
      SELECT m.id, m.name, m.code,
             EXTRACT(YEAR FROM m.joined_at)::int AS y,
             EXTRACT(MONTH FROM m.joined_at)::int AS mo
        FROM members m
        JOIN organisations o ON o.id = m.org_id
       WHERE o.ancestor_ids @> ARRAY[${orgId}]::int[]
         AND m.status = 'ACTIVE'
    ), owed AS (
      SELECT s.id, s.name, s.code,
             GREATEST(0, ${lastIndex}::int - (s.y * 12 + s.mo - 1) + 1)
             - (SELECT count(*) FROM dues_months d
                 WHERE d.member_id = s.id AND d.month BETWEEN s.y * 100 + s.mo AND ${last}::int)::int AS months
        FROM scoped s
    )
    SELECT id, name, months, (count(*) OVER ())::int AS total
      FROM owed
     WHERE months >= ${DUES_OVERDUE_WARN_MONTHS}::int
     ORDER BY months DESC, code
     LIMIT ${take}`;
  return { total: rows[0]?.total ?? 0, members: rows.map(({ id, name, months }) => ({ id, name, months })) };
}
