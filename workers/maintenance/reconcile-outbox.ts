// PostgreSQL is the source of truth, Redis only the scheduler: rows whose job Redis never got (the process died
// between commit and dispatch) or lost (a flush, a failover) are queued again under the same job id. Re-queueing
// is always safe: the delivery processor re-reads the row and does nothing for a row that is done.
import type { CoreDeps } from "../../bot/core/feature.ts";
import { deliveryQueueName, enqueueDeliveries, outboxJobId } from "../../bot/core/queues.ts";

/** A younger row may still be on its way to the queue (dispatch runs right after commit). */
export const RECONCILE_GRACE_MS = 30_000;

export interface ReconcileReport {
  /** PENDING rows queued (they had no job). */
  pending: number;
  /** QUEUED or SENDING rows looked at, and how many of them were queued again. */
  checked: number;
  requeued: number;
}

export async function reconcileOutbox(deps: CoreDeps, batch = deps.config.RECONCILE_BATCH): Promise<ReconcileReport> {
  const { db, redis, queues, config } = deps;
  const cutoff = new Date(deps.now().getTime() - RECONCILE_GRACE_MS);
  const select = { id: true, status: true, identity: { select: { platform: true } } } as const;

  // Never dispatched: every one of them needs a job. Oldest first; they leave PENDING, so the next run moves on.
  const pending = await db.outboxMessage.findMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    orderBy: { id: "asc" },
    take: batch,
    select,
  });

  // Queued (or mid-send): most have their job. A cursor walks through them a batch per run, so a backlog of a
  // million rows is checked in full over successive runs without any one run growing.
  const cursorKey = `${config.REDIS_PREFIX}:reconcile-outbox:cursor`;
  const cursor = BigInt((await redis.get(cursorKey)) ?? "0");
  const queued = await db.outboxMessage.findMany({
    where: { status: { in: ["QUEUED", "SENDING"] }, createdAt: { lt: cutoff }, id: { gt: cursor } },
    orderBy: { id: "asc" },
    take: batch,
    select,
  });
  const last = queued.at(-1);
  await redis.set(cursorKey, queued.length === batch && last ? String(last.id) : "0");

  const lost: typeof queued = [];
  await Promise.all(
    queued.map(async (row) => {
      const queue = queues[deliveryQueueName(row.identity.platform)];
      const jobId = outboxJobId(row.id);
      const state = await queue.getJobState(jobId);
      if (state === "unknown") lost.push(row);
      else if (state === "completed" || state === "failed") {
        // The job ended but the row says otherwise (its outcome was never written): run it again.
        await queue.remove(jobId);
        lost.push(row);
      }
    }),
  );

  const toQueue = [...pending, ...lost].map((r) => ({ id: r.id, platform: r.identity.platform }));
  if (toQueue.length) await enqueueDeliveries(queues, toQueue);
  if (pending.length) {
    await db.outboxMessage.updateMany({
      where: { id: { in: pending.map((r) => r.id) }, status: "PENDING" },
      data: { status: "QUEUED" },
    });
  }
  const report = { pending: pending.length, checked: queued.length, requeued: lost.length };
  if (report.pending || report.requeued) deps.logger.info(report, "outbox reconciled");
  return report;
}
