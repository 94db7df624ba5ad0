// PostgreSQL is the source of truth for the service level: every PENDING step should have its next stage's timer
// in Redis. Timers Redis never got (the process died between commit and scheduling) or lost (a flush, a failover)
// are added again under the same job id; an overdue one runs at once. Re-adding is always safe: the processor claims
// a stage with a conditional update, so a stage fires once however many of its jobs run.
import type { CoreDeps } from "../../bot/core/feature.ts";
import { nextTimers } from "../../bot/features/transfers/sla/plan.ts";
import { pendingStepsAfter, SLA_STEP_KINDS } from "../../bot/features/transfers/sla/step-tables.ts";
import { addTimers, slaJobId } from "../../bot/features/transfers/sla/timers.ts";

/** Steps read per query; the whole open set is walked every run (100k steps take a few seconds). */
export const RECONCILE_SLA_CHUNK = 2000;

export interface SlaReconcileReport {
  /** PENDING steps looked at. */
  checked: number;
  /** Timers added because Redis had none (or only a finished job) for the step's next stage. */
  restored: number;
}

export async function reconcileSla(deps: CoreDeps, chunk = RECONCILE_SLA_CHUNK): Promise<SlaReconcileReport> {
  const { db, queues, redis } = deps;
  const queue = queues["transfer-sla"];
  const report: SlaReconcileReport = { checked: 0, restored: 0 };
  // Every kind of step, each from its own table.
  for (const kind of SLA_STEP_KINDS) {
    let cursor = 0;
    for (;;) {
      const steps = await pendingStepsAfter(db, kind, cursor, chunk);
      if (!steps.length) break;
      cursor = steps.at(-1)!.id;
      report.checked += steps.length;
      const timers = await nextTimers(db, steps, kind);
      // One round trip per chunk: a job's hash exists while it waits, is delayed or runs; `finishedOn` on it means it
      // ended without being removed (failed for good), so it is run again.
      const pipeline = redis.pipeline();
      for (const t of timers) pipeline.hget(queue.toKey(slaJobId(t.stepId, t.stage, kind)), "finishedOn");
      for (const t of timers) pipeline.exists(queue.toKey(slaJobId(t.stepId, t.stage, kind)));
      const replies = (await pipeline.exec()) ?? [];
      const missing = timers.filter((_, i) => {
        const finishedOn = replies[i]?.[1];
        const exists = replies[timers.length + i]?.[1];
        return exists === 0 || (finishedOn !== null && finishedOn !== undefined);
      });
      for (const t of missing) {
        // A finished job keeps its id; it has to go before the same id can be added again.
        await queue.remove(slaJobId(t.stepId, t.stage, kind));
      }
      if (missing.length) await addTimers(deps.timers, missing);
      report.restored += missing.length;
      if (steps.length < chunk) break;
    }
  }
  if (report.restored) deps.logger.info(report, "sla timers reconciled");
  return report;
}
