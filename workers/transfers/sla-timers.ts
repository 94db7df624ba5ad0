// Service-level timers are BullMQ delayed jobs, one per step and stage (job id "sla-<stepId>-<stage>"), so adding
// the same timer twice keeps one job. Only the next stage of a step is ever in Redis; each stage schedules the
// one after it when it fires, and the reconciler re-creates any that Redis lost.
import type { JobsOptions } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { Db, Prisma } from "../../bot/infra/db.ts";
import { jobSchemas, type Queues } from "../queues.ts";
import { type NextTimer, nextTimers, planSelect } from "./sla-plan.ts";

type Tx = Prisma.TransactionClient | Db;

export function slaJobId(stepId: number, stage: number): string {
  return `sla-${stepId}-${stage}`;
}

/** Fired timers leave nothing behind (100k open steps would otherwise keep 100k finished jobs in Redis). */
const timerJobOptions: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } };

/** Adds the timers as delayed jobs; an overdue one runs now. */
export async function addTimers(queues: Queues, timers: NextTimer[], now: Date): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < timers.length; i += CHUNK) {
    const jobs = timers.slice(i, i + CHUNK).map((t) => ({
      name: "transfer-sla" as const,
      data: jobSchemas["transfer-sla"].parse({ stepId: t.stepId, stage: t.stage }),
      opts: {
        ...timerJobOptions,
        jobId: slaJobId(t.stepId, t.stage),
        delay: Math.max(0, t.dueAt.getTime() - now.getTime()),
      },
    }));
    await queues["transfer-sla"].addBulk(jobs);
  }
}

export async function loadNextTimers(tx: Tx, stepIds: number[]): Promise<NextTimer[]> {
  if (!stepIds.length) return [];
  const steps = await tx.transferStep.findMany({ where: { id: { in: stepIds } }, select: planSelect });
  return nextTimers(tx, steps);
}

/**
 * After commit, for every step just started: queue its first timer. Not inside the transaction (a rolled-back step
 * must not leave a timer, and a timer must not fire before its step is visible). A failure here is repaired by the
 * reconciler, so callers may log it and go on.
 */
export async function scheduleStepTimers(deps: CoreDeps, stepIds: number[]): Promise<void> {
  const timers = await loadNextTimers(deps.db, stepIds);
  await addTimers(deps.queues, timers, deps.now());
}
