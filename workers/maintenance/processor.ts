// Periodic chores, one task per job; the schedules that create the jobs are in schedules.ts.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { reconcileSla } from "../transfers/reconcile-sla.ts";
import { reconcileOutbox } from "./reconcile-outbox.ts";

export function createMaintenanceProcessor(deps: CoreDeps) {
  return async function processMaintenance(job: Job<JobData<"maintenance">>) {
    switch (job.data.task) {
      case "reconcile-outbox":
        return reconcileOutbox(deps);
      case "reconcile-sla":
        return reconcileSla(deps);
      case "feed-outbox":
        return { fed: await deps.outbox.feed(deps.now()) };
    }
  };
}
