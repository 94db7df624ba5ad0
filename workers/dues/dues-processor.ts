// The monthly dues reminder. The schedule's `monthly` job queues the month's campaign under a job id of its own, so
// however often it fires the month runs once. The campaign walks the members in ranges (two at a time, as the
// notice fan-out: PostgreSQL does the work), then the organisations for the leaders' lists, built from the members
// the first phase found 3+ months behind. The job's cursor is the highest id below which every range is done: a
// retry resumes there, and a re-run writes nothing twice.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import { enqueue, type JobData } from "../../bot/core/queues.ts";
import { monthOf } from "../../bot/features/dues/months.ts";
import {
  analyseArrears,
  branchArrearsBatch,
  type CampaignBatch,
  type CampaignTime,
  clearOtherMonths,
  committeeRiskBatch,
  type IdRange,
  memberRanges,
  orgRanges,
  remindBatch,
} from "../../bot/features/dues/reminders/campaign.ts";
import { campaignJobId } from "../../bot/features/dues/reminders/rules.ts";
import { nextAllowedTime } from "../delivery/quiet-hours.ts";
import { runRangeLanes } from "../range-lanes.ts";

export const DUES_MEMBER_BATCH = 10_000;
export const DUES_ORG_BATCH = 500;
export const DUES_LANES = 2;

export interface DuesTuning {
  memberBatch?: number;
  orgBatch?: number;
  lanes?: number;
}

type CampaignData = Extract<JobData<"dues">, { task: "campaign" }>;

export function createDuesProcessor(deps: CoreDeps, tuning: DuesTuning = {}) {
  const memberBatch = tuning.memberBatch ?? DUES_MEMBER_BATCH;
  const orgBatch = tuning.orgBatch ?? DUES_ORG_BATCH;
  const lanes = tuning.lanes ?? DUES_LANES;
  const { config } = deps;

  /** Runs the ranges `width` at a time, saving the cursor over the unbroken run of finished ones, in order. */
  function walk(
    job: Job<JobData<"dues">>,
    ranges: IdRange[],
    width: number,
    write: (range: IdRange) => Promise<CampaignBatch>,
  ) {
    return runRangeLanes(
      ranges,
      width,
      write,
      () => deps.outbox.feed(deps.now()),
      (cursor) => job.updateData({ ...(job.data as CampaignData), cursor }),
    );
  }

  async function campaign(job: Job<JobData<"dues">>, data: CampaignData) {
    const now = deps.now();
    const time: CampaignTime = {
      month: data.month,
      now,
      notBefore: nextAllowedTime(now, { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END }, config.TZ),
    };
    if ((data.phase ?? "members") === "members") {
      await clearOtherMonths(deps.db, data.month);
      const ranges = await memberRanges(deps.db, data.cursor ?? 0, memberBatch);
      await walk(job, ranges, lanes, (r) => remindBatch(deps.db, r, time));
      await analyseArrears(deps.db);
      await job.updateData({ ...data, phase: "orgs", cursor: 0 });
    }
    const after = (job.data as CampaignData).phase === "orgs" ? ((job.data as CampaignData).cursor ?? 0) : 0;
    const ranges = await orgRanges(deps.db, after, orgBatch);
    await walk(job, ranges, lanes, async (r) => {
      const branch = await branchArrearsBatch(deps.db, r, time);
      const committee = await committeeRiskBatch(deps.db, r, time);
      return { found: branch.found + committee.found, written: branch.written + committee.written };
    });
  }

  return async function processDues(job: Job<JobData<"dues">>) {
    const data = job.data;
    if (data.task === "monthly") {
      const month = monthOf(deps.now(), config.TZ);
      await enqueue(deps.queues, "dues", { task: "campaign", month }, { jobId: campaignJobId(month) });
      return { month };
    }
    await campaign(job, data);
    return { month: data.month };
  };
}
