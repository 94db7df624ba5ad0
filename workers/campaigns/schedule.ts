// The daily campaign pass runs every morning in the configured zone under a fixed scheduler id, so every process
// may upsert it at start and there is still one schedule.
import type { Config } from "../../bot/config.ts";
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const CAMPAIGNS_SCHEDULER_ID = "campaigns-daily";
/** 09:30 every day: reminders land in working hours, never waiting out the night. */
export const CAMPAIGNS_CRON = "30 9 * * *";

export async function upsertCampaignsSchedule(queues: Queues, config: Pick<Config, "TZ">) {
  await queues.campaigns.upsertJobScheduler(
    CAMPAIGNS_SCHEDULER_ID,
    { pattern: CAMPAIGNS_CRON, tz: config.TZ },
    {
      name: "daily",
      data: jobSchemas.campaigns.parse({ task: "daily" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
