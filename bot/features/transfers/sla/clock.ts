// Starts a step's service-level clock: the policy in force now is stored on the step and used to its end, so a
// later change to the organisation's setting never moves a running deadline.
import type { Db, Prisma } from "../../../infra/db.ts";
import { loadWorkCalendar } from "./calendar.ts";
import { dueAtFor } from "./stages.ts";

type Tx = Prisma.TransactionClient | Db;

export interface StepClock {
  slaHours: number;
  slaBusinessHours: boolean;
  dueAt: Date;
}

/** The organisation's policy (its own hours or `defaultHours`, business hours or not) and the step's deadline. */
export async function startClock(tx: Tx, orgId: number, startedAt: Date, defaultHours: number): Promise<StepClock> {
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: orgId },
    select: { slaHours: true, slaBusinessHours: true },
  });
  return clockFor(tx, org, startedAt, defaultHours);
}

/** `startClock` for a caller that read the organisation's policy with what else it needed of it. */
export async function clockFor(
  tx: Tx,
  org: { slaHours: number | null; slaBusinessHours: boolean },
  startedAt: Date,
  defaultHours: number,
): Promise<StepClock> {
  const slaHours = org.slaHours ?? defaultHours;
  const slaBusinessHours = org.slaBusinessHours;
  const calendar = slaBusinessHours ? await loadWorkCalendar(tx, startedAt) : new Map<string, boolean>();
  return { slaHours, slaBusinessHours, dueAt: dueAtFor(startedAt, slaHours, slaBusinessHours, calendar) };
}
