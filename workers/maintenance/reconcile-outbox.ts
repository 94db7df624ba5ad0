// PostgreSQL is the source of truth, Redis only the scheduler: rows whose job Redis never got (the process died
// between commit and dispatch) or lost (a flush, a failover) are queued again under the same job id. Re-queueing
// is always safe: the delivery processor re-reads the row and does nothing for a row that is done, finishes one
// whose outcome Redis kept while PostgreSQL was down (send-marks.ts), and never sends again one whose send began
// (SENDING, PostgreSQL's record made before the platform was called): it waits for that send's worker to record the
// answer, then calls it "outcome unknown". So a send in flight when Redis loses its data goes out once.
//
// It keeps up with the platform: each run re-queues up to what the platform can take before the next run (the
// pacer's budget, with room to spare), walking the rows by id from where the last run stopped (keyset, never
// OFFSET), so a lost queue of N messages is back in the queue in about N / rate seconds, however large N.
import type { CoreDeps } from "../../bot/core/feature.ts";
import { deliveryQueueName, outboxJobId } from "../../bot/core/queues.ts";
import type { Platform } from "../../bot/infra/db.ts";
import { RECONCILE_EVERY_MS } from "./schedules.ts";

/** A younger PENDING row may still be on its way to the queue (dispatch runs right after commit). */
export const RECONCILE_GRACE_MS = 30_000;
/**
 * A QUEUED row has been handed to the queue in the same breath as its commit (a fan-out's batch): a few seconds
 * are enough, and queueing it twice would be harmless anyway (same job id).
 */
export const QUEUED_GRACE_MS = 5_000;
/** Queued rows looked at per database read and per burst of job-state calls. */
const PAGE = 1_000;
/** More than the platform can send before the next run, so a run never leaves the queue empty. */
const BUDGET_HEADROOM = 1.5;
/** A run looks at most this many budgets' worth of rows (most have their job) before leaving the rest to the next. */
const SCAN_BUDGETS = 4;

export interface ReconcileReport {
  /** PENDING rows queued (they had no job). */
  pending: number;
  /** QUEUED or SENDING rows looked at, and how many of them were queued again. */
  checked: number;
  requeued: number;
}

/** Rows one run may queue: what Telegram's limit lets through until the next run, with headroom; RECONCILE_BATCH at least. */
export function reconcileBudget(config: CoreDeps["config"], everyMs = RECONCILE_EVERY_MS): number {
  const platformCan = Math.ceil((config.TELEGRAM_SENDS_PER_SECOND * everyMs * BUDGET_HEADROOM) / 1000);
  return Math.max(config.RECONCILE_BATCH, platformCan);
}

export async function reconcileOutbox(deps: CoreDeps, budget = reconcileBudget(deps.config)): Promise<ReconcileReport> {
  const { db, redis, queues, config, outbox } = deps;
  const now = deps.now().getTime();
  const select = { id: true, messageKey: true, identity: { select: { platform: true } } } as const;
  type Row = { id: bigint; messageKey: string; identity: { platform: Platform } };
  const toQueue = (rows: Row[]) =>
    outbox.requeue(rows.map((r) => ({ id: r.id, platform: r.identity.platform, messageKey: r.messageKey })));

  // Never dispatched: every one of them needs a job. Oldest first; they leave PENDING, so the next run moves on.
  const pending = await db.outboxMessage.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now - RECONCILE_GRACE_MS) } },
    orderBy: { id: "asc" },
    take: budget,
    select,
  });
  // Queued (or mid-send): most have their job. A cursor walks through them page by page, carried from run to run,
  // so a backlog of a million rows is checked in full over successive runs without any one run growing.
  const cursorKey = `${config.REDIS_PREFIX}:reconcile-outbox:cursor`;
  let cursor = BigInt((await redis.get(cursorKey)) ?? "0");
  let checked = 0;
  let requeued = 0;
  const room = budget - pending.length;
  for (;;) {
    const page = await db.outboxMessage.findMany({
      where: {
        status: { in: ["QUEUED", "SENDING"] },
        createdAt: { lt: new Date(now - QUEUED_GRACE_MS) },
        id: { gt: cursor },
      },
      orderBy: { id: "asc" },
      take: PAGE,
      select,
    });
    checked += page.length;
    const lost: Row[] = [];
    await Promise.all(
      page.map(async (row) => {
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
    lost.sort((a, b) => (a.id < b.id ? -1 : 1));
    const take = lost.slice(0, Math.max(0, room - requeued));
    if (take.length) await toQueue(take);
    requeued += take.length;
    // Where this run stops: after the last row it queued when the budget ran out mid-page, else after the page.
    const stoppedEarly = take.length < lost.length;
    const last = stoppedEarly ? take.at(-1) : page.at(-1);
    if (page.length < PAGE && !stoppedEarly) {
      cursor = 0n;
      break;
    }
    cursor = last?.id ?? cursor;
    if (stoppedEarly || requeued >= room || checked >= SCAN_BUDGETS * budget) break;
  }
  await redis.set(cursorKey, String(cursor));

  // After the walk, so the rows it queues now are not counted as checked too.
  if (pending.length) {
    await toQueue(pending);
    await db.outboxMessage.updateMany({
      where: { id: { in: pending.map((r) => r.id) }, status: "PENDING" },
      data: { status: "QUEUED" },
    });
  }

  const report = { pending: pending.length, checked, requeued };
  if (report.pending || report.requeued) deps.logger.info(report, "outbox reconciled");
  return report;
}
