// The transfer's state changes. Each runs in one transaction with its event-log rows, audit entries and the outbox
// rows announcing it; the outbox is dispatched and the new steps' timers scheduled only after commit.
//
// Concurrency: every change first locks the transfer row (SELECT … FOR UPDATE), so changes to one transfer queue up
// in one order (no deadlock between a cancel and an approval; the SLA processor's stage write locks it first too,
// sla/transfer-source.ts), and each decision is a conditional update `WHERE id = step AND status = 'PENDING'`: of two
// leaders pressing Approve at once exactly one updates a row.

import type { CoreDeps } from "../../core/feature.ts";
import {
  MemberStatus,
  OrgLevel,
  type Prisma,
  type RejectCode,
  StepStatus,
  type TransferReason,
  TransferStatus,
  TransferStepKind,
} from "../../infra/db.ts";
import { askAfterTransfer } from "../circumstance/after-transfer.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import {
  announceStep,
  type TransferFacts,
  tellCancelled,
  tellCompleted,
  tellMemberApproved,
  tellRejected,
  tellStartedForMember,
  type Work,
  writeMessages,
} from "./notify.ts";
import {
  ACT_ROLES,
  actionFits,
  checkDestination,
  checkOutsideDestination,
  destinationText,
  nextMove,
  stepPlan,
  stepStatusAfter,
} from "./rules.ts";
import { clockFor } from "./sla/clock.ts";
import { scheduleStepTimers } from "./sla/timers.ts";
import { whoActs } from "./step-leaders.ts";
import { type LoadedTransfer, loadStep, loadTransfer, type ScopedStep, submitFacts } from "./workflow-reads.ts";

type Tx = Prisma.TransactionClient;

// ─────────────────────────────── running a unit of work ───────────────────────────────

async function run<T>(deps: CoreDeps, body: (w: Work) => Promise<T>): Promise<T> {
  const outbox: bigint[] = [];
  const startedSteps: number[] = [];
  const now = deps.now();
  const result = await deps.db.$transaction(
    async (tx) => {
      const w: Work = { tx, deps, now, outbox, events: [], messages: [], startedSteps };
      const value = await body(w);
      if (w.events.length) await tx.transferEvent.createMany({ data: w.events });
      await writeMessages(w);
      return value;
    },
    { timeout: 15_000 },
  );
  if (outbox.length) await deps.outbox.dispatch(outbox);
  if (startedSteps.length) {
    // Timers lost here are re-created by the SLA reconciler from the database.
    await scheduleStepTimers(deps, startedSteps).catch((err: unknown) =>
      deps.logger.warn({ err, steps: startedSteps }, "could not schedule transfer step timers"),
    );
  }
  return result;
}

async function lockTransfer(tx: Tx, transferId: number) {
  await tx.$queryRaw`SELECT id FROM transfer_requests WHERE id = ${transferId} FOR UPDATE`;
}

const factsOf = (t: LoadedTransfer): TransferFacts => ({
  id: t.id,
  memberId: t.memberId,
  memberName: t.member.name,
  fromName: t.fromOrg.name,
  toName: destinationText(t.toOrg.name, t.destinationName),
  reason: t.reason,
});

/** An event-log row, written with the unit of work's others when it ends (one statement for them all). */
function event(
  w: Work,
  data: {
    transferId: number;
    type: Prisma.TransferEventCreateManyInput["type"];
    stepId?: number | null;
    actorId?: number | null;
    orgId?: number | null;
    data?: Prisma.InputJsonValue;
    at?: Date;
  },
) {
  w.events.push({
    transferId: data.transferId,
    type: data.type,
    stepId: data.stepId ?? null,
    actorId: data.actorId ?? null,
    orgId: data.orgId ?? null,
    data: data.data ?? {},
    at: data.at ?? w.now,
  });
}

/** A leader who started the transfer for a member approves, at once, each approval step their roles cover. */
async function initiatorCovers(tx: Tx, t: LoadedTransfer, stepOrgAncestors: number[]): Promise<boolean> {
  if (t.initiatedById === t.memberId) return false;
  return canAct(await rolesOf(tx, t.initiatedById), stepOrgAncestors, ACT_ROLES);
}

/** Starts the step at `seq` of the transfer's plan; approves it at once when the initiating leader covers it. */
async function startStep(w: Work, t: LoadedTransfer, seq: number, kind: TransferStepKind): Promise<void> {
  const orgId = kind === TransferStepKind.SENDER_APPROVAL ? t.fromOrgId : t.toOrgId;
  const org = await w.tx.organisation.findUniqueOrThrow({
    where: { id: orgId },
    select: { name: true, ancestorIds: true, slaHours: true, slaBusinessHours: true },
  });
  const clock = await clockFor(w.tx, org, w.now, w.deps.config.TRANSFER_SLA_HOURS);
  const step = await w.tx.transferStep.create({
    data: { transferId: t.id, seq, kind, orgId, startedAt: w.now, ...clock },
  });
  event(w, {
    transferId: t.id,
    type: "STEP_STARTED",
    stepId: step.id,
    orgId,
    at: step.startedAt,
    data: { slaHours: clock.slaHours, business: clock.slaBusinessHours },
  });
  if (kind !== TransferStepKind.BRANCH_ASSIGNMENT && (await initiatorCovers(w.tx, t, org.ancestorIds))) {
    await w.tx.transferStep.update({
      where: { id: step.id },
      data: { status: StepStatus.APPROVED, decidedById: t.initiatedById, decidedAt: w.now },
    });
    event(w, { transferId: t.id, type: "APPROVED", stepId: step.id, orgId, actorId: t.initiatedById });
    await w.deps.audit.record(
      { actorId: t.initiatedById, action: "transfer.approve", orgId, targetType: "transfer-step", targetId: step.id },
      w.tx,
    );
    return advance(w, t, seq, StepStatus.APPROVED, t.initiatedById);
  }
  w.startedSteps.push(step.id);
  const acting = await whoActs(w.tx, orgId, t.memberId);
  if (acting && acting.levelsUp > 0) {
    // Nobody at the organisation itself can act (none bound, or only the member herself): the step goes up at once,
    // and its 72 h escalations start above the level that has it.
    await w.tx.transferStep.update({ where: { id: step.id }, data: { escalationLevel: acting.levelsUp } });
    event(w, {
      transferId: t.id,
      type: "ESCALATED",
      stepId: step.id,
      orgId: acting.orgId,
      data: { stage: 0, level: acting.levelsUp, fromOrgId: orgId, memberLeads: acting.passedOverMember },
    });
  }
  announceStep(w, factsOf(t), step, org.name, acting);
}

/** After the step at `seq` was decided: the next step, or closing the request. */
async function advance(w: Work, t: LoadedTransfer, seq: number, status: StepStatus, actorId: number) {
  const plan = stepPlan(t.reason, t.toOrg.level);
  const move = nextMove(plan, seq, status);
  if ("next" in move) return startStep(w, t, seq + 1, move.next);
  if (move.close !== TransferStatus.COMPLETED) return;
  const finalOrgId = t.assignedOrgId ?? t.toOrgId;
  const finalOrg = await w.tx.organisation.findUniqueOrThrow({ where: { id: finalOrgId }, select: { name: true } });
  await w.tx.member.update({ where: { id: t.memberId }, data: { orgId: finalOrgId } });
  await w.tx.transferRequest.update({
    where: { id: t.id },
    data: { status: TransferStatus.COMPLETED, closedAt: w.now },
  });
  event(w, { transferId: t.id, type: "COMPLETED", orgId: finalOrgId, data: { finalOrgId } });
  await tellCompleted(
    w,
    factsOf(t),
    { fromOrgId: t.fromOrgId, toOrgId: t.toOrgId, finalOrgId, finalName: finalOrg.name },
    actorId,
  );
  // A new job (or none) may mean a new dues category: asked once, in this same transaction, after the news above.
  await writeMessages(w);
  w.outbox.push(...(await askAfterTransfer(w.tx, w.deps.outbox, t, finalOrg.name)));
}

// ─────────────────────────────── submitting ───────────────────────────────

export interface SubmitInput {
  memberId: number;
  initiatorId: number;
  toOrgId: number;
  reason: TransferReason;
  reasonNote?: string | null;
  previousId?: number | null;
  /** An organisation not in Tuanzhu; `toOrgId` is then the area's committee that will assign the right one. */
  destinationName?: string | null;
}

export type SubmitProblem = "inactive" | "open-exists" | "no-destination" | "same" | "kind" | "level" | "previous";
export type SubmitResult = { ok: true; transferId: number } | { ok: false; problem: SubmitProblem };

export async function submitTransfer(deps: CoreDeps, input: SubmitInput): Promise<SubmitResult> {
  return run(deps, async (w): Promise<SubmitResult> => {
    const { tx } = w;
    // One open request per member: two submissions at once queue up on the member's row.
    await tx.$queryRaw`SELECT id FROM members WHERE id = ${input.memberId} FOR UPDATE`;
    const member = await tx.member.findUnique({ where: { id: input.memberId } });
    if (!member || member.status !== MemberStatus.ACTIVE) return { ok: false, problem: "inactive" };
    const { open, to, fromName } = await submitFacts(tx, member.id, input.toOrgId);
    if (open) return { ok: false, problem: "open-exists" };
    if (!to) return { ok: false, problem: "no-destination" };
    const verdict = input.destinationName
      ? checkOutsideDestination(member.orgId, to)
      : checkDestination(input.reason, member.orgId, to);
    if (!verdict.ok) return { ok: false, problem: verdict.problem };
    if (input.previousId) {
      const previous = await tx.transferRequest.findUnique({
        where: { id: input.previousId },
        select: { memberId: true, status: true, _count: { select: { resubmits: true } } },
      });
      if (
        !previous ||
        previous.memberId !== member.id ||
        previous.status !== TransferStatus.REJECTED ||
        previous._count.resubmits > 0
      ) {
        return { ok: false, problem: "previous" };
      }
    }
    const row = await tx.transferRequest.create({
      data: {
        memberId: member.id,
        fromOrgId: member.orgId,
        toOrgId: to.id,
        reason: input.reason,
        reasonNote: input.reasonNote ?? null,
        destinationName: input.destinationName ?? null,
        initiatedById: input.initiatorId,
        previousId: input.previousId ?? null,
        createdAt: w.now,
      },
    });
    const created: LoadedTransfer = {
      ...row,
      member: { name: member.name },
      fromOrg: { name: fromName },
      toOrg: { name: to.name, level: to.level },
    };
    event(w, {
      transferId: created.id,
      type: "SUBMITTED",
      actorId: input.initiatorId,
      orgId: member.orgId,
      data: {
        toOrgId: to.id,
        reason: input.reason,
        ...(input.previousId ? { previousId: input.previousId } : {}),
        ...(input.destinationName ? { destinationName: input.destinationName } : {}),
      },
    });
    if (input.initiatorId !== member.id) {
      const by = await tx.member.findUniqueOrThrow({ where: { id: input.initiatorId }, select: { name: true } });
      await deps.audit.record(
        {
          actorId: input.initiatorId,
          action: "transfer.start-for-member",
          orgId: member.orgId,
          targetType: "transfer",
          targetId: created.id,
          data: { memberId: member.id, toOrgId: to.id },
        },
        tx,
      );
      tellStartedForMember(w, factsOf(created), by.name);
    }
    await startStep(w, created, 1, TransferStepKind.SENDER_APPROVAL);
    return { ok: true, transferId: created.id };
  });
}

// ─────────────────────────────── deciding a step ───────────────────────────────

export type StepAct =
  | { action: "approve" }
  | { action: "reject"; code: RejectCode; note: string | null }
  | { action: "assign"; branchId: number };

export type Handled = { by: string | null; status: StepStatus; at: Date | null };

/** The actor is the transfer's member; `holder` = the organisation whose people can act on it now, if any. */
export type OwnTransfer = { problem: "own"; holder: string | null };

export type DecideResult =
  | { ok: true; transferStatus: TransferStatus; seq: number; kind: TransferStepKind }
  | ({ ok: false } & OwnTransfer)
  | { ok: false; problem: "not-found" | "denied" | "wrong-step" | "bad-branch" }
  | { ok: false; problem: "handled"; handled: Handled };

/** The step with its organisation, if the actor's roles cover that organisation; denials are audited. */
export async function stepInScope(
  deps: CoreDeps,
  actorId: number,
  stepId: number,
  action: string,
): Promise<{ step: ScopedStep } | { problem: "not-found" | "denied" } | OwnTransfer> {
  if (!Number.isSafeInteger(stepId) || stepId <= 0) return { problem: "not-found" };
  const step = await loadStep(deps.db, stepId);
  if (!step) return { problem: "not-found" };
  const own = step.transfer.memberId === actorId;
  if (own || !canAct(await rolesOf(deps.db, actorId), step.org.ancestorIds, ACT_ROLES)) {
    await deps.audit.record({
      actorId,
      action: "transfer.denied",
      orgId: step.orgId,
      targetType: "transfer-step",
      targetId: step.id,
      data: { attempted: action, ...(own ? { reason: "own-transfer" } : {}) },
    });
    if (!own) return { problem: "denied" };
    return { problem: "own", holder: await passOn(deps, step) };
  }
  return { step };
}

/**
 * Nobody decides their own transfer: the name of the organisation whose people can act on her step. A step still
 * below that level (it began before this rule, when it went to her) is handed up now, as a new step would have
 * been; the dedupe keys of `announceStep` keep anyone already told from hearing twice.
 */
async function passOn(deps: CoreDeps, step: ScopedStep): Promise<string | null> {
  const memberId = step.transfer.memberId;
  const acting =
    (await whoActs(deps.db, step.orgId, memberId, step.escalationLevel)) ??
    (await whoActs(deps.db, step.orgId, memberId));
  if (!acting) return null;
  if (step.status === StepStatus.PENDING && acting.levelsUp > step.escalationLevel) {
    await run(deps, async (w) => {
      await lockTransfer(w.tx, step.transferId);
      const moved = await w.tx.transferStep.updateMany({
        where: { id: step.id, status: StepStatus.PENDING, escalationLevel: step.escalationLevel },
        data: { escalationLevel: acting.levelsUp },
      });
      if (!moved.count) return;
      event(w, {
        transferId: step.transferId,
        type: "ESCALATED",
        stepId: step.id,
        orgId: acting.orgId,
        data: { stage: 0, level: acting.levelsUp, fromOrgId: step.orgId, memberLeads: acting.passedOverMember },
      });
      announceStep(w, factsOf(step.transfer), step, step.org.name, acting);
    });
  }
  return acting.orgName;
}

async function handledBy(tx: Tx, stepId: number): Promise<Handled> {
  const s = await tx.transferStep.findUniqueOrThrow({
    where: { id: stepId },
    select: { status: true, decidedAt: true, decidedBy: { select: { name: true } } },
  });
  return { by: s.decidedBy?.name ?? null, status: s.status, at: s.decidedAt };
}

export async function decideStep(deps: CoreDeps, actorId: number, stepId: number, act: StepAct): Promise<DecideResult> {
  const found = await stepInScope(deps, actorId, stepId, act.action);
  if ("problem" in found) return { ok: false, ...found };
  const { step } = found;
  if (!actionFits(step.kind, act.action)) return { ok: false, problem: "wrong-step" };
  if (act.action === "assign") {
    const branch = await deps.db.organisation.findUnique({ where: { id: act.branchId } });
    if (!branch || branch.level !== OrgLevel.BRANCH || !branch.ancestorIds.includes(step.orgId)) {
      return { ok: false, problem: "bad-branch" };
    }
  }
  return run(deps, async (w): Promise<DecideResult> => {
    const { tx } = w;
    await lockTransfer(tx, step.transferId);
    const status = stepStatusAfter(act.action);
    const won = await tx.transferStep.updateMany({
      // Checked again here: the step's transfer is never the actor's own.
      where: { id: step.id, status: StepStatus.PENDING, transfer: { memberId: { not: actorId } } },
      data: {
        status,
        decidedById: actorId,
        decidedAt: w.now,
        ...(act.action === "reject" ? { rejectCode: act.code, note: act.note } : {}),
      },
    });
    if (won.count === 0) return { ok: false, problem: "handled", handled: await handledBy(tx, step.id) };

    const type = act.action === "approve" ? "APPROVED" : act.action === "reject" ? "REJECTED" : "BRANCH_ASSIGNED";
    const data =
      act.action === "reject"
        ? { code: act.code, note: act.note }
        : act.action === "assign"
          ? { branchId: act.branchId }
          : {};
    event(w, { transferId: step.transferId, type, stepId: step.id, orgId: step.orgId, actorId, data });
    await deps.audit.record(
      {
        actorId,
        action: `transfer.${act.action}`,
        orgId: step.orgId,
        targetType: "transfer-step",
        targetId: step.id,
        data,
      },
      tx,
    );
    if (act.action === "assign") {
      await tx.transferRequest.update({ where: { id: step.transferId }, data: { assignedOrgId: act.branchId } });
    }
    const t = await loadTransfer(tx, step.transferId);
    if (!t) throw new Error(`transfer ${step.transferId} of step ${step.id} is gone`);
    if (act.action === "reject") {
      await tx.transferRequest.update({
        where: { id: t.id },
        data: { status: TransferStatus.REJECTED, closedAt: w.now },
      });
      tellRejected(
        w,
        factsOf(t),
        { kind: step.kind, orgName: step.org.name, code: act.code, note: act.note },
        t.initiatedById,
      );
      return { ok: true, transferStatus: TransferStatus.REJECTED, seq: step.seq, kind: step.kind };
    }
    const plan = stepPlan(t.reason, t.toOrg.level);
    if (plan[step.seq] && actorId !== t.memberId) tellMemberApproved(w, factsOf(t), step.kind, step.org.name);
    await advance(w, t, step.seq, StepStatus.APPROVED, actorId);
    const after = await tx.transferRequest.findUniqueOrThrow({ where: { id: t.id }, select: { status: true } });
    return { ok: true, transferStatus: after.status, seq: step.seq, kind: step.kind };
  });
}

// ─────────────────────────────── claiming ───────────────────────────────

export type ClaimResult =
  | { ok: true }
  | ({ ok: false } & OwnTransfer)
  | { ok: false; problem: "not-found" | "denied" }
  | { ok: false; problem: "handled"; handled: Handled }
  | { ok: false; problem: "claimed"; by: string; mine: boolean };

/** "I'm on it": stops the nudges at the step's current escalation level (C's timers), not the clock. */
export async function claimStep(deps: CoreDeps, actorId: number, stepId: number): Promise<ClaimResult> {
  const found = await stepInScope(deps, actorId, stepId, "claim");
  if ("problem" in found) return { ok: false, ...found };
  const { step } = found;
  return run(deps, async (w): Promise<ClaimResult> => {
    const { tx } = w;
    await lockTransfer(tx, step.transferId);
    const now = await tx.transferStep.findUniqueOrThrow({
      where: { id: step.id },
      select: {
        status: true,
        escalationLevel: true,
        claimedById: true,
        claimedLevel: true,
        claimedBy: { select: { name: true } },
      },
    });
    if (now.status !== StepStatus.PENDING) {
      return { ok: false, problem: "handled", handled: await handledBy(tx, step.id) };
    }
    if (now.claimedById !== null && now.claimedLevel === now.escalationLevel) {
      return { ok: false, problem: "claimed", by: now.claimedBy?.name ?? "?", mine: now.claimedById === actorId };
    }
    await tx.transferStep.update({
      where: { id: step.id },
      data: { claimedById: actorId, claimedAt: w.now, claimedLevel: now.escalationLevel },
    });
    event(w, {
      transferId: step.transferId,
      type: "CLAIMED",
      stepId: step.id,
      orgId: step.orgId,
      actorId,
      data: { level: now.escalationLevel },
    });
    await deps.audit.record(
      { actorId, action: "transfer.claim", orgId: step.orgId, targetType: "transfer-step", targetId: step.id },
      tx,
    );
    return { ok: true };
  });
}

// ─────────────────────────────── cancelling ───────────────────────────────

export type CancelResult = { ok: true } | { ok: false; problem: "not-found" | "denied" | "closed" };

/** The member (or the leader who started it for them) withdraws the request, until it completes. */
export async function cancelTransfer(deps: CoreDeps, actorId: number, transferId: number): Promise<CancelResult> {
  if (!Number.isSafeInteger(transferId) || transferId <= 0) return { ok: false, problem: "not-found" };
  return run(deps, async (w): Promise<CancelResult> => {
    const { tx } = w;
    await lockTransfer(tx, transferId);
    const t = await loadTransfer(tx, transferId);
    if (!t) return { ok: false, problem: "not-found" };
    if (t.memberId !== actorId && t.initiatedById !== actorId) return { ok: false, problem: "denied" };
    if (t.status !== TransferStatus.IN_PROGRESS) return { ok: false, problem: "closed" };
    const pending = await tx.transferStep.findFirst({
      where: { transferId, status: StepStatus.PENDING },
      orderBy: { seq: "asc" },
    });
    if (pending) {
      await tx.transferStep.updateMany({
        where: { id: pending.id, status: StepStatus.PENDING },
        data: { status: StepStatus.CANCELLED, decidedById: actorId, decidedAt: w.now },
      });
    }
    await tx.transferRequest.update({
      where: { id: transferId },
      data: { status: TransferStatus.CANCELLED, closedAt: w.now },
    });
    event(w, {
      transferId,
      type: "CANCELLED",
      stepId: pending?.id ?? null,
      orgId: pending?.orgId ?? null,
      actorId,
    });
    await deps.audit.record(
      { actorId, action: "transfer.cancel", orgId: t.fromOrgId, targetType: "transfer", targetId: transferId },
      tx,
    );
    await tellCancelled(w, factsOf(t), pending?.orgId ?? null, actorId);
    return { ok: true };
  });
}
