// Service-level timers, one per step and stage (timer id "sla-<stepId>-<stage>"), so setting the same timer twice
// keeps one. Only the next stage of a step is ever waiting; each stage sets the one after it when it fires, and
// the reconciler sets again any that Redis lost.
import type { CoreDeps } from "../../../core/feature.ts";
import type { Timers } from "../../../core/timers.ts";
import type { Db, Prisma } from "../../../infra/db.ts";
import { type NextTimer, nextTimers, planSelect } from "./plan.ts";

type Tx = Prisma.TransactionClient | Db;

export function slaJobId(stepId: number, stage: number): string {
  return `sla-${stepId}-${stage}`;
}

/** Sets the timers; an overdue one fires at once. Fired timers leave nothing behind in Redis. */
export async function addTimers(timers: Timers, next: NextTimer[]): Promise<void> {
  await timers.set(
    "transfer-sla",
    next.map((t) => ({ id: slaJobId(t.stepId, t.stage), at: t.dueAt, data: { stepId: t.stepId, stage: t.stage } })),
    { forgetWhenDone: true },
  );
}

export async function loadNextTimers(tx: Tx, stepIds: number[]): Promise<NextTimer[]> {
  if (!stepIds.length) return [];
  const steps = await tx.transferStep.findMany({ where: { id: { in: stepIds } }, select: planSelect });
  return nextTimers(tx, steps);
}

/**
 * After commit, for every step just started: set its first timer. Not inside the transaction (a rolled-back step
 * must not leave a timer, and a timer must not fire before its step is visible). A failure here is repaired by the
 * reconciler, so callers may log it and go on.
 */
export async function scheduleStepTimers(deps: Pick<CoreDeps, "db" | "timers">, stepIds: number[]): Promise<void> {
  await addTimers(deps.timers, await loadNextTimers(deps.db, stepIds));
}
