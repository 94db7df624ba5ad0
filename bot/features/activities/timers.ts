// The activity's jobs: the publish fan-out (a job now) and the two reminders (timers). Ids are deterministic (the reminder's
// id names the start time it was planned for), so scheduling twice schedules once, and a timer planned for a
// start that has since moved finds a different start when it fires and does nothing.

import type { CoreDeps } from "../../core/feature.ts";
import { enqueue } from "../../core/queues.ts";
import { REMINDER_STAGES, type ReminderStage, reminderAt, reminderTiming } from "./rules.ts";

export const publishJobId = (activityId: number) => `activity-${activityId}-publish`;
export const reminderJobId = (activityId: number, stage: ReminderStage, startsAt: Date) =>
  `activity-${activityId}-remind-${stage}-${startsAt.getTime()}`;

type Deps = Pick<CoreDeps, "queues" | "timers" | "now">;

export async function schedulePublish(deps: Deps, activityId: number) {
  await enqueue(deps.queues, "activities", { task: "publish", activityId }, { jobId: publishJobId(activityId) });
}

/** Timers for the reminders still ahead (or due now); those already too late are left out. */
export async function scheduleReminders(deps: Deps, activity: { id: number; startsAt: Date }) {
  const now = deps.now();
  const due = REMINDER_STAGES.filter((stage) => reminderTiming(stage, activity.startsAt, now) !== "late");
  await deps.timers.set(
    "activities",
    due.map((stage) => ({
      id: reminderJobId(activity.id, stage, activity.startsAt),
      at: reminderAt(stage, activity.startsAt),
      data: { task: "remind" as const, activityId: activity.id, stage, startsAt: activity.startsAt.toISOString() },
    })),
  );
}

/** Removes waiting reminder timers (a moved or cancelled activity); one already running re-reads and stops. */
export async function dropReminders(deps: Deps, activityId: number, startsAt: Date) {
  for (const stage of REMINDER_STAGES) {
    await deps.timers.cancel("activities", reminderJobId(activityId, stage, startsAt)).catch(() => 0);
  }
}
