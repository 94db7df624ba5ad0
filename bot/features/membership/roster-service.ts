// A leader's view of their subtree: how many members, how many reachable in chat, how many behind with dues;
// and finding one member by name or 编号. Every query goes through the GIN index on `ancestor_ids`.
import { type Db, MemberStatus, type Prisma } from "../../infra/db.ts";
import { addMonths, type Month } from "../dues/months.ts";
import { membersInSubtree } from "../orgs/scope.ts";
import { DUES_LAPSE_RISK_MONTHS, DUES_OVERDUE_WARN_MONTHS } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface RosterSummary {
  orgId: number;
  orgName: string;
  /** Active members (left or lapsed ones are off the roster). */
  members: number;
  /** Of those, how many have a chat account bound. */
  bound: number;
  unbound: number;
  /** Members with at least 3 (resp. 6) unpaid months before the current one. */
  owing3: number;
  owing6: number;
}

export async function rosterSummary(db: Tx, orgId: number, current: Month): Promise<RosterSummary> {
  const active = { status: MemberStatus.ACTIVE, ...membersInSubtree(orgId) };
  const [org, members, bound, arrears] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
    db.member.count({ where: active }),
    db.member.count({ where: { ...active, identities: { some: {} } } }),
    arrearsCounts(db, orgId, current),
  ]);
  return { orgId, orgName: org.name, members, bound, unbound: members - bound, ...arrears };
}

/**
 * Per member: months from the joining month to last month, less the paid ones in that range — the same count
 * as `overdueMonths` in dues/rules.ts, done in one query so a committee of thousands is one round trip.
 */
async function arrearsCounts(db: Tx, orgId: number, current: Month): Promise<{ owing3: number; owing6: number }> {
  const last = addMonths(current, -1);
  const lastIndex = Math.floor(last / 100) * 12 + (last % 100) - 1;
  const rows = await db.$queryRaw<{ owing3: number; owing6: number }[]>`
    WITH scoped AS (
      SELECT m.id,
             EXTRACT(YEAR FROM m.joined_at)::int AS y,
             EXTRACT(MONTH FROM m.joined_at)::int AS mo
        FROM members m
        JOIN organisations o ON o.id = m.org_id
       WHERE o.ancestor_ids @> ARRAY[${orgId}]::int[]
         AND m.status = 'ACTIVE'
    ), owed AS (
      SELECT GREATEST(0, ${lastIndex}::int - (s.y * 12 + s.mo - 1) + 1)
             - (SELECT count(*) FROM dues_months d
                 WHERE d.member_id = s.id AND d.month BETWEEN s.y * 100 + s.mo AND ${last}::int)::int AS overdue
        FROM scoped s
    )
    SELECT count(*) FILTER (WHERE overdue >= ${DUES_OVERDUE_WARN_MONTHS}::int)::int AS owing3,
           count(*) FILTER (WHERE overdue >= ${DUES_LAPSE_RISK_MONTHS}::int)::int AS owing6
      FROM owed`;
  return rows[0] ?? { owing3: 0, owing6: 0 };
}

const MAX_MATCHES = 20;

/** Members whose 编号 or exact name is `query`, with their organisation's place in the tree. */
export async function findMembers(db: Tx, query: string) {
  const where = /^\d{12}$/.test(query) ? { code: query } : { name: query };
  return db.member.findMany({
    where,
    include: { org: { select: { name: true, ancestorIds: true } } },
    orderBy: { id: "asc" },
    take: MAX_MATCHES,
  });
}
