// The timers port: features ask for "this job, on this queue, at this time" and never touch BullMQ themselves.
// Behind it are delayed jobs. A timer's id is its job id, so setting the same timer twice keeps one, and
// PostgreSQL stays the truth: each feature's reconciler sets again whatever timers Redis lost.
import type { JobsOptions, Queue } from "bullmq";
import { type JobData, jobSchemas, type QueueName, type Queues } from "./queues.ts";

export interface Timer<Q extends QueueName> {
  /** Deterministic: the same id twice is one timer. */
  id: string;
  /** When the job runs; a time already past runs it at once. */
  at: Date;
  data: JobData<Q>;
}

export interface Timers {
  set<Q extends QueueName>(queue: Q, timers: Timer<Q>[], options?: { forgetWhenDone?: boolean }): Promise<void>;
  /** Removes a waiting timer; one already running is left to find that its work has gone. */
  cancel(queue: QueueName, id: string): Promise<void>;
}

/** Timers that leave nothing behind once fired (100k open transfer steps would otherwise keep 100k jobs). */
const forgetful: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } };
const CHUNK = 1000;

export function createTimers(queues: Queues, now: () => Date): Timers {
  return {
    async set(queue, timers, options = {}) {
      const start = now().getTime();
      // biome-ignore lint/suspicious/noExplicitAny: BullMQ's generic name parameter cannot be expressed per queue here.
      const target = queues[queue] as Queue<any>;
      for (let i = 0; i < timers.length; i += CHUNK) {
        const jobs = timers.slice(i, i + CHUNK).map((t) => ({
          name: queue,
          // Validated here, so a bad timer fails where it is set rather than in a worker hours later.
          data: jobSchemas[queue].parse(t.data),
          // BullMQ counts delays on the machine's clock, so only the difference from our clock crosses over.
          opts: {
            ...(options.forgetWhenDone ? forgetful : {}),
            jobId: t.id,
            delay: Math.max(0, t.at.getTime() - start),
          },
        }));
        await target.addBulk(jobs);
      }
    },
    async cancel(queue, id) {
      await queues[queue].remove(id);
    },
  };
}
