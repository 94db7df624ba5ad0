// The Monday league tables. A "weekly" job (from the schedule) computes every organisation's figures for the week
// just past once (bot/features/reports/week-facts.ts), finds the committees whose subtree had transfer activity in
// the week (and those running an open campaign), a batch at a time, and queues one "committee" job each; that job
// rolls its subtree up from the week's figures, draws the chart and writes one outbox row per staff member. The
// weekly job's cursor (the last committee queued) is saved after each batch, so a retry resumes (and finds the
// week's figures written); job ids and outbox dedupe keys are per committee and week, so nothing is sent twice
// however often either job runs.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import { type JobData, jobSchemas } from "../../bot/core/queues.ts";
import { sendWeeklyLeague } from "../../bot/features/reports/report-service.ts";
import { activeCommittees } from "../../bot/features/reports/transfer-stats.ts";
import { lastFullWeek, weekByKey } from "../../bot/features/reports/week.ts";
import { ensureWeekFacts } from "../../bot/features/reports/week-facts.ts";

export const COMMITTEE_BATCH = 500;

export const reportJobId = (week: string, orgId: number) => `report-${week}-${orgId}`;

export function createReportProcessor(deps: CoreDeps, batchSize = COMMITTEE_BATCH) {
  const timeZone = deps.config.TZ;
  return async function processReport(job: Job<JobData<"reports">>) {
    const data = job.data;
    if (data.task === "committee") {
      const written = await sendWeeklyLeague(deps, data.orgId, weekByKey(data.week, timeZone));
      return { written: written.length };
    }
    // The week is fixed at the first try, so a retry late on Monday night still reports the same week.
    const week = data.week ? weekByKey(data.week, timeZone) : lastFullWeek(deps.now(), timeZone);
    let cursor = data.cursor ?? 0;
    if (!data.week) await job.updateData({ task: "weekly", week: week.key, cursor });
    // Every organisation's figures for the week, once (a retry finds them written), for the committee jobs to roll up.
    await ensureWeekFacts(deps.db, week, deps.now());
    let queued = 0;
    for (;;) {
      const { committees, next } = await activeCommittees(deps.db, week, cursor, batchSize);
      if (committees.length) {
        await deps.queues.reports.addBulk(
          committees.map((orgId) => ({
            name: "reports",
            data: jobSchemas.reports.parse({ task: "committee", orgId, week: week.key }),
            opts: { jobId: reportJobId(week.key, orgId) },
          })),
        );
      }
      queued += committees.length;
      if (next === null) break;
      cursor = next;
      await job.updateData({ task: "weekly", week: week.key, cursor });
    }
    // Committees running an open campaign get their table for its second part even in a week without transfers
    // (the same job ids: a committee already queued above is not queued twice).
    const running = await deps.db.campaign.findMany({
      where: { status: "OPEN", openedAt: { not: null }, org: { level: { not: "BRANCH" } } },
      distinct: ["orgId"],
      select: { orgId: true },
    });
    if (running.length) {
      await deps.queues.reports.addBulk(
        running.map(({ orgId }) => ({
          name: "reports",
          data: jobSchemas.reports.parse({ task: "committee", orgId, week: week.key }),
          opts: { jobId: reportJobId(week.key, orgId) },
        })),
      );
    }
    deps.logger.info({ week: week.key, committees: queued, campaigns: running.length }, "weekly league tables queued");
    return { week: week.key, queued };
  };
}
