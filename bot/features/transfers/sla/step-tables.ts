// Where each kind of step lives: the one step machine reads transfer steps and 入团 steps from their own tables with
// the same clock fields (`planSelect`).
import type { SlaStepKind } from "../../../core/queues.ts";
import { type Db, Prisma } from "../../../infra/db.ts";
import { readFact } from "../../../infra/facts.ts";
import { jsonTime } from "../../../infra/utc-values.ts";
import { type PlanStep, planSelect } from "./plan.ts";

type Tx = Prisma.TransactionClient | Db;

export const SLA_STEP_KINDS: readonly SlaStepKind[] = ["transfer", "join"];

const TABLE: Record<SlaStepKind, string> = { transfer: "transfer_steps", join: "join_steps" };

// `planSelect`'s fields and their columns, the same in both tables.
const PLAN = {
  id: "id",
  status: "status",
  startedAt: "started_at",
  dueAt: "due_at",
  slaHours: "sla_hours",
  slaBusinessHours: "sla_business_hours",
  slaStage: "sla_stage",
  escalationLevel: "escalation_level",
} as const satisfies Record<Exclude<keyof PlanStep, "org">, string>;

const planColumns = Object.entries(PLAN)
  .map(([field, column]) => `'${field}', s.${column}`)
  .join(", ");

/**
 * Steps of a kind by id, each with its organisation's ancestors: one statement, where Prisma's select with the
 * organisation was two (every step a workflow starts is read here after commit, to set its first timer).
 */
export function planStepsById(tx: Tx, kind: SlaStepKind, ids: number[]): Promise<PlanStep[]> {
  return readFact(tx, {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object(${Prisma.raw(planColumns)},
               'org', json_build_object('ancestorIds', o.ancestor_ids)) ORDER BY s.id), '[]')
      FROM ${Prisma.raw(TABLE[kind])} s JOIN organisations o ON o.id = s.org_id
      WHERE s.id = ANY(${ids}::int[])`,
    parse: (value) =>
      (value as (Omit<PlanStep, "startedAt" | "dueAt"> & { startedAt: string; dueAt: string })[]).map((step) => ({
        ...step,
        startedAt: jsonTime(step.startedAt),
        dueAt: jsonTime(step.dueAt),
      })),
  });
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
