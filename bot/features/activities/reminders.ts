// The 24 h and 1 h reminders, and re-creating timers Redis lost. A timer re-reads the activity before it sends:
// cancelled, moved (its planned start is not the activity's start any more) or too late means nothing is sent;
// the dedupe key (activity, stage, start, identity) makes a re-run send nothing twice.
import type { CoreDeps } from "../../core/feature.ts";
import { messageArgs, notifySignups, REMINDER_MESSAGES } from "./notify.ts";
import { type ReminderStage, reminderAt, reminderTiming } from "./rules.ts";
import { publishJobId, schedulePublish, scheduleReminders } from "./timers.ts";

export type ReminderOutcome =
  | { kind: "sent"; outbox: number }
  | { kind: "early"; waitMs: number }
  | { kind: "stale" | "late" | "cancelled" };

export async function sendReminder(
  deps: CoreDeps,
  activityId: number,
  stage: ReminderStage,
  plannedStart: string,
): Promise<ReminderOutcome> {
  const activity = await deps.db.activity.findUnique({ where: { id: activityId } });
  if (activity?.status !== "PUBLISHED") return { kind: "cancelled" };
  if (activity.startsAt.getTime() !== new Date(plannedStart).getTime()) return { kind: "stale" };
  const now = deps.now();
  const timing = reminderTiming(stage, activity.startsAt, now);
  if (timing === "early")
    return { kind: "early", waitMs: reminderAt(stage, activity.startsAt).getTime() - now.getTime() };
  if (timing === "late") return { kind: "late" };
  const ids = await notifySignups(deps.db, activityId, ["CONFIRMED"], {
    messageKey: REMINDER_MESSAGES[stage],
    args: messageArgs(deps, activityId),
    // The hour before the start is no time to wait for quiet hours to end.
    urgent: stage === "1h",
    dedupe: `activity:${activityId}:remind:${stage}:${activity.startsAt.getTime()}`,
  });
  await deps.outbox.dispatch(ids);
  return { kind: "sent", outbox: ids.length };
}

/** How far back a publish job is looked for: finished jobs are kept a day (bot/core/queues.ts). */
const PUBLISH_LOOKBACK_MS = 20 * 3600_000;
const REMINDER_LOOKAHEAD_MS = 25 * 3600_000;

/**
 * PostgreSQL is the truth, Redis the scheduler: every published activity starting within 25 h gets its reminder
 * timers again (an existing job id makes that a no-op), and a recent activity whose publish job is gone is
 * announced again (its dedupe keys keep anyone from hearing twice).
 */
export async function reconcileTimers(deps: CoreDeps): Promise<{ reminders: number; republished: number }> {
  const now = deps.now();
  const upcoming = await deps.db.activity.findMany({
    where: {
      status: "PUBLISHED",
      startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_LOOKAHEAD_MS) },
    },
    select: { id: true, startsAt: true },
  });
  for (const activity of upcoming) await scheduleReminders(deps, activity);
  const recent = await deps.db.activity.findMany({
    where: { status: "PUBLISHED", createdAt: { gte: new Date(now.getTime() - PUBLISH_LOOKBACK_MS) } },
    select: { id: true },
  });
  let republished = 0;
  for (const { id } of recent) {
    if ((await deps.queues.activities.getJobState(publishJobId(id))) !== "unknown") continue;
    await schedulePublish(deps, id);
    republished++;
  }
  return { reminders: upcoming.length, republished };
}
