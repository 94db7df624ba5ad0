// One step machine: what the service-level processor needs from each kind of step. A transfer step and a 入团 step
// share the clock (plan.ts, stages.ts), who acts and whom it escalates to (escalation.ts, step-leaders.ts) and how a
// stage is claimed and its messages queued (`writeStage`); a kind brings only its table, its subject and its words.
import type { OutgoingMessage } from "../../../core/outbox.ts";
import type { SlaStepKind } from "../../../core/queues.ts";
import { type Db, type Platform, Prisma } from "../../../infra/db.ts";
import type { PlanStep } from "./plan.ts";

export interface SlaStep extends PlanStep {
  orgId: number;
  claimedLevel: number | null;
  org: { ancestorIds: number[]; name: string };
  /** The member the step is about, who never acts on it (a transfer's member); null for someone not a member yet. */
  subjectMemberId: number | null;
}

export type OutboxRef = { id: bigint; platform: Platform };

export interface StageWrite {
  stepId: number;
  stage: number;
  /** The escalation level reached, for escalation stages. */
  escalationLevel?: number;
  /** The NUDGED / ESCALATED event, or none (a claimed or overtaken nudge). Kinds without an event log ignore it. */
  event?: { type: "NUDGED" | "ESCALATED"; orgId: number; data: Record<string, number>; at: Date };
  /** The message and its recipients' member ids (one row per chat identity that has not blocked the bot). */
  message?: OutgoingMessage;
  recipients: number[];
}

export interface SlaSource<S extends SlaStep = SlaStep> {
  kind: SlaStepKind;
  load(db: Db, stepId: number): Promise<S | null>;
  /** Claims the stage and queues its messages in one statement; null when the stage was not claimed. */
  writeStage(db: Db, step: S, w: StageWrite): Promise<OutboxRef[] | null>;
  /** The nudge (to the step's own leaders) or the escalation (to `target`, the organisation above). */
  message(
    step: S,
    stage: number,
    which: "nudge" | "escalation",
    target: string | null,
    timeZone: string,
  ): OutgoingMessage;
}

/**
 * The stage in one statement: claim it (a conditional update of the step's table: only from the stage before, only
 * while PENDING), and only if that succeeded write the kind's event (`event`, a CTE reading `claimed c`) and the
 * outbox rows, QUEUED (the bulk form of the outbox: after commit `outbox.enqueue` queues them without another read,
 * and the outbox reconciler queues any the process did not get to). One statement is one transaction and one round
 * trip, and holds no pooled connection across awaits. Returns null when the stage was not claimed.
 *
 * `lockFirst` is for kinds whose decisions lock a parent row before the step (a transfer's changes lock the transfer,
 * workflow.ts): the event's foreign key makes the statement lock that parent too, but only after the step, so a
 * decision between the two deadlocked with it. The parent's lock is then taken first, in a batch transaction with
 * the statement (no await of ours between them), and both wait in the same order.
 */
export async function claimStage(
  db: Db,
  table: "transfer_steps" | "join_steps",
  w: StageWrite,
  dedupePrefix: string,
  kind: { event?: Prisma.Sql; lockFirst?: Prisma.Sql } = {},
): Promise<OutboxRef[] | null> {
  const msg = w.message;
  const dedupe = `${dedupePrefix}:${w.stepId}:${w.stage}`;
  const event = kind.event ?? Prisma.empty;
  const claim = db.$queryRaw<{ claimed: number; id: bigint | null; platform: Platform | null }[]>`
    WITH claimed AS (
      UPDATE ${Prisma.raw(table)}
      SET sla_stage = ${w.stage}, escalation_level = COALESCE(${w.escalationLevel ?? null}::int, escalation_level)
      WHERE id = ${w.stepId} AND sla_stage = ${w.stage - 1} AND status = 'PENDING'
      RETURNING id
    )${event}, queued AS (
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
  const rows = kind.lockFirst ? (await db.$transaction([db.$queryRaw(kind.lockFirst), claim]))[1] : await claim;
  if (!rows[0]?.claimed) return null;
  return rows.flatMap((r) => (r.id !== null && r.platform ? [{ id: r.id, platform: r.platform }] : []));
}
