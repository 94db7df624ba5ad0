// Campaign jobs. "open" writes the audience's entries and opening messages in ranges of member ids, two at a time
// (../range-lanes.ts), and marks the campaign opened; "remind" writes round n's reminders to those who have not
// answered; both resume after the saved cursor and write nothing twice (unique keys). "daily" queues the reminder
// rounds due today (deterministic job ids: one round once) and closes campaigns past their closing day.
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { closeCampaign, loadCampaign, openCampaigns } from "../../bot/features/campaigns/campaign-service.ts";
import {
  answerButtons,
  campaignRanges,
  type MemberRange,
  openBatch,
  remindBatch,
} from "../../bot/features/campaigns/fanout.ts";
import { CAMPAIGN_BATCH, pastClosing, reminderRound } from "../../bot/features/campaigns/rules.ts";
import { isoDay } from "../../bot/features/leaving/leaving-service.ts";
import { localDateOf } from "../../bot/features/membership/rules.ts";
import { runRangeLanes } from "../range-lanes.ts";

export const CAMPAIGN_LANES = 2;

export function createCampaignProcessor(deps: CoreDeps, tuning: { batch?: number; lanes?: number } = {}) {
  const batch = tuning.batch ?? CAMPAIGN_BATCH;
  const lanes = tuning.lanes ?? CAMPAIGN_LANES;

  async function fanout(job: Job<JobData<"campaigns">>, campaignId: number, round: number | null) {
    const found = await loadCampaign(deps.db, campaignId);
    // Closed meanwhile (or gone): nothing more is said.
    if (found?.campaign.status !== "OPEN") return { written: 0 };
    const { campaign, kind } = found;
    const buttons = answerButtons(kind.name, campaign.id, kind.firstChoices);
    const cursor = "cursor" in job.data ? (job.data.cursor ?? 0) : 0;
    const ranges = await campaignRanges(deps.db, campaign.id, round === null ? "open" : "remind", cursor, batch);
    let written = 0;
    const write = async (range: MemberRange) => {
      const now = deps.now();
      const b =
        round === null
          ? await openBatch(deps.db, campaign, buttons, range, now)
          : await remindBatch(deps.db, campaign, buttons, round, range, now);
      written += b.written;
      return b;
    };
    await runRangeLanes(
      ranges,
      lanes,
      write,
      () => deps.outbox.feed(deps.now()),
      (c) => job.updateData({ ...(job.data as Exclude<JobData<"campaigns">, { task: "daily" }>), cursor: c }),
    );
    if (round === null) await deps.db.campaign.update({ where: { id: campaign.id }, data: { openedAt: deps.now() } });
    return { written };
  }

  async function daily(job: Job<JobData<"campaigns">>) {
    const day = ("day" in job.data && job.data.day) || isoDay(localDateOf(deps.now(), deps.config.TZ));
    if (!("day" in job.data && job.data.day)) await job.updateData({ task: "daily", day });
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const today = { year, month, day: date };
    let closed = 0;
    let rounds = 0;
    for (const { campaign, opens, closes } of await openCampaigns(deps.db)) {
      if (pastClosing(closes, today)) {
        await closeCampaign(deps, null, campaign.id);
        closed++;
        continue;
      }
      const round = reminderRound(opens, closes, campaign.remindEveryDays, today);
      // A campaign whose opening fan-out has not finished is not reminded yet.
      if (round === null || !campaign.openedAt) continue;
      await deps.timers.set("campaigns", [
        {
          id: `campaign-${campaign.id}-remind-${round}`,
          at: deps.now(),
          data: { task: "remind", campaignId: campaign.id, round },
        },
      ]);
      rounds++;
    }
    return { day, closed, rounds };
  }

  return async function processCampaign(job: Job<JobData<"campaigns">>) {
    const data = job.data;
    switch (data.task) {
      case "open":
        return fanout(job, data.campaignId, null);
      case "remind":
        return fanout(job, data.campaignId, data.round);
      case "daily":
        return daily(job);
    }
  };
}
