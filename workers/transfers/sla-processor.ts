// Fires one service-level stage of one step, of any kind (a transfer step, a 入团 step: `SlaSource`): a nudge to the step's leaders (stages 1, 2) or an escalation one level
// up (stage 3 on). The step is re-read first and the stage is claimed with a conditional update in the same
// statement (so the same transaction) as the outbox rows and the event, so a step that moved on gets nothing and a
// re-run, a retry or a re-created timer sends nothing twice; a transfer's row is locked before its step's, as every
// decision locks it (so the two cannot deadlock). Then the next stage's timer is added.
//
// Neither nudges nor escalations are urgent: both wait out quiet hours (a transfer is never worth waking anyone).
// After an outage, overdue stages fire at once in order; a nudge whose next stage is also due is skipped silently.

import { DelayedError, type Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import { type JobData, jobSchemas, type SlaStepKind } from "../../bot/core/queues.ts";
import { joinSlaSource } from "../../bot/features/joining/sla-source.ts";
import { loadWorkCalendar } from "../../bot/features/transfers/sla/calendar.ts";
import { escalationTarget } from "../../bot/features/transfers/sla/escalation.ts";
import { nextTimers, type PlanStep } from "../../bot/features/transfers/sla/plan.ts";
import type { OutboxRef, SlaSource, SlaStep } from "../../bot/features/transfers/sla/source.ts";
import { isNudgeStage, stageDueAt, stageHours } from "../../bot/features/transfers/sla/stages.ts";
import { addTimers, loadNextTimers } from "../../bot/features/transfers/sla/timers.ts";
import { transferSlaSource } from "../../bot/features/transfers/sla/transfer-source.ts";
import { actingChain, whoActs } from "../../bot/features/transfers/step-leaders.ts";

export type SlaOutcome =
  | { status: "sent"; stage: number; recipients: number; escalatedTo?: number | null }
  /** The step is done, or this stage already fired. */
  | { status: "skipped"; stage: number }
  /** Not due yet by the app's clock (a job run by hand); the reconciler adds it again. */
  | { status: "early"; stage: number };

/** Every kind of step the machine runs. */
export const slaSources: Record<SlaStepKind, SlaSource> = {
  transfer: transferSlaSource as unknown as SlaSource,
  join: joinSlaSource as unknown as SlaSource,
};

export function createSlaProcessor(deps: CoreDeps, sources: Record<SlaStepKind, SlaSource> = slaSources) {
  const { db, outbox, config } = deps;

  /** The stage after the last one fired, if the chain goes on (idempotent: same job id). */
  async function scheduleNext(kind: SlaStepKind, stepId: number, known?: PlanStep) {
    const timers = known ? await nextTimers(db, [known], kind) : await loadNextTimers(db, [stepId], kind);
    await addTimers(deps.timers, timers);
  }

  return async function processSla(job: Job<JobData<"transfer-sla">>, token?: string): Promise<SlaOutcome> {
    const { stepId, stage, kind = "transfer" } = jobSchemas["transfer-sla"].parse(job.data);
    const source = sources[kind];
    const step: SlaStep | null = await source.load(db, stepId);
    if (step?.status !== "PENDING") return { status: "skipped", stage };
    if (step.slaStage !== stage - 1) {
      // Already fired (a retry whose first try added no next timer, or a stale job): make sure the chain goes on.
      if (step.slaStage >= stage) await scheduleNext(kind, stepId);
      return { status: "skipped", stage };
    }
    const calendar = step.slaBusinessHours ? await loadWorkCalendar(db, step.startedAt) : new Map<string, boolean>();
    const dueAt = stageDueAt(step, stage, calendar);
    if (dueAt > deps.now()) {
      // A worker's clock ahead of the scheduler's: wait the rest as a delayed job.
      if (token) {
        await job.moveToDelayed(Date.now() + (dueAt.getTime() - deps.now().getTime()), token);
        throw new DelayedError();
      }
      return { status: "early", stage };
    }

    // Catching up after an outage: a nudge the next stage has already overtaken is skipped, not sent late.
    const overtaken = isNudgeStage(stage) && stageDueAt(step, stage + 1, calendar) <= deps.now();

    // Who hears of it is read first; the write below claims the stage, so a lost race writes nothing. The step's own
    // member never acts on it (0: nobody, for a step about someone not a member yet).
    const subject = step.subjectMemberId ?? 0;
    const at = deps.now();
    let result: { rows: OutboxRef[]; recipients: number; escalatedTo?: number | null; escalationLevel?: number } | null;
    if (isNudgeStage(stage)) {
      // A claim stops the nudges to the claimed level and below; the own leaders are level 0.
      const silent = step.claimedLevel !== null || overtaken;
      // Whoever can act nearest the step's organisation, never the transfer's own member.
      const recipients = silent ? [] : ((await whoActs(db, step.orgId, subject))?.memberIds ?? []);
      const rows = await source.writeStage(db, step, {
        stepId,
        stage,
        recipients,
        ...(silent
          ? {}
          : {
              message: source.message(step, stage, "nudge", null, config.TZ),
              event: {
                type: "NUDGED",
                orgId: step.orgId,
                data: { stage, hours: stageHours(step.slaHours, stage) },
                at,
              },
            }),
      });
      result = rows && { rows, recipients: recipients.length };
    } else {
      const chain = await actingChain(db, step.orgId);
      const target = escalationTarget(chain, step.escalationLevel, subject);
      // Past the province: the chain has ended, there is no such stage.
      if (!target) return { status: "skipped", stage };
      const orgId = target.orgId;
      if (orgId === null) {
        // Nobody up to the province can act: the chain ends here, silently (the member was told when the step began).
        const rows = await source.writeStage(db, step, {
          stepId,
          stage,
          escalationLevel: target.levelsUp,
          recipients: [],
        });
        result = rows && { rows, recipients: 0, escalatedTo: null, escalationLevel: target.levelsUp };
      } else {
        const notify = step.claimedLevel === null || target.levelsUp > step.claimedLevel;
        const recipients = notify ? target.memberIds : [];
        const targetOrg = chain[target.levelsUp]!;
        const rows = await source.writeStage(db, step, {
          stepId,
          stage,
          escalationLevel: target.levelsUp,
          recipients,
          ...(notify ? { message: source.message(step, stage, "escalation", targetOrg.name, config.TZ) } : {}),
          event: {
            type: "ESCALATED",
            orgId,
            data: { stage, level: target.levelsUp, fromOrgId: step.orgId },
            at,
          },
        });
        result = rows && { rows, recipients: recipients.length, escalatedTo: orgId, escalationLevel: target.levelsUp };
      }
    }
    if (!result) return { status: "skipped", stage };

    await outbox.enqueue(result.rows);
    // The step as this run left it (its stage and level were written above, nothing else is read).
    await scheduleNext(kind, stepId, {
      ...step,
      slaStage: stage,
      escalationLevel: result.escalationLevel ?? step.escalationLevel,
    });
    return {
      status: "sent",
      stage,
      recipients: result.recipients,
      ...("escalatedTo" in result ? { escalatedTo: result.escalatedTo } : {}),
    };
  };
}
