// A leader's view of their subtree: how many members, how many reachable in chat, how many behind with dues;
// and finding one member by name or 编号. Every query goes through the GIN index on `ancestor_ids`.
import { type Db, MemberStatus, type Prisma } from "../../infra/db.ts";
import type { Month } from "../dues/months.ts";
import { owedCountSql } from "../dues/owed.ts";
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
  /** Members owing at least 3 (resp. 6) months (dues/owed.ts). */
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

/** Members owing 3 (resp. 6) months or more, counted as everywhere (dues/owed.ts), in one query. */
async function arrearsCounts(db: Tx, orgId: number, current: Month): Promise<{ owing3: number; owing6: number }> {
  const rows = await db.$queryRaw<{ owing3: number; owing6: number }[]>`
    WITH owed AS (
      SELECT ${owedCountSql(current)} AS owed
        FROM members m
        JOIN organisations o ON o.id = m.org_id
       WHERE o.ancestor_ids @> ARRAY[${orgId}]::int[]
         AND m.status = 'ACTIVE'
    )
    SELECT count(*) FILTER (WHERE owed >= ${DUES_OVERDUE_WARN_MONTHS}::int)::int AS owing3,
           count(*) FILTER (WHERE owed >= ${DUES_LAPSE_RISK_MONTHS}::int)::int AS owing6
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
