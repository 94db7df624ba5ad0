// Fires one service-level stage of one step: a nudge to the step's leaders (stages 1, 2) or an escalation one level
// up (stage 3 on). The step is re-read first and the stage is claimed with a conditional update in the same
// statement (so the same transaction) as the outbox rows and the event, so a step that moved on gets nothing and a
// re-run, a retry or a re-created timer sends nothing twice. Then the next stage's timer is added.
//
// Neither nudges nor escalations are urgent: both wait out quiet hours (a transfer is never worth waking anyone).
// After an outage, overdue stages fire at once in order; a nudge whose next stage is also due is skipped silently.

import { DelayedError, type Job } from "bullmq";
import type { CoreDeps } from "../../bot/core/feature.ts";
import type { OutgoingMessage } from "../../bot/core/outbox.ts";
import { plainTime } from "../../bot/core/plain-time.ts";
import { type JobData, jobSchemas } from "../../bot/core/queues.ts";
import { loadWorkCalendar } from "../../bot/features/transfers/sla/calendar.ts";
import { escalationTarget } from "../../bot/features/transfers/sla/escalation.ts";
import { nextTimers, type PlanStep, planSelect } from "../../bot/features/transfers/sla/plan.ts";
import { isNudgeStage, stageDueAt, stageHours } from "../../bot/features/transfers/sla/stages.ts";
import { addTimers, loadNextTimers } from "../../bot/features/transfers/sla/timers.ts";
import { actingChain, whoActs } from "../../bot/features/transfers/step-leaders.ts";
import type { Db, Platform, Prisma } from "../../bot/infra/db.ts";

export type SlaOutcome =
  | { status: "sent"; stage: number; recipients: number; escalatedTo?: number | null }
  /** The step is done, or this stage already fired. */
  | { status: "skipped"; stage: number }
  /** Not due yet by the app's clock (a job run by hand); the reconciler adds it again. */
  | { status: "early"; stage: number };

const stepSelect = {
  ...planSelect,
  orgId: true,
  kind: true,
  transferId: true,
  claimedLevel: true,
  org: { select: { ancestorIds: true, name: true } },
  transfer: { select: { memberId: true, member: { select: { name: true } } } },
} as const;

type SlaStep = Prisma.TransferStepGetPayload<{ select: typeof stepSelect }>;

type OutboxRef = { id: bigint; platform: Platform };

interface StageWrite {
  stepId: number;
  stage: number;
  /** The escalation level reached, for escalation stages. */
  escalationLevel?: number;
  /** The NUDGED / ESCALATED event, or none (a claimed or overtaken nudge). */
  event?: { type: "NUDGED" | "ESCALATED"; transferId: number; orgId: number; data: Record<string, number>; at: Date };
  /** The message and its recipients' member ids (one row per chat identity that has not blocked the bot). */
  message?: OutgoingMessage;
  recipients: number[];
}

/**
 * The stage in one statement: claim it (a conditional update: only from the stage before, only while PENDING), and
 * only if that succeeded write the event and the outbox rows, QUEUED (the bulk form of the outbox: after commit
 * `outbox.enqueue` queues them without another read, and the outbox reconciler queues any the process did not get
 * to). One statement is one transaction and one round trip, and holds no pooled connection across awaits.
 * Returns null when the stage was not claimed.
 */
async function writeStage(db: Db, w: StageWrite): Promise<OutboxRef[] | null> {
  const msg = w.message;
  const dedupe = `sla:${w.stepId}:${w.stage}`;
  const rows = await db.$queryRaw<{ claimed: number; id: bigint | null; platform: Platform | null }[]>`
    WITH claimed AS (
      UPDATE transfer_steps
      SET sla_stage = ${w.stage}, escalation_level = COALESCE(${w.escalationLevel ?? null}::int, escalation_level)
      WHERE id = ${w.stepId} AND sla_stage = ${w.stage - 1} AND status = 'PENDING'
      RETURNING id
    ), event AS (
      INSERT INTO transfer_events (transfer_id, step_id, type, org_id, data, at)
      SELECT ${w.event?.transferId ?? 0}, c.id, ${w.event?.type ?? "NUDGED"}::"TransferEventType", ${w.event?.orgId ?? 0},
             ${JSON.stringify(w.event?.data ?? {})}::jsonb, ${w.event?.at ?? new Date(0)}
      FROM claimed c WHERE ${w.event !== undefined}
    ), queued AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, urgent, dedupe_key, status)
      SELECT ci.id, ${msg?.messageKey ?? ""}, ${JSON.stringify(msg?.args ?? {})}::jsonb,
             ${msg?.buttons ? JSON.stringify(msg.buttons) : null}::jsonb, ${msg?.urgent ?? false},
             ${dedupe} || ':member:' || ci.member_id || ':identity:' || ci.id, 'QUEUED'
      FROM chat_identities ci, claimed c
      WHERE ${msg !== undefined} AND ci.member_id = ANY(${w.recipients}::int[]) AND NOT ci.blocked
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM claimed)::int AS claimed, q.id, ci.platform::text AS platform
    FROM (SELECT 1) one
    LEFT JOIN queued q ON true
    LEFT JOIN chat_identities ci ON ci.id = q.identity_id`;
  if (!rows[0]?.claimed) return null;
  return rows.flatMap((r) => (r.id !== null && r.platform ? [{ id: r.id, platform: r.platform }] : []));
}

function message(step: SlaStep, stage: number, key: string, extra: Record<string, string>, timeZone: string) {
  const hours = Math.round(stageHours(step.slaHours, stage) * 10) / 10;
  return {
    messageKey: key,
    args: {
      // Not shown: lets the delivery worker drop the nudge if the step is handled before it goes out.
      stepId: step.id,
      member: step.transfer.member.name,
      kind: step.kind,
      org: step.org.name,
      hours,
      business: step.slaBusinessHours ? "yes" : "no",
      due: plainTime(step.dueAt, timeZone),
      ...extra,
    },
    buttons: [
      [
        // An assignment step is assigned, not approved (the workflow refuses tr-approve on it).
        step.kind === "BRANCH_ASSIGNMENT"
          ? { labelKey: "transfers-button-assign", payload: `tr-assign:${step.id}` }
          : { labelKey: "transfers-button-approve", payload: `tr-approve:${step.id}` },
        { labelKey: "transfers-button-reject", payload: `tr-reject:${step.id}` },
      ],
      [{ labelKey: "transfers-button-claim", payload: `tr-claim:${step.id}` }],
    ],
    urgent: false,
  } satisfies OutgoingMessage;
}

export function createSlaProcessor(deps: CoreDeps) {
  const { db, outbox, config } = deps;

  /** The stage after the last one fired, if the chain goes on (idempotent: same job id). */
  async function scheduleNext(stepId: number, known?: PlanStep) {
    const timers = known ? await nextTimers(db, [known]) : await loadNextTimers(db, [stepId]);
    await addTimers(deps.timers, timers);
  }

  return async function processSla(job: Job<JobData<"transfer-sla">>, token?: string): Promise<SlaOutcome> {
    const { stepId, stage } = jobSchemas["transfer-sla"].parse(job.data);
    const step = await db.transferStep.findUnique({ where: { id: stepId }, select: stepSelect });
    if (step?.status !== "PENDING") return { status: "skipped", stage };
    if (step.slaStage !== stage - 1) {
      // Already fired (a retry whose first try added no next timer, or a stale job): make sure the chain goes on.
      if (step.slaStage >= stage) await scheduleNext(stepId);
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

    // Who hears of it is read first; the write below claims the stage, so a lost race writes nothing.
    const at = deps.now();
    let result: { rows: OutboxRef[]; recipients: number; escalatedTo?: number | null; escalationLevel?: number } | null;
    if (isNudgeStage(stage)) {
      // A claim stops the nudges to the claimed level and below; the own leaders are level 0.
      const silent = step.claimedLevel !== null || overtaken;
      // Whoever can act nearest the step's organisation, never the transfer's own member.
      const recipients = silent ? [] : ((await whoActs(db, step.orgId, step.transfer.memberId))?.memberIds ?? []);
      const rows = await writeStage(db, {
        stepId,
        stage,
        recipients,
        ...(silent
          ? {}
          : {
              message: message(step, stage, "sla-nudge", {}, config.TZ),
              event: {
                type: "NUDGED",
                transferId: step.transferId,
                orgId: step.orgId,
                data: { stage, hours: stageHours(step.slaHours, stage) },
                at,
              },
            }),
      });
      result = rows && { rows, recipients: recipients.length };
    } else {
      const chain = await actingChain(db, step.orgId);
      const target = escalationTarget(chain, step.escalationLevel, step.transfer.memberId);
      // Past the province: the chain has ended, there is no such stage.
      if (!target) return { status: "skipped", stage };
      const orgId = target.orgId;
      if (orgId === null) {
        // Nobody up to the province can act: the chain ends here, silently (the member was told when the step began).
        const rows = await writeStage(db, { stepId, stage, escalationLevel: target.levelsUp, recipients: [] });
        result = rows && { rows, recipients: 0, escalatedTo: null, escalationLevel: target.levelsUp };
      } else {
        const notify = step.claimedLevel === null || target.levelsUp > step.claimedLevel;
        const recipients = notify ? target.memberIds : [];
        const targetOrg = chain[target.levelsUp]!;
        const rows = await writeStage(db, {
          stepId,
          stage,
          escalationLevel: target.levelsUp,
          recipients,
          ...(notify ? { message: message(step, stage, "sla-escalation", { target: targetOrg.name }, config.TZ) } : {}),
          event: {
            type: "ESCALATED",
            transferId: step.transferId,
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
    await scheduleNext(stepId, {
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
