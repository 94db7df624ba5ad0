// Graduate season, once a day: for the branches whose graduation date is in this season, graduates who have not
// started a transfer are reminded before the start deadline, and those whose transfer is not completed before the
// completion deadline. Members are walked in id order, a batch per INSERT; each reminder has a dedupe key
// (season, deadline, lead, member), so a re-run of the day — or a retry after a crash — sends nothing twice.
// Quiet hours are the delivery worker's business (the rows are not urgent).
import type { Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { OutgoingMessage } from "../../bot/core/outbox.ts";
import type { JobData } from "../../bot/core/queues.ts";
import { graduatesBatch, seasonBranches } from "../../bot/features/transfers/graduates/graduates-service.ts";
import { REMIND_COMPLETE, REMIND_START } from "../../bot/features/transfers/graduates/index.ts";
import {
  type DueReminder,
  dayIn,
  dueReminders,
  reminderDedupeKey,
  seasonOf,
} from "../../bot/features/transfers/graduates/rules.ts";

export const GRADUATES_BATCH = 500;

export function createGraduatesProcessor(deps: CoreDeps, tuning: { batch?: number } = {}) {
  const batch = tuning.batch ?? GRADUATES_BATCH;
  const { config, db, outbox } = deps;

  return async function processGraduates(job: Job<JobData<"graduates">>) {
    const day = job.data.day ?? dayIn(deps.now(), config.TZ);
    if (!job.data.day) await job.updateData({ ...job.data, day });
    const season = seasonOf(day, {
      start: config.GRADUATE_START_DEADLINE,
      complete: config.GRADUATE_COMPLETE_DEADLINE,
    });
    const due = dueReminders(day, season);
    if (!due.length) return { day, sent: 0 };
    const branches = await seasonBranches(db, season);
    if (!branches.length) return { day, sent: 0 };
    const branchName = new Map(branches.map((b) => [b.id, b]));
    const start = due.find((r) => r.deadline === "start");
    const complete = due.find((r) => r.deadline === "complete");

    let cursor = job.data.cursor ?? 0;
    let sent = 0;
    for (;;) {
      const graduates = await graduatesBatch(
        db,
        branches.map((b) => b.id),
        cursor,
        batch,
      );
      if (!graduates.length) break;
      // The batch's rows in one INSERT (outbox.toMembers): its time does not grow with a round trip per member.
      const ids = await outbox.toMembers(
        db,
        graduates.flatMap((g) => {
          // Before the start deadline only those with nothing under way; before completion everyone still here.
          const reminder: DueReminder | undefined = complete ?? (g.waiting ? undefined : start);
          if (!reminder) return [];
          const branch = branchName.get(g.orgId)!;
          const message: OutgoingMessage = {
            messageKey: reminder.deadline === "start" ? REMIND_START : REMIND_COMPLETE,
            args: {
              branch: branch.name,
              graduation: branch.graduatesOn ?? "",
              deadline: reminder.deadlineDay,
              days: reminder.daysLeft,
            },
            buttons: [
              [
                g.waiting
                  ? { labelKey: "graduates-transfer-status", payload: "go:transfer.status" }
                  : { labelKey: "graduates-start-transfer", payload: "go:transfer.start" },
              ],
            ],
            dedupeKey: reminderDedupeKey(season, reminder, g.memberId),
          };
          return [{ memberId: g.memberId, message }];
        }),
      );
      await outbox.dispatch(ids);
      sent += ids.length;
      cursor = graduates.at(-1)!.memberId;
      await job.updateData({ ...job.data, day, cursor });
    }
    return { day, sent };
  };
}
