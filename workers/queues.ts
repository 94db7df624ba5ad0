// Every queue by name, with the shape of its jobs. Jobs carry ids, never personal data.
import { type JobsOptions, Queue, type QueueOptions } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";

export const jobSchemas = {
  /** Send one outbox row. Job id = "outbox-<rowId>", so a row is queued at most once. */
  delivery: z.object({ outboxId: z.string().regex(/^\d+$/) }),
  /** Periodic chores: the reconciler re-queues rows Redis lost. */
  maintenance: z.object({ task: z.enum(["reconcile-outbox"]) }),
} as const;

export type QueueName = keyof typeof jobSchemas;
export type JobData<Q extends QueueName> = z.infer<(typeof jobSchemas)[Q]>;
export const queueNames = Object.keys(jobSchemas) as QueueName[];

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
