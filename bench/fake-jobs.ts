// What bench:season and bench:monday fake around the processors: a BullMQ job (its data and updateData, nothing
// else), and the reports queue, whose committee jobs are collected in an array instead of going to Redis.
import type { Job } from "bullmq";
import type { CoreDeps } from "../bot/core/feature.ts";
import type { JobData, QueueName } from "../bot/core/queues.ts";

export const fakeJob = <T>(data: T) =>
  ({
    id: "bench",
    data,
    async updateData(next: T) {
      (this as { data: T }).data = next;
    },
  }) as unknown as Job<T & JobData<QueueName>>;

/** `queues` with the reports queue's addBulk pushing each job's data onto `committeeJobs`. */
export function collectingReports(queues: CoreDeps["queues"], committeeJobs: JobData<"reports">[]) {
  return {
    ...queues,
    reports: {
      async addBulk(jobs: { data: JobData<"reports"> }[]) {
        committeeJobs.push(...jobs.map((j) => j.data));
      },
    },
  } as unknown as CoreDeps["queues"];
}
