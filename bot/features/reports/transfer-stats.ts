// Transfer service-level figures per organisation and week, computed by PostgreSQL from the event log in one
// statement (percentile_cont for the median and P90), joined to transfer_steps only for each step's deadline and
// policy. Definitions (docs: notes/transfer-contract.md):
// - received: STEP_STARTED at the organisation during the week;
// - handled within SLA: of those, decided (APPROVED / REJECTED / BRANCH_ASSIGNED) within slaHours calendar hours of
//   the start, or by the stored dueAt for business-hour steps; response time = decision − start;
// - breaches: steps of the organisation whose dueAt fell in the week with no decision or cancellation by then;
// - escalations received: ESCALATED with the organisation as the one escalated to.
// Everything is as known at `asOf` (events after it do not count), so a report re-run later for the same moment
// reads the same, and a step still inside its window at report time simply is not handled yet.
import { type Db, Prisma } from "../../infra/db.ts";
import type { WeekFigures } from "./rules.ts";
import type { Week } from "./week.ts";

type Tx = Prisma.TransactionClient | Db;

export interface GroupFigures extends WeekFigures {
  /** The organisation (or child whose subtree is rolled up); null on the grand-total row. */
  orgId: number | null;
}

/**
 * The organisations counted and the group each one's figures go to. `all`: every organisation by itself.
 * `children`: a committee's subtree, each organisation counted under the committee's child that contains it (the
 * committee's own steps under the committee).
 */
export type Grouping = { kind: "all" } | { kind: "children"; committeeId: number; committeeAncestorIds: number[] };

/** Organisation id → group, for a committee's subtree; `all` needs no look-up (each organisation is its own group). */
export function scopeSql(grouping: Extract<Grouping, { kind: "children" }>): Prisma.Sql {
  // ancestor_ids runs root..self, so the child of the committee on an organisation's path sits right after it.
  const childAt = grouping.committeeAncestorIds.length + 1;
  return Prisma.sql`
    SELECT id, COALESCE(ancestor_ids[${childAt}::int], ${grouping.committeeId}::int) AS grp
    FROM organisations WHERE ancestor_ids @> ARRAY[${grouping.committeeId}::int]`;
}

/** Subtrees larger than this read all decision events in one pass rather than step by step (bench:stats). */
export const ONE_PASS_ABOVE_ORGS = 5_000;

async function subtreeSize(db: Tx, orgId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM organisations WHERE ancestor_ids @> ARRAY[${orgId}::int]`;
  return row?.n ?? 0;
}

const DECISIONS = Prisma.sql`('APPROVED', 'REJECTED', 'BRANCH_ASSIGNED')`;

/**
 * Whether the decisions are read in one pass over all decision events (every organisation, or a subtree holding a
 * large part of the tree) rather than step by step for the steps counted.
 */
export async function readsInOnePass(db: Tx, grouping: Grouping, onePassAboveOrgs = ONE_PASS_ABOVE_ORGS) {
  return grouping.kind === "all" || (await subtreeSize(db, grouping.committeeId)) > onePassAboveOrgs;
}

/**
 * `WITH … facts AS (…)`: one row per step received (with its response time in `hours` when decided, and whether in
 * time), per breach and per escalation received, each with its group `grp` — the definitions above, as SQL. The
 * caller adds the SELECT that aggregates `facts`.
 */
export function factsSql(grouping: Grouping, week: Pick<Week, "start" | "end">, asOf: Date, onePass: boolean) {
  const { start, end } = week;
  const all = grouping.kind === "all";
  // For a subtree, organisations map to groups through `scope`; for all of them the organisation is the group.
  const scope = all ? Prisma.sql`` : Prisma.sql`scope AS (${scopeSql(grouping)}),`;
  const inScope = (alias: string, orgColumn: string) =>
    all ? Prisma.sql`SELECT ${Prisma.raw(`${alias}.${orgColumn}`)} AS grp,` : Prisma.sql`SELECT sc.grp,`;
  const joinScope = (alias: string, orgColumn: string) =>
    all ? Prisma.sql`` : Prisma.sql`JOIN scope sc ON sc.id = ${Prisma.raw(`${alias}.${orgColumn}`)}`;
  // The first decision, and the first decision or cancellation, per step. For every organisation, or a subtree
  // holding a large part of the tree, that is one pass over all decision events; for a smaller subtree only the
  // steps it counts are looked up (by step id), which costs per step but reads nothing else.
  const onlyCounted = onePass
    ? Prisma.sql``
    : Prisma.sql`AND d.step_id IN (SELECT step_id FROM received UNION ALL SELECT step_id FROM due)`;
  return Prisma.sql`
    WITH ${scope}
    received AS (
      ${inScope("e", "org_id")} e.step_id, e.at AS started_at
      FROM transfer_events e ${joinScope("e", "org_id")}
      WHERE e.type = 'STEP_STARTED' AND e.at >= ${start} AND e.at < ${end} AND e.at <= ${asOf}
    ),
    due AS (
      ${inScope("s", "org_id")} s.id AS step_id, s.due_at
      FROM transfer_steps s ${joinScope("s", "org_id")}
      WHERE s.due_at >= ${start} AND s.due_at < ${end} AND s.due_at <= ${asOf}
    ),
    closed AS (
      SELECT d.step_id,
             min(d.at) FILTER (WHERE d.type IN ${DECISIONS}) AS decided_at,
             min(d.at) AS closed_at
      FROM transfer_events d
      WHERE (d.type IN ${DECISIONS} OR d.type = 'CANCELLED') AND d.at <= ${asOf}
        ${onlyCounted}
      GROUP BY d.step_id
    ),
    facts AS (
      SELECT r.grp, 1 AS received,
             CASE WHEN c.decided_at IS NOT NULL AND (
               CASE WHEN s.sla_business_hours THEN c.decided_at <= s.due_at
                    ELSE c.decided_at - r.started_at <= make_interval(hours => s.sla_hours) END)
             THEN 1 ELSE 0 END AS within_sla,
             extract(epoch FROM c.decided_at - r.started_at) / 3600.0 AS hours,
             0 AS breach, 0 AS escalation
      FROM received r
      JOIN transfer_steps s ON s.id = r.step_id
      LEFT JOIN closed c ON c.step_id = r.step_id
      UNION ALL
      SELECT du.grp, 0, 0, NULL, 1, 0
      FROM due du LEFT JOIN closed c ON c.step_id = du.step_id
      WHERE c.closed_at IS NULL OR c.closed_at > du.due_at
      UNION ALL
      ${inScope("e", "org_id")} 0, 0, NULL, 0, 1
      FROM transfer_events e ${joinScope("e", "org_id")}
      WHERE e.type = 'ESCALATED' AND e.at >= ${start} AND e.at < ${end} AND e.at <= ${asOf}
    )`;
}

/**
 * One row per group with any activity, plus (with `total`) a grand-total row with orgId null whose median and P90
 * pool every response in scope. Read from the event log as of `asOf` (the live figures; the Monday tables read the
 * week's stored facts instead, week-facts.ts).
 */
export async function weekFigures(
  db: Db,
  grouping: Grouping,
  week: Pick<Week, "start" | "end">,
  asOf: Date,
  options: { total?: boolean; onePassAboveOrgs?: number } = {},
): Promise<GroupFigures[]> {
  const groupBy = options.total ? Prisma.sql`GROUP BY GROUPING SETS ((grp), ())` : Prisma.sql`GROUP BY grp`;
  const onePass = await readsInOnePass(db, grouping, options.onePassAboveOrgs);
  const query = db.$queryRaw<GroupFigures[]>`
    ${factsSql(grouping, week, asOf, onePass)}
    SELECT grp AS "orgId",
           sum(received)::int AS received,
           sum(within_sla)::int AS "withinSla",
           count(hours)::int AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS "medianHours",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS "p90Hours",
           sum(breach)::int AS breaches,
           sum(escalation)::int AS escalations
    FROM facts
    ${groupBy}`;
  const [, , rows] = await db.$transaction([...reportSettings(db), query], REPORT_TRANSACTION);
  return rows;
}

/**
 * Session settings for one report statement (SET LOCAL: they end with its transaction). Enough memory that a whole
 * tree's hash tables and sorts stay off disk, and no JIT: on these statements it costs more compiling (about half
 * a second) than it saves.
 */
/** A whole province's week takes seconds; Prisma's default limit for a transaction is 5 s. */
export const REPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export function reportSettings(db: Tx) {
  return [db.$executeRaw`SET LOCAL work_mem = '64MB'`, db.$executeRaw`SET LOCAL jit = off`] as const;
}

/**
 * Committees to send the week's table to, among the next `limit` candidates after `afterId` (in id order):
 * organisations above branch level with a COMMITTEE_STAFF role whose subtree had any transfer activity in the week
 * (an event, or a step's deadline falling in it). `next` is the cursor for the following batch, null at the end.
 * Each candidate is checked on its own (the subtree through the GIN index, then its events by organisation and
 * time), which stops at the first sign of activity: cheap for a busy province and for a quiet branch committee alike.
 */
export async function activeCommittees(
  db: Tx,
  week: Pick<Week, "start" | "end">,
  afterId: number,
  limit: number,
): Promise<{ committees: number[]; next: number | null }> {
  const { start, end } = week;
  const rows = await db.$queryRaw<{ id: number; active: boolean }[]>`
    WITH candidates AS (
      SELECT c.id FROM organisations c
      WHERE c.level <> 'BRANCH' AND c.id > ${afterId}
        AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.org_id = c.id AND r.role = 'COMMITTEE_STAFF')
      ORDER BY c.id
      LIMIT ${limit}
    )
    SELECT c.id,
           EXISTS (
             SELECT 1 FROM organisations o
             WHERE o.ancestor_ids @> ARRAY[c.id]
               AND (EXISTS (SELECT 1 FROM transfer_events e WHERE e.org_id = o.id AND e.at >= ${start} AND e.at < ${end})
                    OR EXISTS (SELECT 1 FROM transfer_steps s
                               WHERE s.org_id = o.id AND s.due_at >= ${start} AND s.due_at < ${end}))
           ) AS active
    FROM candidates c
    ORDER BY c.id`;
  return {
    committees: rows.filter((r) => r.active).map((r) => r.id),
    next: rows.length === limit ? rows.at(-1)!.id : null,
  };
}
