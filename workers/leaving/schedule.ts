// The daily 超龄 check runs every morning in the configured zone under a fixed scheduler id, so every process may
// upsert it at start and there is still one schedule.
import type { Config } from "../../bot/config.ts";
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const LEAVING_SCHEDULER_ID = "leaving-daily";
/** 10:30 every day: inside working hours, so nothing waits for quiet hours to end. */
export const LEAVING_CRON = "30 10 * * *";

export async function upsertLeavingSchedule(queues: Queues, config: Pick<Config, "TZ">) {
  await queues.leaving.upsertJobScheduler(
    LEAVING_SCHEDULER_ID,
    { pattern: LEAVING_CRON, tz: config.TZ },
    {
      name: "daily",
      data: jobSchemas.leaving.parse({ task: "daily" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
