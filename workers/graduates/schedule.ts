// The graduate-season reminder runs every morning in the configured zone, under a fixed scheduler id, so every
// process may upsert it at start and there is still one schedule.
import type { Config } from "../../bot/config.ts";
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const GRADUATES_SCHEDULER_ID = "graduates-daily";
/** 10:00 every day: inside working hours, so nothing waits for quiet hours to end. */
export const GRADUATES_CRON = "0 10 * * *";

export async function upsertGraduatesSchedule(queues: Queues, config: Pick<Config, "TZ">) {
  await queues.graduates.upsertJobScheduler(
    GRADUATES_SCHEDULER_ID,
    { pattern: GRADUATES_CRON, tz: config.TZ },
    {
      name: "daily",
      data: jobSchemas.graduates.parse({ task: "daily" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
