// 入团 steps in the one step machine (workers/transfers/sla-processor.ts): the same clock, nudges at 1/3 and 2/3,
// escalation up the chain past levels with nobody, claimed once per stage. Only the table, the subject (someone not a
// member yet, so nobody is left out of acting) and the words and buttons are the 入团 step's own.
import type { MessageHooks } from "../../core/feature.ts";
import type { OutgoingMessage } from "../../core/outbox.ts";
import { plainTime } from "../../core/plain-time.ts";
import type { JoinStepKind } from "../../infra/db.ts";
import { planSelect } from "../transfers/sla/plan.ts";
import { claimStage, type SlaSource, type SlaStep } from "../transfers/sla/source.ts";
import { stageHours } from "../transfers/sla/stages.ts";
import { stepButtonRow } from "./step-buttons.ts";

const stepSelect = {
  ...planSelect,
  orgId: true,
  kind: true,
  claimedLevel: true,
  applicationId: true,
  org: { select: { ancestorIds: true, name: true } },
  application: { select: { name: true } },
} as const;

interface JoinSlaStep extends SlaStep {
  kind: JoinStepKind;
  applicationId: number;
  applicantName: string;
}

export const JOIN_NUDGE = "joining-sla-nudge";
export const JOIN_ESCALATION = "joining-sla-escalation";

export const joinSlaSource: SlaSource<JoinSlaStep> = {
  kind: "join",

  async load(db, stepId) {
    const step = await db.joinStep.findUnique({ where: { id: stepId }, select: stepSelect });
    if (!step) return null;
    const { application, ...rest } = step;
    return { ...rest, subjectMemberId: null, applicantName: application.name };
  },

  // No event log of its own: the audit log keeps who decided; the nudges are the outbox rows.
  writeStage: (db, _step, w) => claimStage(db, "join_steps", w, "join-sla"),

  message(step, stage, which, target, timeZone) {
    return {
      messageKey: which === "nudge" ? JOIN_NUDGE : JOIN_ESCALATION,
      args: {
        stepId: step.id,
        name: step.applicantName,
        step: step.kind,
        org: step.org.name,
        hours: Math.round(stageHours(step.slaHours, stage) * 10) / 10,
        due: plainTime(step.dueAt, timeZone),
        ...(target === null ? {} : { target }),
      },
      buttons: [stepButtonRow(step.kind, step.id, step.applicationId)],
      urgent: false,
    } satisfies OutgoingMessage;
  },
};

/** A nudge held back (quiet hours) is dropped unsent if its step was handled meanwhile. */
const whileStepWaits: MessageHooks = {
  broadcast: true,
  async stillWanted(db, args) {
    if (typeof args.stepId !== "number") return true;
    const step = await db.joinStep.findUnique({ where: { id: args.stepId }, select: { status: true } });
    return step?.status === "PENDING";
  },
};

export const joinSlaDelivery: Record<string, MessageHooks> = {
  [JOIN_NUDGE]: whileStepWaits,
  [JOIN_ESCALATION]: whileStepWaits,
};
