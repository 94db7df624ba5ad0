// The Monday tables' figures, computed once a week instead of once per committee. The weekly job reads the event log
// once for every organisation (transfer-stats.ts's statement, grouping "all") and stores each organisation's own
// figures with its response times (report_week_facts); each committee's job then rolls its subtree up from that
// small table. One statement over the log per week however many committees there are, where a committee's own
// statement would scan its subtree's events again (about 0.1–0.2 s each, 665 committees at 100,000 graduates).
// Medians and P90s stay exact: the response times themselves are stored, and percentiles are taken over them.
// The facts are as of one moment, the first try's: stored with the week, so a retried job and every committee's
// table read the same figures (the on-demand /report reads the live log instead: report-service.ts).
import { type Db, Prisma } from "../../infra/db.ts";
import {
  factsSql,
  type GroupFigures,
  type Grouping,
  REPORT_TRANSACTION,
  readsInOnePass,
  reportSettings,
  scopeSql,
} from "./transfer-stats.ts";
import type { Week } from "./week.ts";

/** Weeks of facts kept: a table is only ever built for the week just past, so a few are plenty for late retries. */
export const FACTS_WEEKS_KEPT = 5;

/**
 * The week's facts, written if they are not yet (with `asOf` as their moment), in one transaction with the week's
 * row: a second caller — a retry, or a committee job racing the weekly one — waits on that row and writes nothing.
 * Returns the moment the stored facts are as of. Deletes weeks older than FACTS_WEEKS_KEPT when it writes.
 */
export async function ensureWeekFacts(db: Db, week: Pick<Week, "start" | "end" | "key">, asOf: Date): Promise<Date> {
  const day = Prisma.sql`${week.key}::date`;
  // Every committee's job asks after the weekly job wrote them: one read, where the transaction below is four
  // statements. The week's row commits with its facts, so a row seen means the facts are there.
  const [written] = await db.$queryRaw<{ asOf: Date }[]>`SELECT as_of AS "asOf" FROM report_weeks WHERE week = ${day}`;
  if (written) return written.asOf;
  return db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ asOf: Date }[]>`
      INSERT INTO report_weeks (week, as_of) VALUES (${day}, ${asOf}) ON CONFLICT (week) DO NOTHING
      RETURNING as_of AS "asOf"`;
    if (!claimed) {
      const [stored] = await tx.$queryRaw<
        { asOf: Date }[]
      >`SELECT as_of AS "asOf" FROM report_weeks WHERE week = ${day}`;
      return stored!.asOf;
    }
    for (const setting of reportSettings(tx)) await setting;
    const all: Grouping = { kind: "all" };
    // Escalations to nobody (the top of a chain) have no organisation: no row, as no committee's table counts them.
    await tx.$executeRaw`
      INSERT INTO report_week_facts (week, org_id, received, within_sla, breaches, escalations, hours)
      ${factsSql(all, week, asOf, await readsInOnePass(tx, all))}
      SELECT ${day}, grp, sum(received), sum(within_sla), sum(breach), sum(escalation),
             COALESCE(array_agg(hours::float8 ORDER BY hours) FILTER (WHERE hours IS NOT NULL), '{}')
      FROM facts WHERE grp IS NOT NULL
      GROUP BY grp
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      DELETE FROM report_weeks WHERE week < ${day} - ${FACTS_WEEKS_KEPT * 7}::int`;
    return claimed.asOf;
  }, REPORT_TRANSACTION);
}

/**
 * A committee's children's figures from the week's stored facts, with the grand-total row (orgId null): the same rows
 * as `weekFigures(db, grouping, week, asOf, { total: true })` at the facts' moment.
 */
export async function factsFigures(
  db: Db,
  grouping: Extract<Grouping, { kind: "children" }>,
  week: Pick<Week, "key">,
): Promise<GroupFigures[]> {
  // Each organisation's row is joined to its response times, one row each (one, with none, when it has none): its
  // counts are summed from its first such row only, and the percentiles pool the times of the whole group.
  return db.$queryRaw<GroupFigures[]>`
    WITH scope AS (${scopeSql(grouping)})
    SELECT sc.grp AS "orgId",
           sum(f.received) FILTER (WHERE u.i IS NULL OR u.i = 1)::int AS received,
           sum(f.within_sla) FILTER (WHERE u.i IS NULL OR u.i = 1)::int AS "withinSla",
           count(u.h)::int AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY u.h) AS "medianHours",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY u.h) AS "p90Hours",
           sum(f.breaches) FILTER (WHERE u.i IS NULL OR u.i = 1)::int AS breaches,
           sum(f.escalations) FILTER (WHERE u.i IS NULL OR u.i = 1)::int AS escalations
    FROM report_week_facts f
    JOIN scope sc ON sc.id = f.org_id
    LEFT JOIN LATERAL unnest(f.hours) WITH ORDINALITY AS u(h, i) ON true
    WHERE f.week = ${week.key}::date
    GROUP BY GROUPING SETS ((sc.grp), ())`;
}
