// Runs the queues' processors in this process (RUN_WORKERS=1 inside `npm start`, or `npm run workers`).
// A delivery worker runs only for the platforms this process has a sender for: the others' jobs wait in their own
// queue for the process that can send them.
import { type Job, type Processor, type Queue, Worker, type WorkerOptions } from "bullmq";
import type { CoreDeps, Feature, MessageHooks } from "../bot/core/feature.ts";
import { deliveryQueueName, type QueueName } from "../bot/core/queues.ts";
import type { ChannelSender, PlatformName } from "../bot/core/types.ts";
import { features as allFeatures } from "../bot/features/index.ts";
import { withLogContext } from "../bot/infra/logger.ts";
import { createRedis } from "../bot/infra/redis.ts";
import { quitRedis } from "../bot/lifecycle.ts";
import { createActivityProcessor } from "./activities/activity-processor.ts";
import { createCampaignProcessor } from "./campaigns/campaign-processor.ts";
import { createChatLimiter } from "./delivery/chat-limiter.ts";
import { createPacer } from "./delivery/pacer.ts";
import { platformLimits } from "./delivery/platform-limits.ts";
import { createDeliveryProcessor } from "./delivery/processor.ts";
import { createDuesProcessor } from "./dues/dues-processor.ts";
import { createGraduatesProcessor } from "./graduates/graduates-processor.ts";
import { createLeavingProcessor } from "./leaving/leaving-processor.ts";
import { createMaintenanceProcessor } from "./maintenance/processor.ts";
import { createNoticeProcessor } from "./notices/notice-processor.ts";
import { createReportProcessor } from "./reports/report-processor.ts";
import { type ScheduleKeeper, startScheduleKeeper } from "./schedule-keeper.ts";
import { schedules } from "./schedules.ts";
import { createSlaProcessor } from "./transfers/sla-processor.ts";

export interface RunningWorkers {
  /** The workers by queue name (tests wait on them). */
  workers: Map<QueueName, Worker>;
  /** Stops fetching, waits for the jobs in hand, then releases the connection. */
  close(): Promise<void>;
}

export interface WorkerTuning {
  /** BullMQ's job lock; a crashed worker's jobs are taken over after it lapses (default WORKER_LOCK_MS). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (default WORKER_LOCK_MS). */
  stalledIntervalMs?: number;
  /** Features whose delivery hooks apply (default: every feature). */
  features?: Feature[];
  /**
   * Also run notice fan-out and maintenance (default true). False runs delivery only: for a process that holds a
   * channel's session (WeChat) while another process (`npm run workers`) does the rest.
   */
  background?: boolean;
  /** How often the schedule keeper looks for lost schedules (default schedule-keeper.ts CHECK_EVERY_MS). */
  scheduleCheckMs?: number;
}

function hooksByMessage(features: Feature[]): Map<string, MessageHooks> {
  const hooks = new Map<string, MessageHooks>();
  for (const feature of features) {
    for (const [messageKey, h] of Object.entries(feature.delivery ?? {})) hooks.set(messageKey, h);
  }
  return hooks;
}

export async function startWorkers(
  deps: CoreDeps,
  senders: Map<PlatformName, ChannelSender>,
  tuning: WorkerTuning = {},
): Promise<RunningWorkers> {
  const { config, logger, queues } = deps;
  // BullMQ's production guide: workers get a connection of their own that retries forever
  // (maxRetriesPerRequest: null), so a Redis restart pauses them instead of failing jobs.
  const connection = createRedis(config.REDIS_URL, "worker");
  // An outage is reported once per process by the entry point's listener on the app's own client (same Redis);
  // this one only keeps ioredis from printing every reconnect attempt.
  connection.on("error", () => {});
  const base: WorkerOptions = {
    connection,
    prefix: `{${config.REDIS_PREFIX}}`,
    lockDuration: tuning.lockDurationMs ?? config.WORKER_LOCK_MS,
    stalledInterval: tuning.stalledIntervalMs ?? config.WORKER_LOCK_MS,
  };

  const limits = platformLimits(config);
  const deliver = createDeliveryProcessor(deps, {
    senders,
    queueOf: (platform) => queues[deliveryQueueName(platform)] as Queue,
    chatLimiter: createChatLimiter(deps.redis, config.REDIS_PREFIX, limits),
    pacer: createPacer(deps.redis, config.REDIS_PREFIX, limits),
    hooks: hooksByMessage(tuning.features ?? allFeatures),
  });

  const workers = new Map<QueueName, Worker>();
  let keeper: ScheduleKeeper | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: each queue's job type is checked by its own processor.
  const start = (name: QueueName, processor: Processor<any, any, any>, options: Partial<WorkerOptions> = {}) => {
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const traced = (job: Job<any>, token?: string) =>
      withLogContext({ queue: name, jobId: job.id }, () => processor(job, token));
    const worker = new Worker(name, traced, { ...base, ...options });
    const delivery = name.startsWith("delivery-") ? name.slice("delivery-".length) : null;
    // Without an error listener a lost Redis connection would be an unhandled 'error' event. During an outage the
    // entry point says it once; other errors are worth a line each.
    worker.on("error", (err) => {
      if (connection.status === "ready") logger.error({ err, queue: name }, "worker error");
    });
    worker.on("failed", (job, err) => {
      deps.metrics.jobs.inc({ queue: name, outcome: "failed" });
      if (delivery) deps.metrics.deliveries.inc({ platform: delivery, outcome: "failed" });
      logger.warn({ queue: name, jobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, "job failed");
    });
    worker.on("completed", (_job, result) => {
      deps.metrics.jobs.inc({ queue: name, outcome: "completed" });
      if (!delivery) return;
      deps.metrics.deliveries.inc({ platform: delivery, outcome: String(result) });
      if (result === "sent") deps.metrics.messagesOut.inc({ platform: delivery, kind: "proactive" });
    });
    workers.set(name, worker);
  };

  for (const platform of senders.keys()) {
    start(deliveryQueueName(platform), deliver, {
      concurrency: config.DELIVERY_CONCURRENCY,
      // The platform's cap where it has no pacer; either way a limiter is what makes BullMQ honour the manual rate
      // limit a 429 sets (queue.rateLimit).
      limiter: limits[platform].queue,
    });
  }
  if (tuning.background ?? true) {
    start("notices", createNoticeProcessor(deps), { concurrency: 2 });
    start("maintenance", createMaintenanceProcessor(deps), { concurrency: 1 });
    start("activities", createActivityProcessor(deps), { concurrency: 2 });
    start("transfer-sla", createSlaProcessor(deps), { concurrency: 20 });
    start("reports", createReportProcessor(deps), { concurrency: 2 });
    start("dues", createDuesProcessor(deps), { concurrency: 1 });
    start("graduates", createGraduatesProcessor(deps), { concurrency: 1 });
    start("leaving", createLeavingProcessor(deps), { concurrency: 1 });
    start("campaigns", createCampaignProcessor(deps), { concurrency: 1 });
    for (const schedule of schedules) await schedule.upsert(queues, config);
    // Schedules live only in Redis: re-created whenever a flush or an empty Redis has lost one.
    keeper = startScheduleKeeper(deps, schedules, connection, tuning.scheduleCheckMs);
  }

  await Promise.all([...workers.values()].map((w) => w.waitUntilReady()));
  logger.info({ queues: [...workers.keys()] }, "workers started");

  return {
    workers,
    async close() {
      // close() lets every job in hand finish (and its outcome be written) before it resolves. With Redis gone
      // nothing in hand could be finished in Redis anyway, so then the workers are closed without waiting.
      const force = connection.status !== "ready";
      keeper?.stop();
      await Promise.allSettled([...workers.values()].map((w) => w.close(force)));
      await quitRedis(connection);
    },
  };
}
