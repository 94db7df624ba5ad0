// Where each kind of step lives: the one step machine reads transfer steps and 入团 steps from their own tables with
// the same clock fields (`planSelect`).
import type { SlaStepKind } from "../../../core/queues.ts";
import type { Db, Prisma } from "../../../infra/db.ts";
import { type PlanStep, planSelect } from "./plan.ts";

type Tx = Prisma.TransactionClient | Db;

export const SLA_STEP_KINDS: readonly SlaStepKind[] = ["transfer", "join"];

/** Steps of a kind by id. */
export async function planStepsById(tx: Tx, kind: SlaStepKind, ids: number[]): Promise<PlanStep[]> {
  const where = { id: { in: ids } };
  return kind === "join"
    ? tx.joinStep.findMany({ where, select: planSelect })
    : tx.transferStep.findMany({ where, select: planSelect });
}

/** The next `take` PENDING steps of a kind after id `cursor`, in id order (the reconciler's walk). */
export async function pendingStepsAfter(tx: Tx, kind: SlaStepKind, cursor: number, take: number): Promise<PlanStep[]> {
  const args = {
    where: { status: "PENDING" as const, id: { gt: cursor } },
    orderBy: { id: "asc" as const },
    take,
    select: planSelect,
  };
  return kind === "join" ? tx.joinStep.findMany(args) : tx.transferStep.findMany(args);
}
