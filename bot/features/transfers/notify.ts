// The transfer's proactive messages: outbox rows written inside the transaction of the change they announce.
import type { CoreDeps } from "../../core/feature.ts";
import type { OutgoingMessage } from "../../core/outbox.ts";
import { plainTime } from "../../core/plain-time.ts";
import { type Prisma, type TransferReason, TransferStepKind } from "../../infra/db.ts";
import type { Acting } from "./sla/escalation.ts";
import { stepLeaders } from "./step-leaders.ts";

type Tx = Prisma.TransactionClient;

/** What one transaction has written so far: outbox rows to dispatch and steps to time, after commit. */
export interface Work {
  tx: Tx;
  deps: CoreDeps;
  now: Date;
  outbox: bigint[];
  /** Event-log rows not yet written: the transaction writes them together at its end, in this order. */
  events: Prisma.TransferEventCreateManyInput[];
  /** Messages not yet written: the transaction writes them together (`writeMessages`), in this order. */
  messages: { memberId: number; message: OutgoingMessage }[];
  startedSteps: number[];
}

export interface TransferFacts {
  id: number;
  memberId: number;
  memberName: string;
  fromName: string;
  toName: string;
  reason: TransferReason;
}

export const stepButtons = (stepId: number, kind: TransferStepKind) => [
  [
    kind === TransferStepKind.BRANCH_ASSIGNMENT
      ? { labelKey: "transfers-button-assign", payload: `tr-assign:${stepId}` }
      : { labelKey: "transfers-button-approve", payload: `tr-approve:${stepId}` },
    { labelKey: "transfers-button-reject", payload: `tr-reject:${stepId}` },
  ],
  [{ labelKey: "transfers-button-claim", payload: `tr-claim:${stepId}` }],
];

const about = (t: TransferFacts) => ({ member: t.memberName, from: t.fromName, to: t.toName, reason: t.reason });

export function toMember(w: Work, memberId: number, message: OutgoingMessage) {
  w.messages.push({ memberId, message });
}

/**
 * The unit of work's messages so far as outbox rows: two statements however many recipients (their chats, then
 * every row), where one member at a time cost two each (bench:chat, a transfer application).
 */
export async function writeMessages(w: Work) {
  const messages = w.messages.splice(0);
  w.outbox.push(...(await w.deps.outbox.toMembers(w.tx, messages)));
}

function toLeaders(w: Work, memberIds: Iterable<number>, message: (id: number) => OutgoingMessage) {
  for (const id of new Set(memberIds)) toMember(w, id, message(id));
}

/**
 * Each person who can act on a newly waiting step gets it with the buttons to act (`acting`: the nearest level with
 * someone, never the transfer's own member; see sla/escalation.ts). When that is above the step's organisation, or
 * nobody can act at all, the member is told so in plain words: whom it went to, or whom to contact offline.
 */
export function announceStep(
  w: Work,
  t: TransferFacts,
  step: { id: number; seq: number; kind: TransferStepKind; orgId: number; dueAt: Date },
  orgName: string,
  acting: Acting | null,
) {
  const why = !acting
    ? "none"
    : acting.levelsUp === 0
      ? "own-org"
      : acting.passedOverMember
        ? "member-leads"
        : "unbound";
  toLeaders(w, acting?.memberIds ?? [], (id) => ({
    // Someone above the step's organisation is told why it came to them.
    messageKey: why === "own-org" ? "transfers-step-waiting" : "transfers-step-waiting-above",
    args: {
      ...about(t),
      kind: step.kind,
      org: orgName,
      due: plainTime(step.dueAt, w.deps.config.TZ),
      id: t.id,
      why,
    },
    buttons: stepButtons(step.id, step.kind),
    dedupeKey: `transfer-step:${step.id}:leader:${id}`,
  }));
  if (why === "own-org") return;
  toMember(w, t.memberId, {
    messageKey: acting ? "transfers-member-step-sent-up" : "transfers-member-nobody-can-act",
    args: { kind: step.kind, org: orgName, to: acting?.orgName ?? "", why },
    buttons: [[{ labelKey: "transfers-button-progress", payload: "go:transfer.status" }]],
    // Once per organisation of the transfer: its receiving steps (approve, then assign) share one.
    dedupeKey: `transfer:${t.id}:org:${step.orgId}:member-warned`,
  });
}

export function tellMemberApproved(w: Work, t: TransferFacts, kind: TransferStepKind, orgName: string) {
  toMember(w, t.memberId, {
    messageKey: "transfers-member-step-done",
    args: { kind, org: orgName, to: t.toName },
    buttons: [[{ labelKey: "transfers-button-progress", payload: "go:transfer.status" }]],
  });
}

export function tellRejected(
  w: Work,
  t: TransferFacts,
  step: { kind: TransferStepKind; orgName: string; code: string; note: string | null },
  initiatorId: number,
) {
  const message: OutgoingMessage = {
    messageKey: "transfers-member-rejected",
    args: {
      kind: step.kind,
      org: step.orgName,
      code: step.code,
      note: step.note ?? "",
      noted: step.note ? "yes" : "no",
      to: t.toName,
    },
    buttons: [[{ labelKey: "transfers-button-resubmit", payload: `tr-resubmit:${t.id}` }]],
    urgent: false,
  };
  toMember(w, t.memberId, message);
  // A leader who started it for the member hears too, without the member's one-tap resubmit.
  if (initiatorId !== t.memberId) {
    toMember(w, initiatorId, {
      messageKey: "transfers-initiator-rejected",
      args: {
        ...about(t),
        kind: step.kind,
        org: step.orgName,
        code: step.code,
        note: step.note ?? "",
        noted: step.note ? "yes" : "no",
      },
    });
  }
}

/** The member and the leaders of both sides, except whoever just acted (they saw it in their chat). */
export async function tellCompleted(
  w: Work,
  t: TransferFacts,
  orgs: { fromOrgId: number; toOrgId: number; finalOrgId: number; finalName: string },
  actorId: number,
) {
  toMember(w, t.memberId, {
    messageKey: "transfers-member-completed",
    args: { org: orgs.finalName, from: t.fromName },
  });
  const sides = [
    ...(await stepLeaders(w.tx, orgs.fromOrgId)),
    ...(await stepLeaders(w.tx, orgs.toOrgId)),
    ...(await stepLeaders(w.tx, orgs.finalOrgId)),
  ].filter((id) => id !== actorId && id !== t.memberId);
  toLeaders(w, sides, () => ({
    messageKey: "transfers-sides-completed",
    args: { ...about(t), org: orgs.finalName },
  }));
}

export async function tellCancelled(w: Work, t: TransferFacts, stepOrgId: number | null, actorId: number) {
  if (stepOrgId !== null) {
    const leaders = (await stepLeaders(w.tx, stepOrgId)).filter((id) => id !== actorId && id !== t.memberId);
    toLeaders(w, leaders, () => ({ messageKey: "transfers-leaders-cancelled", args: about(t) }));
  }
  if (actorId !== t.memberId) {
    toMember(w, t.memberId, { messageKey: "transfers-member-cancelled-for-you", args: about(t) });
  }
}

export function tellStartedForMember(w: Work, t: TransferFacts, byName: string) {
  toMember(w, t.memberId, {
    messageKey: "transfers-member-started-for-you",
    args: { ...about(t), by: byName },
    buttons: [[{ labelKey: "transfers-button-progress", payload: "go:transfer.status" }]],
  });
}
