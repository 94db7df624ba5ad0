// Every queue by name, with the shape of its jobs. Jobs carry ids, never personal data.
import { type JobsOptions, Queue, type QueueOptions } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { PlatformName } from "./types.ts";

/** Send one outbox row. Job id = "outbox-<rowId>" (`outboxJobId`), so a row is queued at most once. */
export const outboxJobSchema = z.object({ outboxId: z.string().regex(/^\d+$/) });

/**
 * A daily pass over the members: `day` (yyyy-mm-dd in TZ) is fixed on the first attempt so a retry after midnight
 * finishes the same day; `cursor` is the last member id done.
 */
const dailyMemberPass = z.object({
  task: z.literal("daily"),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  cursor: z.number().int().nonnegative().optional(),
});

export const jobSchemas = {
  // One delivery queue per platform: each has its own rate limit (a 429 from Telegram slows Telegram only), and a
  // process runs the delivery worker only of the platforms it can send on (a WeChat session lives in one process).
  "delivery-telegram": outboxJobSchema,
  "delivery-wechat": outboxJobSchema,
  "delivery-wechat_oa": outboxJobSchema,
  "delivery-console": outboxJobSchema,
  /** Fan a notice out to its audience (or chase those who have not read it), batch by batch. */
  notices: z.object({
    noticeId: z.number().int().positive(),
    mode: z.enum(["send", "chase"]),
    chaseStamp: z.string().optional(),
    /** Last member id done; a retried job resumes after it. */
    cursor: z.number().int().nonnegative().optional(),
  }),
  /** Activities: publish fan-out, the 24 h / 1 h reminders (planned for one start time), and re-creating lost timers. */
  activities: z.discriminatedUnion("task", [
    z.object({
      task: z.literal("publish"),
      activityId: z.number().int().positive(),
      /** Last member id done; a retried job resumes after it. */
      cursor: z.number().int().nonnegative().optional(),
    }),
    z.object({
      task: z.literal("remind"),
      activityId: z.number().int().positive(),
      stage: z.enum(["24h", "1h"]),
      startsAt: z.iso.datetime(),
    }),
    z.object({ task: z.literal("reconcile") }),
  ]),
  /** Periodic chores: the reconcilers re-queue rows and timers Redis lost. */
  maintenance: z.object({ task: z.enum(["reconcile-outbox", "reconcile-sla", "feed-outbox"]) }),
  /**
   * A step's service-level timer: stage 1, 2 nudge, 3… escalate. One step machine for every kind of step: a transfer
   * step (no kind; job id "sla-<stepId>-<stage>") or a 入团 step (kind "join"; "sla-join-<stepId>-<stage>").
   */
  "transfer-sla": z.object({
    stepId: z.number().int().positive(),
    stage: z.number().int().positive(),
    kind: z.enum(["transfer", "join"]).optional(),
  }),
  /**
   * Weekly league tables. "weekly": find the committees with activity in the week (after `cursor`, a committee id)
   * and queue one "committee" job each, job id "report-<week>-<orgId>". Weeks are named by their Monday (yyyy-mm-dd).
   */
  reports: z.discriminatedUnion("task", [
    z.object({
      task: z.literal("weekly"),
      week: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      cursor: z.number().int().nonnegative().optional(),
    }),
    z.object({
      task: z.literal("committee"),
      orgId: z.number().int().positive(),
      week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  ]),
  /**
   * The monthly dues reminder. `monthly` comes from the schedule and queues the month's campaign once (job id
   * "dues-reminder-<yyyymm>"); the campaign goes through the members, then the organisations (leaders' lists),
   * and a retried job resumes after `cursor` in its `phase`.
   */
  dues: z.discriminatedUnion("task", [
    z.object({ task: z.literal("monthly") }),
    z.object({
      task: z.literal("campaign"),
      month: z.number().int().min(190001).max(999912),
      phase: z.enum(["members", "orgs"]).optional(),
      cursor: z.number().int().nonnegative().optional(),
    }),
  ]),
  /**
   * Graduate season, daily: reminders to graduates of branches with a graduation date this season.
   */
  graduates: dailyMemberPass,
  /**
   * 超龄离团, daily: members turning 28 within three months, or 28 and over, are told once per stage (dedupe keys).
   */
  leaving: dailyMemberPass,
  /**
   * Campaigns (团籍注册, …). "open": write the audience's entries and opening messages (job id
   * "campaign-<id>-open"); "remind": round n's reminders to those not done ("campaign-<id>-remind-<n>"); both resume
   * after `cursor`, a member id. "daily" (the schedule): queue the reminder rounds due today and close campaigns
   * past their closing day.
   */
  campaigns: z.discriminatedUnion("task", [
    z.object({
      task: z.literal("open"),
      campaignId: z.number().int().positive(),
      cursor: z.number().int().nonnegative().optional(),
    }),
    z.object({
      task: z.literal("remind"),
      campaignId: z.number().int().positive(),
      round: z.number().int().positive(),
      cursor: z.number().int().nonnegative().optional(),
    }),
    z.object({
      task: z.literal("daily"),
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
  ]),
} as const;

export type QueueName = keyof typeof jobSchemas;
/** The kinds of step the service-level machine runs (the timer's `kind`; absent = transfer). */
export type SlaStepKind = "transfer" | "join";

export type JobData<Q extends QueueName> = z.infer<(typeof jobSchemas)[Q]>;
export const queueNames = Object.keys(jobSchemas) as QueueName[];

export type DeliveryQueueName = `delivery-${PlatformName}`;
/** Takes the core's name ("telegram") or the database's enum ("TELEGRAM"). */
export function deliveryQueueName(platform: PlatformName | Uppercase<PlatformName>): DeliveryQueueName {
  return `delivery-${platform.toLowerCase() as PlatformName}`;
}
export function outboxJobId(outboxId: bigint | string): string {
  return `outbox-${outboxId}`;
}

/** BullMQ's production guide: keep finished jobs bounded, retry with backoff. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function queueOptions(connection: Redis, prefix: string): QueueOptions {
  // The braces make one Redis Cluster hash slot per deployment, which BullMQ needs on a cluster.
  return { connection, prefix: `{${prefix}}`, defaultJobOptions };
}

export type Queues = { [Q in QueueName]: Queue<JobData<Q>> } & { close(): Promise<void> };

export function createQueues(connection: Redis, prefix: string): Queues {
  const opts = queueOptions(connection, prefix);
  const entries = queueNames.map((name) => [name, new Queue(name, opts)] as const);
  const queues = Object.fromEntries(entries) as unknown as Queues;
  queues.close = async () => {
    await Promise.all(entries.map(([, q]) => q.close()));
  };
  return queues;
}

/** Validates before enqueueing, so a bad job fails at its source rather than in a worker hours later. */
export async function enqueue<Q extends QueueName>(
  queues: Queues,
  name: Q,
  data: JobData<Q>,
  opts: JobsOptions & { jobId: string },
) {
  const parsed = jobSchemas[name].parse(data) as JobData<Q>;
  // biome-ignore lint/suspicious/noExplicitAny: BullMQ's generic name parameter cannot be expressed per queue here.
  return (queues[name] as Queue<any>).add(name, parsed, opts);
}

/** Queues outbox rows on their platform's delivery queue. A row already queued keeps its job (same job id). */
export async function enqueueDeliveries(
  queues: Queues,
  rows: { id: bigint; platform: PlatformName | Uppercase<PlatformName> }[],
  opts: JobsOptions = {},
) {
  const byQueue = new Map<DeliveryQueueName, bigint[]>();
  for (const row of rows) {
    const name = deliveryQueueName(row.platform);
    const ids = byQueue.get(name) ?? [];
    ids.push(row.id);
    byQueue.set(name, ids);
  }
  for (const [name, ids] of byQueue) {
    const jobs = ids.map((id) => ({
      name,
      data: outboxJobSchema.parse({ outboxId: String(id) }),
      opts: { ...opts, jobId: outboxJobId(id) },
    }));
    await queues[name].addBulk(jobs);
  }
}
