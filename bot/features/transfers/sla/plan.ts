// What a pending step's next service-level timer is: which stage, when, or none (the escalation chain reached the
// province). Shared by the scheduler after a step starts, the processor after a stage fires, and the reconciler —
// for every kind of step (a transfer's, a 入团 application's): they share the clock's fields and their names.

import type { SlaStepKind } from "../../../core/queues.ts";
import type { Db, OrgLevel, Prisma, StepStatus } from "../../../infra/db.ts";
import { loadWorkCalendar } from "./calendar.ts";
import { isEscalationLevel } from "./escalation.ts";
import { FIRST_ESCALATION_STAGE, stageDueAt } from "./stages.ts";

type Tx = Prisma.TransactionClient | Db;

export const planSelect = {
  id: true,
  status: true,
  startedAt: true,
  dueAt: true,
  slaHours: true,
  slaBusinessHours: true,
  slaStage: true,
  escalationLevel: true,
  org: { select: { ancestorIds: true } },
} as const;

/** What the timetable needs of a step, whatever its kind (`planSelect` of its table). */
export interface PlanStep {
  id: number;
  status: StepStatus;
  startedAt: Date;
  dueAt: Date;
  slaHours: number;
  slaBusinessHours: boolean;
  slaStage: number;
  escalationLevel: number;
  org: { ancestorIds: number[] };
}

export interface NextTimer {
  stepId: number;
  stage: number;
  dueAt: Date;
  /** Absent: a transfer step. */
  kind?: SlaStepKind;
}

function canEscalateTo(level: OrgLevel | undefined): boolean {
  return level !== undefined && isEscalationLevel(level);
}

/** The ancestor `levelsUp` above the step's organisation (1 = parent), from root..self ids. */
export function ancestorAt(ancestorIds: number[], levelsUp: number): number | undefined {
  return levelsUp < 1 ? undefined : ancestorIds[ancestorIds.length - 1 - levelsUp];
}

/** The next timer of each PENDING step (steps that are done or at the top of their chain have none). */
export async function nextTimers(tx: Tx, steps: PlanStep[], kind: SlaStepKind = "transfer"): Promise<NextTimer[]> {
  const pending = steps.filter((s) => s.status === "PENDING");
  if (!pending.length) return [];
  // The level of the organisation one above each step's current escalation decides whether a chain goes on.
  const aboveIds = new Set<number>();
  for (const s of pending) {
    const id = ancestorAt(s.org.ancestorIds, s.escalationLevel + 1);
    if (id !== undefined && s.slaStage + 1 >= FIRST_ESCALATION_STAGE) aboveIds.add(id);
  }
  const levels = new Map(
    aboveIds.size
      ? (
          await tx.organisation.findMany({ where: { id: { in: [...aboveIds] } }, select: { id: true, level: true } })
        ).map((o) => [o.id, o.level])
      : [],
  );
  const business = pending.filter((s) => s.slaBusinessHours);
  const earliest = business.reduce<Date | null>((d, s) => (!d || s.startedAt < d ? s.startedAt : d), null);
  const calendar = earliest ? await loadWorkCalendar(tx, earliest) : new Map<string, boolean>();

  const timers: NextTimer[] = [];
  for (const s of pending) {
    const stage = s.slaStage + 1;
    if (stage >= FIRST_ESCALATION_STAGE) {
      const above = ancestorAt(s.org.ancestorIds, s.escalationLevel + 1);
      if (above === undefined || !canEscalateTo(levels.get(above))) continue;
    }
    timers.push({
      stepId: s.id,
      stage,
      dueAt: stageDueAt(s, stage, calendar),
      ...(kind === "transfer" ? {} : { kind }),
    });
  }
  return timers;
}
