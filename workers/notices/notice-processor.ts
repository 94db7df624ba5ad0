// Fans a notice out batch by batch. The cursor is saved on the job after each committed batch, so a retry after
// a crash resumes there; a batch re-run writes nothing twice (unique keys), and rows written but never queued
// are picked up by the outbox reconciler.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import { chaseBatch, sendBatch } from "../../bot/features/notices/fanout.ts";
import type { JobData } from "../queues.ts";

export const NOTICE_BATCH = 2_000;

export function createNoticeProcessor(deps: CoreDeps, batchSize = NOTICE_BATCH) {
  return async function processNotice(job: Job<JobData<"notices">>) {
    const { noticeId, mode } = job.data;
    let cursor = job.data.cursor ?? 0;
    for (;;) {
      const now = deps.now();
      const batch =
        mode === "send"
          ? await sendBatch(deps.db, noticeId, cursor, batchSize, now)
          : await chaseBatch(deps.db, noticeId, cursor, batchSize, now, job.data.chaseStamp ?? now.toISOString());
      await deps.outbox.dispatch(batch.outboxIds);
      if (batch.lastMemberId === null) break;
      cursor = batch.lastMemberId;
      await job.updateData({ ...job.data, cursor });
    }
    if (mode === "send") {
      await deps.db.notice.update({ where: { id: noticeId }, data: { status: "SENT", sentAt: deps.now() } });
    }
  };
}
