// Transfer steps in the one step machine: their table, their member, their event log and their buttons.
import type { OutgoingMessage } from "../../../core/outbox.ts";
import { plainTime } from "../../../core/plain-time.ts";
import { Prisma, type TransferStepKind } from "../../../infra/db.ts";
import { planSelect } from "./plan.ts";
import { claimStage, type SlaSource, type SlaStep } from "./source.ts";
import { stageHours } from "./stages.ts";

const stepSelect = {
  ...planSelect,
  orgId: true,
  kind: true,
  transferId: true,
  claimedLevel: true,
  org: { select: { ancestorIds: true, name: true } },
  transfer: { select: { memberId: true, member: { select: { name: true } } } },
} as const;

interface TransferSlaStep extends SlaStep {
  kind: TransferStepKind;
  transferId: number;
  memberName: string;
}

export const transferSlaSource: SlaSource<TransferSlaStep> = {
  kind: "transfer",

  async load(db, stepId) {
    const step = await db.transferStep.findUnique({ where: { id: stepId }, select: stepSelect });
    if (!step) return null;
    const { transfer, ...rest } = step;
    return { ...rest, subjectMemberId: transfer.memberId, memberName: transfer.member.name };
  },

  writeStage(db, step, w) {
    const e = w.event;
    const event = e
      ? Prisma.sql`, event AS (
      INSERT INTO transfer_events (transfer_id, step_id, type, org_id, data, at)
      SELECT ${step.transferId}, c.id, ${e.type}::"TransferEventType", ${e.orgId}, ${JSON.stringify(e.data)}::jsonb, ${e.at}
      FROM claimed c
    )`
      : Prisma.empty;
    // Every change to a transfer locks its row before any step's (workflow.ts): the stage does too.
    const lockFirst = Prisma.sql`SELECT id FROM transfer_requests WHERE id = ${step.transferId} FOR UPDATE`;
    return claimStage(db, "transfer_steps", w, "sla", { event, lockFirst });
  },

  message(step, stage, which, target, timeZone) {
    const hours = Math.round(stageHours(step.slaHours, stage) * 10) / 10;
    return {
      messageKey: which === "nudge" ? "sla-nudge" : "sla-escalation",
      args: {
        // Not shown: lets the delivery worker drop the nudge if the step is handled before it goes out.
        stepId: step.id,
        member: step.memberName,
        kind: step.kind,
        org: step.org.name,
        hours,
        business: step.slaBusinessHours ? "yes" : "no",
        due: plainTime(step.dueAt, timeZone),
        ...(target === null ? {} : { target }),
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
  },
};
