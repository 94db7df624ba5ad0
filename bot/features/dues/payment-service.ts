// Payment requests and their proofs: a member asks to pay N months, gets a reference and a total, sends a
// screenshot; the branch's treasurer or secretary confirms (the ledger settles it) or rejects with a reason.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, type Member, PaymentMethod, PaymentStatus, Prisma, Role } from "../../infra/db.ts";
import { monthPricer, rejectPayment, type SettleResult, settlePayment } from "./ledger.ts";
import { formatYuan } from "./money.ts";
import { type Month, monthOf, monthOfDay, monthRange, monthStamp } from "./months.ts";
import { newReference } from "./reference.ts";
import { maxPayableMonths, monthChoices, monthsToCover } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;
type Deps = Pick<CoreDeps, "db" | "outbox" | "audit" | "now" | "config">;

/** Who may confirm or reject a member's proof: these roles held in the member's own branch, nowhere else. */
export const REVIEW_ROLES: readonly Role[] = [Role.TREASURER, Role.BRANCH_SECRETARY];
/** A voluntary extra above 1000 元 in one payment is almost surely a typo. */
export const MAX_EXTRA_FEN = 100_000;
/** Outbox message ids this feature sends. */
export const PROOF_REVIEW = "dues-proof-review";
export const SETTLED_TO_MEMBER = "dues-settled-member";
export const REJECTED_TO_MEMBER = "dues-rejected-member";

export type PayMember = Pick<Member, "id" | "orgId" | "joinedAt" | "duesCategory" | "monthlyIncomeFen">;

export interface PayOption {
  months: number;
  /** Of those months, how many are owed now and how many are paid ahead. */
  owed: number;
  ahead: number;
  amountFen: number;
}

export interface PayPlan {
  owed: Month[];
  current: Month;
  maxMonths: number;
  options: PayOption[];
  /** False when the rate table has no band for this member: nothing can be charged. */
  priced: boolean;
  /** Months and total of a payment of `n` months. */
  cover(n: number): { months: Month[]; amountFen: number; owed: number; ahead: number };
}

export async function payPlan(db: Tx, member: PayMember, now: Date, timeZone: string): Promise<PayPlan> {
  // One after the other: called inside the payment transaction too (one connection).
  const rates = await db.duesRate.findMany();
  const paidRows = await db.duesMonth.findMany({ where: { memberId: member.id }, select: { month: true } });
  const paid = paidRows.map((r) => r.month);
  const paidSet = new Set(paid);
  const price = monthPricer(rates, member);
  const start = monthOfDay(member.joinedAt);
  const current = monthOf(now, timeZone);
  const owed = monthRange(start, current).filter((m) => !paidSet.has(m));
  const maxMonths = maxPayableMonths(start, current, paid);
  const cover = (n: number) => {
    const months = monthsToCover(start, paid, n);
    const owedCount = months.filter((m) => m <= current).length;
    return {
      months,
      amountFen: months.reduce((sum, m) => sum + (price(m) ?? 0), 0),
      owed: owedCount,
      ahead: months.length - owedCount,
    };
  };
  const options = monthChoices(owed.length, maxMonths).map((n) => {
    const c = cover(n);
    return { months: n, owed: c.owed, ahead: c.ahead, amountFen: c.amountFen };
  });
  const priced = price(current) !== null && owed.every((m) => price(m) !== null);
  return { owed, current, maxMonths, options, priced, cover };
}

export type RequestOutcome =
  | { kind: "created"; id: number; reference: string; months: Month[]; monthsFen: number; extraFen: number }
  /** A request with a screenshot is with the branch: a second one would pay the same months twice. */
  | { kind: "awaiting"; reference: string }
  | { kind: "too-many"; max: number }
  | { kind: "no-rate" };

/**
 * A PENDING payment for `months` months plus a voluntary extra. An older request without a screenshot is
 * withdrawn (EXPIRED): the member changed their mind before paying. Reference collisions draw a new code.
 */
export async function requestPayment(
  deps: Deps,
  member: PayMember,
  months: number,
  extraFen: number,
): Promise<RequestOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        // Two requests typed at once would both see no pending payment.
        await tx.$queryRaw`SELECT id FROM members WHERE id = ${member.id} FOR UPDATE`;
        const pending = await tx.duesPayment.findFirst({
          where: { memberId: member.id, status: PaymentStatus.PENDING },
          select: { id: true, reference: true, proofImageId: true },
        });
        if (pending?.proofImageId) return { kind: "awaiting", reference: pending.reference } as const;
        const plan = await payPlan(tx, member, deps.now(), deps.config.TZ);
        if (!plan.priced) return { kind: "no-rate" } as const;
        if (!Number.isInteger(months) || months < 1 || months > plan.maxMonths) {
          return { kind: "too-many", max: plan.maxMonths } as const;
        }
        if (pending) {
          await tx.duesPayment.update({
            where: { id: pending.id },
            data: { status: PaymentStatus.EXPIRED, note: "replaced" },
          });
        }
        const cover = plan.cover(months);
        const payment = await tx.duesPayment.create({
          data: {
            memberId: member.id,
            reference: newReference(),
            method: PaymentMethod.PROOF,
            months,
            amountFen: cover.amountFen + extraFen,
          },
          select: { id: true, reference: true },
        });
        await deps.audit.record(
          {
            actorId: member.id,
            action: "dues.payment.requested",
            orgId: member.orgId,
            targetType: "DuesPayment",
            targetId: payment.id,
            data: {
              reference: payment.reference,
              months: cover.months,
              monthsFen: cover.amountFen,
              extraFen,
              replaced: pending?.reference ?? null,
            },
          },
          tx,
        );
        return {
          kind: "created",
          id: payment.id,
          reference: payment.reference,
          months: cover.months,
          monthsFen: cover.amountFen,
          extraFen,
        } as const;
      });
    } catch (error) {
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 4) throw error;
    }
  }
}

/** The member withdraws their own pending request. */
export async function cancelPayment(deps: Deps, member: PayMember, paymentId: number): Promise<string | null> {
  return deps.db.$transaction(async (tx) => {
    const withdrawn = await tx.duesPayment.updateMany({
      where: { id: paymentId, memberId: member.id, status: PaymentStatus.PENDING },
      data: { status: PaymentStatus.EXPIRED, note: "cancelled by member" },
    });
    if (withdrawn.count === 0) return null;
    const { reference } = await tx.duesPayment.findUniqueOrThrow({ where: { id: paymentId } });
    await deps.audit.record(
      {
        actorId: member.id,
        action: "dues.payment.cancelled",
        orgId: member.orgId,
        targetType: "DuesPayment",
        targetId: paymentId,
        data: { reference },
      },
      tx,
    );
    return reference;
  });
}

/** The people who review a member's proof: holders of REVIEW_ROLES in the member's branch, the member aside. */
export async function reviewersOf(db: Tx, member: Pick<Member, "id" | "orgId">) {
  const rows = await db.roleAssignment.findMany({
    where: { orgId: member.orgId, role: { in: [...REVIEW_ROLES] }, memberId: { not: member.id } },
    select: { member: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  return [...new Map(rows.map((r) => [r.member.id, r.member])).values()];
}

export type ProofOutcome = { kind: "sent"; reviewers: string[]; reference: string } | { kind: "not-pending" };

/** Attaches the stored screenshot and sends it, with Confirm/Reject buttons, to every reviewer. */
export async function attachProof(
  deps: Deps,
  member: PayMember & Pick<Member, "name" | "code">,
  paymentId: number,
  imageId: number,
): Promise<ProofOutcome> {
  const ids: bigint[] = [];
  const outcome = await deps.db.$transaction(async (tx): Promise<ProofOutcome> => {
    const attached = await tx.duesPayment.updateMany({
      where: { id: paymentId, memberId: member.id, status: PaymentStatus.PENDING },
      data: { proofImageId: imageId, method: PaymentMethod.PROOF },
    });
    if (attached.count === 0) return { kind: "not-pending" };
    const payment = await tx.duesPayment.findUniqueOrThrow({ where: { id: paymentId } });
    const reviewers = await reviewersOf(tx, member);
    // Only reviewers with a chat the bot can write to are named to the member.
    const reached: string[] = [];
    for (const reviewer of reviewers) {
      const written = await deps.outbox.toMember(tx, reviewer.id, {
        messageKey: PROOF_REVIEW,
        args: {
          name: member.name,
          code: member.code,
          reference: payment.reference,
          months: payment.months,
          amount: formatYuan(payment.amountFen),
        },
        imageId,
        buttons: [
          [
            { labelKey: "dues-review-confirm", payload: `dues-ok:${paymentId}` },
            { labelKey: "dues-review-reject", payload: `dues-no:${paymentId}` },
          ],
        ],
        // The same screenshot sent twice reaches each reviewer once.
        dedupeKey: `dues-proof:${paymentId}:${imageId}`,
      });
      ids.push(...written);
      // Counted by chat, not by rows written: a screenshot sent again writes no new rows but still reaches them.
      if ((await tx.chatIdentity.count({ where: { memberId: reviewer.id, blocked: false } })) > 0) {
        reached.push(reviewer.name);
      }
    }
    await deps.audit.record(
      {
        actorId: member.id,
        action: "dues.payment.proof",
        orgId: member.orgId,
        targetType: "DuesPayment",
        targetId: paymentId,
        data: { reference: payment.reference, imageId, reviewers: reviewers.map((r) => r.id) },
      },
      tx,
    );
    return { kind: "sent", reviewers: reached, reference: payment.reference };
  });
  await deps.outbox.dispatch(ids);
  return outcome;
}

/** Tells the member their payment is in the ledger (a leader's confirmation or the provider's callback). */
export async function tellSettled(
  deps: Pick<Deps, "outbox">,
  tx: Tx,
  result: Extract<SettleResult, { settled: true }>,
) {
  return deps.outbox.toMember(tx, result.memberId, {
    messageKey: SETTLED_TO_MEMBER,
    args: {
      reference: result.reference,
      months: result.months.length,
      amount: formatYuan(result.amountFen),
      extra: formatYuan(Math.max(0, result.extraFen)),
      through: result.paidThrough === null ? 0 : monthStamp(result.paidThrough),
    },
    dedupeKey: `dues-settled:${result.paymentId}`,
  });
}

async function reviewable(db: Tx, leaderId: number, paymentId: number) {
  const payment = await db.duesPayment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      reference: true,
      status: true,
      months: true,
      amountFen: true,
      member: { select: { id: true, name: true, orgId: true } },
      handledBy: { select: { name: true } },
    },
  });
  if (!payment) return { kind: "not-found" } as const;
  if (payment.member.id === leaderId) return { kind: "own", payment } as const;
  const grant = await db.roleAssignment.findFirst({
    where: { memberId: leaderId, orgId: payment.member.orgId, role: { in: [...REVIEW_ROLES] } },
    select: { role: true },
  });
  return grant ? ({ kind: "allowed", payment } as const) : ({ kind: "denied", payment } as const);
}

export type ReviewOutcome =
  | { kind: "not-found" }
  | { kind: "denied" }
  | { kind: "own" }
  | { kind: "already"; status: PaymentStatus; by: string | null; reference: string }
  | { kind: "confirmed"; name: string; reference: string; months: number; amountFen: number; through: Month | null }
  | { kind: "rejected"; name: string; reference: string }
  | { kind: "ready"; name: string; reference: string };

/** Checks a reviewer may act on the payment; refusals are audited. `ready` means it is still pending. */
export async function checkReview(deps: Deps, leader: Pick<Member, "id">, paymentId: number): Promise<ReviewOutcome> {
  const found = await reviewable(deps.db, leader.id, paymentId);
  if (found.kind === "not-found") return found;
  if (found.kind !== "allowed") {
    await deps.audit.record({
      actorId: leader.id,
      action: "dues.payment.review-denied",
      orgId: found.payment.member.orgId,
      targetType: "DuesPayment",
      targetId: paymentId,
      data: { reference: found.payment.reference, why: found.kind },
    });
    return { kind: found.kind };
  }
  const p = found.payment;
  if (p.status !== PaymentStatus.PENDING) {
    return { kind: "already", status: p.status, by: p.handledBy?.name ?? null, reference: p.reference };
  }
  return { kind: "ready", name: p.member.name, reference: p.reference };
}

async function already(db: Tx, paymentId: number): Promise<ReviewOutcome> {
  const p = await db.duesPayment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { status: true, reference: true, handledBy: { select: { name: true } } },
  });
  return { kind: "already", status: p.status, by: p.handledBy?.name ?? null, reference: p.reference };
}

export async function confirmProof(deps: Deps, leader: Pick<Member, "id">, paymentId: number): Promise<ReviewOutcome> {
  const checked = await checkReview(deps, leader, paymentId);
  if (checked.kind !== "ready") return checked;
  const ids: bigint[] = [];
  const outcome = await deps.db.$transaction(async (tx): Promise<ReviewOutcome> => {
    const result = await settlePayment(
      tx,
      paymentId,
      { memberId: leader.id, label: `member:${leader.id}` },
      deps.now(),
    );
    if (!result.settled) return already(tx, paymentId);
    ids.push(...(await tellSettled(deps, tx, result)));
    return {
      kind: "confirmed",
      name: checked.name,
      reference: result.reference,
      months: result.months.length,
      amountFen: result.amountFen,
      through: result.paidThrough,
    };
  });
  await deps.outbox.dispatch(ids);
  return outcome;
}

export async function rejectProof(
  deps: Deps,
  leader: Pick<Member, "id">,
  paymentId: number,
  reason: { code: string; text?: string },
): Promise<ReviewOutcome> {
  const checked = await checkReview(deps, leader, paymentId);
  if (checked.kind !== "ready") return checked;
  const ids: bigint[] = [];
  const outcome = await deps.db.$transaction(async (tx): Promise<ReviewOutcome> => {
    const result = await rejectPayment(
      tx,
      paymentId,
      { memberId: leader.id, label: `member:${leader.id}` },
      reason,
      deps.now(),
    );
    if (!result.rejected) return already(tx, paymentId);
    ids.push(
      ...(await deps.outbox.toMember(tx, result.memberId, {
        messageKey: REJECTED_TO_MEMBER,
        args: { reference: result.reference, reason: reason.code, text: reason.text ?? "" },
        dedupeKey: `dues-rejected:${paymentId}`,
      })),
    );
    return { kind: "rejected", name: checked.name, reference: result.reference };
  });
  await deps.outbox.dispatch(ids);
  return outcome;
}
