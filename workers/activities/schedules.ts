// The activities reconciler runs every ten minutes: a lost reminder timer is back well before its reminder is late.
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const ACTIVITY_RECONCILE_EVERY_MS = 10 * 60_000;

export async function upsertActivitySchedules(queues: Queues) {
  await queues.activities.upsertJobScheduler(
    "activities-reconcile",
    { every: ACTIVITY_RECONCILE_EVERY_MS },
    {
      name: "activities",
      data: jobSchemas.activities.parse({ task: "reconcile" }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
