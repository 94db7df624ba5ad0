// Running campaign jobs in a test, on the app's clock, as the worker would.
import type { Job } from "bullmq";
import type { JobData } from "../../../bot/core/queues.ts";
import { createCampaignProcessor } from "../../../workers/campaigns/campaign-processor.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export function campaignJobs(app: TestApp, tuning: { batch?: number } = {}) {
  const run = (data: JobData<"campaigns">) => {
    const job = {
      data,
      async updateData(next: JobData<"campaigns">) {
        job.data = next;
      },
    } as unknown as Job<JobData<"campaigns">>;
    return createCampaignProcessor(app.deps, { batch: tuning.batch ?? 3 })(job);
  };
  return {
    open: (campaignId: number) => run({ task: "open", campaignId }),
    remind: (campaignId: number, round: number) => run({ task: "remind", campaignId, round }),
    /** The morning pass of `day` (the clock moved to 09:30 in China that day). */
    daily(day: string) {
      app.clock.set(new Date(`${day}T09:30:00+08:00`));
      return run({ task: "daily" });
    },
  };
}
