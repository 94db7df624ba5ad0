// Every Monday at 09:00 in the configured time zone: the weekly league tables. One scheduler id, so every process
// may upsert it at start and there is still one schedule.
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const REPORT_SCHEDULER_ID = "reports-weekly";
export const REPORT_CRON = "0 9 * * 1";

export async function upsertReportSchedule(queues: Queues, timeZone: string) {
  await queues.reports.upsertJobScheduler(
    REPORT_SCHEDULER_ID,
    { pattern: REPORT_CRON, tz: timeZone },
    {
      name: "reports",
      data: jobSchemas.reports.parse({ task: "weekly" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
