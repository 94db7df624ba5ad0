// Every recurring schedule, by queue and scheduler id, with the upsert that makes it. Schedules live only in Redis:
// the schedule keeper (schedule-keeper.ts) checks this list and re-creates what a flush or an empty Redis lost.
import type { Config } from "../bot/config.ts";
import type { QueueName, Queues } from "../bot/core/queues.ts";
import { upsertActivitySchedules } from "./activities/schedules.ts";
import { CAMPAIGNS_SCHEDULER_ID, upsertCampaignsSchedule } from "./campaigns/schedule.ts";
import { DUES_SCHEDULER_ID, upsertDuesSchedule } from "./dues/schedule.ts";
import { GRADUATES_SCHEDULER_ID, upsertGraduatesSchedule } from "./graduates/schedule.ts";
import { LEAVING_SCHEDULER_ID, upsertLeavingSchedule } from "./leaving/schedule.ts";
import {
  upsertOutboxFeedSchedule,
  upsertOutboxReconcileSchedule,
  upsertSlaReconcileSchedule,
} from "./maintenance/schedules.ts";
import { REPORT_SCHEDULER_ID, upsertReportSchedule } from "./reports/schedule.ts";

export interface Schedule {
  queue: QueueName;
  /** The job scheduler's id in that queue. */
  id: string;
  upsert(queues: Queues, config: Config): Promise<unknown>;
}

export const schedules: Schedule[] = [
  { queue: "maintenance", id: "reconcile-outbox", upsert: (q) => upsertOutboxReconcileSchedule(q) },
  { queue: "maintenance", id: "reconcile-sla", upsert: (q) => upsertSlaReconcileSchedule(q) },
  { queue: "maintenance", id: "feed-outbox", upsert: (q) => upsertOutboxFeedSchedule(q) },
  { queue: "activities", id: "activities-reconcile", upsert: (q) => upsertActivitySchedules(q) },
  { queue: "dues", id: DUES_SCHEDULER_ID, upsert: (q, c) => upsertDuesSchedule(q, c) },
  { queue: "graduates", id: GRADUATES_SCHEDULER_ID, upsert: (q, c) => upsertGraduatesSchedule(q, c) },
  { queue: "leaving", id: LEAVING_SCHEDULER_ID, upsert: (q, c) => upsertLeavingSchedule(q, c) },
  { queue: "campaigns", id: CAMPAIGNS_SCHEDULER_ID, upsert: (q, c) => upsertCampaignsSchedule(q, c) },
  { queue: "reports", id: REPORT_SCHEDULER_ID, upsert: (q, c) => upsertReportSchedule(q, c.TZ) },
];
