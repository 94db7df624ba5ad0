// A committee's child organisations by dues collection this year, each rolled up over its whole subtree: months
// paid over months due (from January or joining, to this month), in one set-based query.
import type { Db, Prisma } from "../../../infra/db.ts";
import { DUES_OVERDUE_WARN_MONTHS } from "../../membership/rules.ts";
import { type Month, monthOf } from "../months.ts";
import { owedCountSql } from "../owed.ts";
import { monthIndex } from "../reminders/rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface ChildRate {
  id: number;
  name: string;
  members: number;
  due: number;
  paid: number;
  /** Members owing 3 months or more (dues/owed.ts). */
  owing3: number;
}

export async function childRates(db: Tx, orgId: number, now: Date, timeZone: string) {
  const current: Month = monthOf(now, timeZone);
  const january = Math.floor(current / 100) * 100 + 1;
  const rows = await db.$queryRaw<ChildRate[]>`
    WITH kids AS (
      SELECT id, name FROM organisations WHERE parent_id = ${orgId}
    ), scoped AS (
      SELECT k.id AS child_id, m.id, ${owedCountSql(current)} AS owed,
             (EXTRACT(YEAR FROM m.joined_at)::int * 100 + EXTRACT(MONTH FROM m.joined_at)::int) AS start_month,
             (EXTRACT(YEAR FROM m.joined_at)::int * 12 + EXTRACT(MONTH FROM m.joined_at)::int - 1) AS start_idx
        FROM kids k
        JOIN organisations o ON o.ancestor_ids @> ARRAY[k.id]
        JOIN members m ON m.org_id = o.id AND m.status = 'ACTIVE'
    ), per AS (
      SELECT s.child_id, s.id,
             GREATEST(0, ${monthIndex(current)}::int - GREATEST(s.start_idx, ${monthIndex(january)}::int) + 1) AS due,
             p.paid_year, s.owed
        FROM scoped s
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE d.month >= GREATEST(s.start_month, ${january}::int))::int AS paid_year
            FROM dues_months d
           WHERE d.member_id = s.id AND d.month >= s.start_month AND d.month <= ${current}::int
        ) p
    )
    SELECT k.id, k.name, count(per.id)::int AS members,
           COALESCE(sum(per.due), 0)::int AS due, COALESCE(sum(per.paid_year), 0)::int AS paid,
           (count(*) FILTER (WHERE per.owed >= ${DUES_OVERDUE_WARN_MONTHS}::int))::int AS owing3
      FROM kids k LEFT JOIN per ON per.child_id = k.id
     GROUP BY k.id, k.name`;
  return { current, rows };
}
