// The monthly reminder's schedule: a cron pattern in the configured zone, under a fixed scheduler id, so every
// process may upsert it at start and a changed day or hour replaces the old schedule.
import type { Config } from "../../bot/config.ts";
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";
import { reminderCron } from "../../bot/features/dues/reminders/rules.ts";

export const DUES_SCHEDULER_ID = "dues-reminder-monthly";

export async function upsertDuesSchedule(
  queues: Queues,
  config: Pick<Config, "DUES_REMINDER_DAY" | "DUES_REMINDER_HOUR" | "TZ">,
) {
  await queues.dues.upsertJobScheduler(
    DUES_SCHEDULER_ID,
    { pattern: reminderCron(config.DUES_REMINDER_DAY, config.DUES_REMINDER_HOUR), tz: config.TZ },
    {
      name: "monthly",
      data: jobSchemas.dues.parse({ task: "monthly" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
