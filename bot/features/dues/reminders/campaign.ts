// The monthly dues reminder, one batch per statement: who owes is worked out in SQL for the whole batch (paid
// months counted per member from the (member, month) index, never one query per member), and the outbox rows and
// the members' reminded-at stamps commit with it. Re-running a batch writes nothing twice (dedupe keys) and skips
// whoever was reminded in the last week. Batches are ranges of ids, so memory stays flat at any size.
// Counting owed months is most of the work, so it is done once a month per member: the members' pass also keeps
// those 3+ months behind in `dues_arrears`, and the leaders' lists are built from that.
import { type Db, Prisma } from "../../../infra/db.ts";
import { DUES_LAPSE_RISK_MONTHS, DUES_OVERDUE_WARN_MONTHS } from "../../membership/rules.ts";
import type { Month } from "../months.ts";
import { owedCountSql } from "../owed.ts";
import { LIST_LIMIT, REMIND_INTERVAL_MS } from "./rules.ts";

export const REMINDER_MESSAGE = "duesleaders-reminder";
export const BRANCH_ARREARS_MESSAGE = "duesleaders-arrears-branch";
export const COMMITTEE_RISK_MESSAGE = "duesleaders-risk-committee";

/** Ids with lo < id <= hi (members in the first phase, organisations in the second). */
export interface IdRange {
  lo: number;
  hi: number;
}

export interface CampaignBatch {
  /** Members (or leaders' lists) the batch found owing. */
  found: number;
  /** Outbox rows written, HELD: `outbox.feed` queues them as the platform can take them. */
  written: number;
}

export interface CampaignTime {
  month: Month;
  now: Date;
  /** Quiet hours: rows are held until then (the delivery worker would hold them too). */
  notBefore: Date;
}

type BatchRow = { n: bigint | number; written: bigint | number };

const toBatch = (row: BatchRow): CampaignBatch => ({ found: Number(row.n), written: Number(row.written) });

/** How many outbox rows the batch's `outbox` step wrote. */
const WRITTEN = Prisma.raw("(SELECT count(*) FROM outbox) AS written");

/** The monthly amount in force now for member `m`, as `monthlyDues` in ../rules.ts. */
const rateJoin = (now: Date) => Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT CASE WHEN r.fixed_fen IS NOT NULL THEN r.fixed_fen
                ELSE LEAST((COALESCE(m.monthly_income_fen, 0)::bigint * COALESCE(r.rate_per_10k, 0) / 1000000) * 100,
                           COALESCE(r.cap_fen, 2147483647))::int END AS fen
      FROM dues_rates r
     WHERE r.category = m.dues_category AND r.effective_from <= ${now}
       AND (r.income_from_fen IS NULL OR COALESCE(m.monthly_income_fen, 0) >= r.income_from_fen)
       AND (r.income_to_fen IS NULL OR COALESCE(m.monthly_income_fen, 0) < r.income_to_fen)
     ORDER BY r.effective_from DESC LIMIT 1
  ) rate ON true`;

/** Cuts the ids (all above `after`) into ranges of about `size`: every size-th id, and the last. */
async function ranges(db: Db, ids: Prisma.Sql, after: number, size: number): Promise<IdRange[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM (${ids}) s) r
    WHERE n % ${size} = 0 OR n = total ORDER BY id`;
  return rows.map(({ id }, i) => ({ lo: i === 0 ? after : rows[i - 1]!.id, hi: id }));
}

export function memberRanges(db: Db, after: number, size: number): Promise<IdRange[]> {
  return ranges(db, Prisma.sql`SELECT id FROM members WHERE status = 'ACTIVE' AND id > ${after}`, after, size);
}

export function orgRanges(db: Db, after: number, size: number): Promise<IdRange[]> {
  return ranges(db, Prisma.sql`SELECT id FROM organisations WHERE id > ${after}`, after, size);
}

/** Earlier months' snapshots go when a month's members' pass begins. */
export async function clearOtherMonths(db: Db, month: Month): Promise<void> {
  await db.$executeRaw`DELETE FROM dues_arrears WHERE month <> ${month}::int`;
}

/**
 * After the members' pass: the planner learns how many members it kept (autovacuum may be off, or not yet round),
 * so the lists join them to the members by key, not by reading every member once per range.
 */
export async function analyseArrears(db: Db): Promise<void> {
  await db.$executeRaw`ANALYZE dues_arrears`;
}

/**
 * Reminders to the members of a range who owe and were not reminded in the last week; and every member of the
 * range 3+ months behind (reminded lately or not) kept in `dues_arrears` for the leaders' lists.
 */
export async function remindBatch(db: Db, { lo, hi }: IdRange, time: CampaignTime): Promise<CampaignBatch> {
  const { month, now, notBefore } = time;
  const remindedBefore = new Date(now.getTime() - REMIND_INTERVAL_MS);
  const buttons = JSON.stringify([[{ labelKey: "duesleaders-button-my-dues", payload: "go:dues.status" }]]);
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH scanned AS (
      SELECT m.id, m.org_id, ${owedCountSql(month)} AS owed, COALESCE(rate.fen, 0) AS fen,
             COALESCE(m.last_org_life_at > ${now}::timestamp - make_interval(months => ${DUES_LAPSE_RISK_MONTHS}::int),
                      false) AS recent_life,
             (m.dues_reminded_at IS NULL OR m.dues_reminded_at <= ${remindedBefore}) AS remindable
        FROM members m ${rateJoin(now)}
       WHERE m.id > ${lo} AND m.id <= ${hi} AND m.status = 'ACTIVE'
    ), arrears AS (
      INSERT INTO dues_arrears (month, member_id, org_id, owed, recent_life)
      SELECT ${month}::int, s.id, s.org_id, s.owed, s.recent_life FROM scanned s
       WHERE s.owed >= ${DUES_OVERDUE_WARN_MONTHS}::int
      ON CONFLICT (month, member_id) DO UPDATE
        SET org_id = EXCLUDED.org_id, owed = EXCLUDED.owed, recent_life = EXCLUDED.recent_life
    ), due AS (
      SELECT * FROM scanned WHERE owed > 0 AND remindable
    ), targets AS (
      SELECT d.id AS member_id, d.owed, d.fen, ci.id AS identity_id, ci.platform FROM due d
      JOIN chat_identities ci ON ci.member_id = d.id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${REMINDER_MESSAGE},
             jsonb_build_object('months', t.owed, 'owedFen', t.owed * t.fen, 'month', ${month}::int),
             ${buttons}::jsonb,
             'dues-reminder:' || ${month}::int || ':member:' || t.member_id || ':identity:' || t.identity_id,
             'HELD', ${notBefore}, ${now}
        FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    ), stamped AS (
      UPDATE members SET dues_reminded_at = ${now}
       WHERE id IN (SELECT t.member_id FROM outbox x JOIN targets t ON t.identity_id = x.identity_id)
    )
    SELECT (SELECT count(*) FROM due) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}

/**
 * The members' pass's count for the active members of organisations in a range, 3 or more months behind, and
 * whether they took part in organisational life (an activity check-in) in the last six months: 自行脱团 needs both
 * six months without dues and without organisational life, so such a member is behind with dues but not at risk.
 */
const flaggedIn = (month: Month, orgFilter: Prisma.Sql) => Prisma.sql`
  SELECT m.id, m.code, m.name, a.org_id, a.owed, a.recent_life
    FROM dues_arrears a JOIN members m ON m.id = a.member_id AND m.status = 'ACTIVE'
   WHERE a.month = ${month}::int AND ${orgFilter}`;

/** 6+ months behind and no organisational life in six months. */
const AT_RISK = Prisma.sql`f.owed >= ${DUES_LAPSE_RISK_MONTHS}::int AND NOT f.recent_life`;

/** "编号 姓名 月数" lines, worst first, at most LIST_LIMIT. */
const listOf = (filter: Prisma.Sql, extra = Prisma.empty) => Prisma.sql`
  array_to_string((array_agg(f.code || ' ' || f.name || ' ' || f.owed ${extra}
                             ORDER BY f.owed DESC, f.code) FILTER (WHERE ${filter}))[1:${Prisma.raw(String(LIST_LIMIT))}], E'\n')`;

/**
 * Each organisation of the range with members 3+ months behind: one message to its 团支书 listing them, those at
 * 6+ marked as 脱团 risk. Nothing about a member's status changes: leaders decide.
 */
export async function branchArrearsBatch(db: Db, { lo, hi }: IdRange, time: CampaignTime): Promise<CampaignBatch> {
  const { month, now, notBefore } = time;
  const risk = AT_RISK;
  const warn = Prisma.sql`NOT (${AT_RISK})`;
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH flagged AS (${flaggedIn(month, Prisma.sql`a.org_id > ${lo} AND a.org_id <= ${hi}`)}),
    lists AS (
      SELECT f.org_id,
             count(*) FILTER (WHERE ${warn})::int AS warn, count(*) FILTER (WHERE ${risk})::int AS risk,
             COALESCE(${listOf(warn)}, '') AS warn_list, COALESCE(${listOf(risk)}, '') AS risk_list
        FROM flagged f GROUP BY f.org_id
    ), targets AS (
      SELECT l.*, o.name AS org_name, ci.id AS identity_id, ci.platform FROM lists l
      JOIN organisations o ON o.id = l.org_id
      JOIN role_assignments ra ON ra.org_id = l.org_id AND ra.role = 'BRANCH_SECRETARY'
      JOIN chat_identities ci ON ci.member_id = ra.member_id AND NOT ci.blocked
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${BRANCH_ARREARS_MESSAGE},
             jsonb_build_object('org', t.org_name, 'orgId', t.org_id, 'month', ${month}::int,
                                'warn', t.warn, 'risk', t.risk, 'warnList', t.warn_list, 'riskList', t.risk_list,
                                'warnMore', GREATEST(0, t.warn - ${LIST_LIMIT}::int),
                                'riskMore', GREATEST(0, t.risk - ${LIST_LIMIT}::int)),
             'dues-arrears:' || ${month}::int || ':org:' || t.org_id || ':identity:' || t.identity_id,
             'HELD', ${notBefore}, ${now}
        FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM lists) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}

/**
 * Each committee of the range (an organisation with committee staff) hears of the members 6+ months behind in
 * the organisations it is the nearest staffed committee above: the parent committee of their branch.
 */
export async function committeeRiskBatch(db: Db, { lo, hi }: IdRange, time: CampaignTime): Promise<CampaignBatch> {
  const { month, now, notBefore } = time;
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH staffed AS MATERIALIZED (
      SELECT COALESCE(array_agg(DISTINCT org_id), '{}') AS ids FROM role_assignments WHERE role = 'COMMITTEE_STAFF'
    ), committees AS MATERIALIZED (
      SELECT ARRAY(SELECT u FROM staffed, unnest(staffed.ids) u WHERE u > ${lo} AND u <= ${hi}) AS ids
    ), nearest AS MATERIALIZED (
      -- Each organisation below a committee of the range, once, with its nearest staffed committee above it.
      SELECT o.id AS org_id, o.name AS org_name,
             (SELECT u.aid FROM unnest(o.ancestor_ids) WITH ORDINALITY AS u(aid, ord)
               WHERE u.aid <> o.id AND u.aid = ANY(s.ids) ORDER BY u.ord DESC LIMIT 1) AS committee_id
        FROM organisations o, staffed s, committees c
       WHERE o.ancestor_ids && c.ids
    ), covered AS MATERIALIZED (
      SELECT n.* FROM nearest n, committees c WHERE n.committee_id = ANY(c.ids)
    ), flagged AS (
      SELECT c.committee_id, c.org_name, f.* FROM covered c
      JOIN (${flaggedIn(month, Prisma.sql`a.org_id IN (SELECT org_id FROM covered)`)}) f ON f.org_id = c.org_id
      WHERE ${AT_RISK}
    ), lists AS (
      SELECT f.committee_id, count(*)::int AS risk,
             COALESCE(${listOf(Prisma.sql`true`, Prisma.sql`|| ' ' || f.org_name`)}, '') AS risk_list
        FROM flagged f GROUP BY f.committee_id
    ), targets AS (
      SELECT l.*, o.name AS org_name, ci.id AS identity_id, ci.platform FROM lists l
      JOIN organisations o ON o.id = l.committee_id
      JOIN role_assignments ra ON ra.org_id = l.committee_id AND ra.role = 'COMMITTEE_STAFF'
      JOIN chat_identities ci ON ci.member_id = ra.member_id AND NOT ci.blocked
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${COMMITTEE_RISK_MESSAGE},
             jsonb_build_object('org', t.org_name, 'orgId', t.committee_id, 'month', ${month}::int,
                                'risk', t.risk, 'riskList', t.risk_list,
                                'riskMore', GREATEST(0, t.risk - ${LIST_LIMIT}::int)),
             'dues-risk:' || ${month}::int || ':org:' || t.committee_id || ':identity:' || t.identity_id,
             'HELD', ${notBefore}, ${now}
        FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM lists) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}
