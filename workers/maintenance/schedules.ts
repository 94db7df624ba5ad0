// The maintenance schedules. `upsertJobScheduler` with a fixed id: every process may run this at start (and the
// schedule keeper whenever one is missing) and there is still one schedule.
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const RECONCILE_EVERY_MS = 60_000;
/** Broadcasts' HELD rows are handed to the delivery queues this often (bot/core/outbox.ts `feed`). */
export const FEED_EVERY_MS = 10_000;
/** Service-level timers: a lost one is restored within this (each run walks every open step). */
export const RECONCILE_SLA_EVERY_MS = 5 * 60_000;

type Task = "reconcile-outbox" | "reconcile-sla" | "feed-outbox";

function upsertTask(queues: Queues, task: Task, every: number) {
  return queues.maintenance.upsertJobScheduler(
    task,
    { every },
    { name: task, data: jobSchemas.maintenance.parse({ task }), opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}

export const upsertOutboxReconcileSchedule = (queues: Queues) =>
  upsertTask(queues, "reconcile-outbox", RECONCILE_EVERY_MS);
export const upsertOutboxFeedSchedule = (queues: Queues) => upsertTask(queues, "feed-outbox", FEED_EVERY_MS);
export const upsertSlaReconcileSchedule = (queues: Queues) =>
  upsertTask(queues, "reconcile-sla", RECONCILE_SLA_EVERY_MS);
