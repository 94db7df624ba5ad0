// The service-level timetable of one step. Pure.
//
// Stage k fires at k/3 of the step's service level: with the default 72 h that is a nudge at 24 h (stage 1) and
// 48 h (stage 2), escalation to the parent committee at 72 h (stage 3, the deadline) and one level higher every
// further 24 h (stage 4, 5, …). Another service level scales the same way (12 h: nudges at 4 h and 8 h, escalation
// at 12 h, 16 h, …). Business-hour steps count every interval in business hours.
import { addBusinessHours, type WorkCalendar } from "./business-hours.ts";

const HOUR = 3_600_000;

/** Stages 1 and 2 nudge the step's own leaders; stage 3 and later escalate. */
export const FIRST_ESCALATION_STAGE = 3;

export interface StepPolicy {
  startedAt: Date;
  dueAt: Date;
  slaHours: number;
  slaBusinessHours: boolean;
}

export function isNudgeStage(stage: number): boolean {
  return stage < FIRST_ESCALATION_STAGE;
}

/** Hours into the step (calendar or business, as the step counts) at which stage `stage` fires. */
export function stageHours(slaHours: number, stage: number): number {
  return (slaHours * stage) / 3;
}

/** When stage `stage` (1-based) of the step is due. The stored deadline anchors the escalations. */
export function stageDueAt(step: StepPolicy, stage: number, calendar: WorkCalendar): Date {
  if (!Number.isInteger(stage) || stage < 1) throw new RangeError(`stage must be a positive integer, got ${stage}`);
  // Thirds of an hour count are whole milliseconds (3 600 000 / 3), so no rounding creeps in.
  const anchor = stage < FIRST_ESCALATION_STAGE ? step.startedAt : step.dueAt;
  const thirds = stage < FIRST_ESCALATION_STAGE ? stage : stage - FIRST_ESCALATION_STAGE;
  if (thirds === 0) return new Date(anchor.getTime());
  const hours = stageHours(step.slaHours, thirds);
  return step.slaBusinessHours
    ? addBusinessHours(anchor, hours, calendar)
    : new Date(anchor.getTime() + (step.slaHours * thirds * HOUR) / 3);
}

/** The deadline of a step that starts now under the given policy. */
export function dueAtFor(startedAt: Date, slaHours: number, business: boolean, calendar: WorkCalendar): Date {
  return business ? addBusinessHours(startedAt, slaHours, calendar) : new Date(startedAt.getTime() + slaHours * HOUR);
}
