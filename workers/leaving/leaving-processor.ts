// 超龄离团, once a day: members are walked in id order, a batch per transaction. Three months before 28 (without a
// post) the member and their 团支书 are told; at 28 the 团支书 gets the confirm button; at 28 with a post the
// committee above is told. Each message has a dedupe key per stage and member, so a re-run of the day, a retry, or
// the next day's run says nothing twice. Quiet hours are the delivery worker's business (the rows are not urgent).
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { ageCheckBatch, isoDay } from "../../bot/features/leaving/leaving-service.ts";
import { localDateOf } from "../../bot/features/membership/rules.ts";

export const LEAVING_BATCH = 500;

export function createLeavingProcessor(deps: CoreDeps, tuning: { batch?: number } = {}) {
  const batch = tuning.batch ?? LEAVING_BATCH;
  return async function processLeaving(job: Job<JobData<"leaving">>) {
    const day = job.data.day ?? isoDay(localDateOf(deps.now(), deps.config.TZ));
    if (!job.data.day) await job.updateData({ ...job.data, day });
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    let cursor = job.data.cursor ?? 0;
    let sent = 0;
    for (;;) {
      const { ids, last } = await ageCheckBatch(deps, { year, month, day: date }, cursor, batch);
      if (last === null) break;
      await deps.outbox.dispatch(ids);
      sent += ids.length;
      cursor = last;
      await job.updateData({ ...job.data, day, cursor });
    }
    return { day, sent };
  };
}
