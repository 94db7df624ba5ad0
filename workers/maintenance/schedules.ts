// Recurring jobs. `upsertJobScheduler` with a fixed id: every process may run this at start and there is still
// one schedule (BullMQ's job schedulers replace the older repeatable jobs).
import { jobSchemas, type Queues } from "../../bot/core/queues.ts";

export const RECONCILE_EVERY_MS = 60_000;
/** Service-level timers: a lost one is restored within this (each run walks every open step). */
export const RECONCILE_SLA_EVERY_MS = 5 * 60_000;

export async function upsertSchedules(queues: Queues) {
  const task = "reconcile-outbox";
  await queues.maintenance.upsertJobScheduler(
    task,
    { every: RECONCILE_EVERY_MS },
    { name: task, data: jobSchemas.maintenance.parse({ task }), opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  const sla = "reconcile-sla";
  await queues.maintenance.upsertJobScheduler(
    sla,
    { every: RECONCILE_SLA_EVERY_MS },
    {
      name: sla,
      data: jobSchemas.maintenance.parse({ task: sla }),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
