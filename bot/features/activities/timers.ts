// The activity's jobs in BullMQ: the publish fan-out and the two reminders. Ids are deterministic (the reminder's
// id names the start time it was planned for), so scheduling twice schedules once, and a timer planned for a
// start that has since moved finds a different start when it fires and does nothing.

import { enqueue } from "../../../workers/queues.ts";
import type { CoreDeps } from "../../core/feature.ts";
import { REMINDER_STAGES, type ReminderStage, reminderAt, reminderTiming } from "./rules.ts";

export const publishJobId = (activityId: number) => `activity-${activityId}-publish`;
export const reminderJobId = (activityId: number, stage: ReminderStage, startsAt: Date) =>
  `activity-${activityId}-remind-${stage}-${startsAt.getTime()}`;

type Deps = Pick<CoreDeps, "queues" | "now">;

export async function schedulePublish(deps: Deps, activityId: number) {
  await enqueue(deps.queues, "activities", { task: "publish", activityId }, { jobId: publishJobId(activityId) });
}

/** Timers for the reminders still ahead (or due now); those already too late are left out. */
export async function scheduleReminders(deps: Deps, activity: { id: number; startsAt: Date }) {
  const now = deps.now();
  for (const stage of REMINDER_STAGES) {
    if (reminderTiming(stage, activity.startsAt, now) === "late") continue;
    const delay = Math.max(0, reminderAt(stage, activity.startsAt).getTime() - now.getTime());
    await enqueue(
      deps.queues,
      "activities",
      { task: "remind", activityId: activity.id, stage, startsAt: activity.startsAt.toISOString() },
      { jobId: reminderJobId(activity.id, stage, activity.startsAt), delay },
    );
  }
}

/** Removes waiting reminder timers (a moved or cancelled activity); one already running re-reads and stops. */
export async function dropReminders(deps: Deps, activityId: number, startsAt: Date) {
  for (const stage of REMINDER_STAGES) {
    await deps.queues.activities.remove(reminderJobId(activityId, stage, startsAt)).catch(() => 0);
  }
}
