// Activity jobs: the publish fan-out (ranges of member ids, cursor saved after each, so a retry resumes), the
// reminders, and the reconciler that re-creates lost timers.
import { DelayedError, type Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { publishBatch, publishRanges } from "../../bot/features/activities/fanout.ts";
import { messageArgs } from "../../bot/features/activities/notify.ts";
import { reconcileTimers, sendReminder } from "../../bot/features/activities/reminders.ts";

export const PUBLISH_BATCH = 10_000;

export function createActivityProcessor(deps: CoreDeps, batchSize = PUBLISH_BATCH) {
  return async function processActivity(job: Job<JobData<"activities">>, token?: string) {
    const data = job.data;
    switch (data.task) {
      case "publish": {
        const args = messageArgs(deps, data.activityId);
        const ranges = await publishRanges(deps.db, data.activityId, data.cursor ?? 0, batchSize);
        let written = 0;
        for (const range of ranges) {
          const batch = await publishBatch(deps.db, data.activityId, range, args, deps.now());
          await deps.outbox.feed(deps.now());
          written += batch.written;
          await job.updateData({ ...data, cursor: range.hi });
        }
        return { written };
      }
      case "remind": {
        const outcome = await sendReminder(deps, data.activityId, data.stage, data.startsAt);
        if (outcome.kind === "early") {
          // Fired before its time (clocks of two machines disagree): wait the rest as a delayed job.
          await job.moveToDelayed(Date.now() + outcome.waitMs, token);
          throw new DelayedError();
        }
        return outcome;
      }
      case "reconcile":
        return reconcileTimers(deps);
    }
  };
}
