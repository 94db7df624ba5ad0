// Fans a notice out in ranges of member ids, two ranges at a time (../range-lanes.ts). The job's cursor is the
// highest id below which every range is done: a retry after a crash resumes there, a range re-run writes nothing
// twice (unique keys), and the rows are written HELD, so whatever happens to Redis the feeder queues them.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { chaseBatch, fanoutRanges, type MemberRange, sendBatch } from "../../bot/features/notices/fanout.ts";
import { runRangeLanes } from "../range-lanes.ts";

export const NOTICE_BATCH = 10_000;
export const NOTICE_LANES = 2;

export function createNoticeProcessor(deps: CoreDeps, batchSize = NOTICE_BATCH, lanes = NOTICE_LANES) {
  return async function processNotice(job: Job<JobData<"notices">>) {
    const { noticeId, mode } = job.data;
    const ranges = await fanoutRanges(deps.db, noticeId, mode, job.data.cursor ?? 0, batchSize);
    const write = (range: MemberRange) => {
      const now = deps.now();
      return mode === "send"
        ? sendBatch(deps.db, noticeId, range, now)
        : chaseBatch(deps.db, noticeId, range, now, job.data.chaseStamp ?? now.toISOString());
    };
    await runRangeLanes(
      ranges,
      lanes,
      write,
      () => deps.outbox.feed(deps.now()),
      (cursor) => job.updateData({ ...job.data, cursor }),
    );
    if (mode === "send") {
      await deps.db.notice.update({ where: { id: noticeId }, data: { status: "SENT", sentAt: deps.now() } });
    }
  };
}
