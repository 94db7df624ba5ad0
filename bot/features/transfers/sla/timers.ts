// Service-level timers, one per step and stage (timer id "sla-<stepId>-<stage>" for a transfer step,
// "sla-<kind>-<stepId>-<stage>" for another kind), so setting the same timer twice keeps one. Only the next stage of a
// step is ever waiting; each stage sets the one after it when it fires, and the reconciler sets again any that Redis
// lost.
import type { CoreDeps } from "../../../core/feature.ts";
import type { SlaStepKind } from "../../../core/queues.ts";
import type { Timers } from "../../../core/timers.ts";
import type { Db, Prisma } from "../../../infra/db.ts";
import { type NextTimer, nextTimers } from "./plan.ts";
import { planStepsById } from "./step-tables.ts";

type Tx = Prisma.TransactionClient | Db;

export function slaJobId(stepId: number, stage: number, kind: SlaStepKind = "transfer"): string {
  return kind === "transfer" ? `sla-${stepId}-${stage}` : `sla-${kind}-${stepId}-${stage}`;
}

/** Sets the timers; an overdue one fires at once. Fired timers leave nothing behind in Redis. */
export async function addTimers(timers: Timers, next: NextTimer[]): Promise<void> {
  await timers.set(
    "transfer-sla",
    next.map((t) => ({
      id: slaJobId(t.stepId, t.stage, t.kind),
      at: t.dueAt,
      data: { stepId: t.stepId, stage: t.stage, ...(t.kind && t.kind !== "transfer" ? { kind: t.kind } : {}) },
    })),
    { forgetWhenDone: true },
  );
}

export async function loadNextTimers(tx: Tx, stepIds: number[], kind: SlaStepKind = "transfer"): Promise<NextTimer[]> {
  if (!stepIds.length) return [];
  return nextTimers(tx, await planStepsById(tx, kind, stepIds), kind);
}

/**
 * After commit, for every step just started: set its first timer. Not inside the transaction (a rolled-back step
 * must not leave a timer, and a timer must not fire before its step is visible). A failure here is repaired by the
 * reconciler, so callers may log it and go on.
 */
export async function scheduleStepTimers(
  deps: Pick<CoreDeps, "db" | "timers">,
  stepIds: number[],
  kind: SlaStepKind = "transfer",
): Promise<void> {
  await addTimers(deps.timers, await loadNextTimers(deps.db, stepIds, kind));
}
