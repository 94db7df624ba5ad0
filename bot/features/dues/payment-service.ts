// Payment requests and their proofs: a member asks to pay N months, gets a reference and a total, sends a
// screenshot; the branch's treasurer or secretary confirms (the ledger settles it) or rejects with a reason.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, type Member, PaymentMethod, PaymentStatus, Prisma } from "../../infra/db.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import { confirmedChanges } from "./history.ts";
import { monthPricer, rejectPayment, type SettleResult, settlePayment } from "./ledger.ts";
import { formatYuan } from "./money.ts";
import { type Month, monthOf, monthOfDay, monthStamp } from "./months.ts";
import { lastDuesMonth, monthsOwed } from "./owed.ts";
import { PROOF_ROLES, proofRoute } from "./proof-route.ts";
import { newReference } from "./reference.ts";
import { maxPayableMonths, monthChoices, monthsToCover } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;
type Deps = Pick<CoreDeps, "db" | "outbox" | "audit" | "now" | "config">;

/** A voluntary extra above 1000 元 in one payment is almost surely a typo. */
export const MAX_EXTRA_FEN = 100_000;
/** Outbox message ids this feature sends. */
export const PROOF_REVIEW = "dues-proof-review";
export const SETTLED_TO_MEMBER = "dues-settled-member";
export const REJECTED_TO_MEMBER = "dues-rejected-member";

export type PayMember = Pick<Member, "id" | "orgId" | "joinedAt" | "duesCategory" | "monthlyIncomeFen"> &
  Partial<Pick<Member, "leftOn">>;

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
  const price = monthPricer(rates, member, await confirmedChanges(db, member.id));
  const start = monthOfDay(member.joinedAt);
  const current = monthOf(now, timeZone);
  const owed = monthsOwed(start, lastDuesMonth(current, member.leftOn), paid);
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
  | {
      kind: "created";
      id: number;
      reference: string;
      months: Month[];
      monthsFen: number;
      extraFen: number;
      /** The same request asked for again (a second tap): the member's reference stays valid. */
      again: boolean;
      /** The reference of an earlier, different request this one replaced (no longer valid), if any. */
      replaced: string | null;
    }
  /** A request with a screenshot is with the branch: a second one would pay the same months twice. */
  | { kind: "awaiting"; reference: string }
  | { kind: "too-many"; max: number }
  | { kind: "no-rate" };

/**
 * A PENDING payment for `months` months plus a voluntary extra. The same request asked for again (a double tap)
 * returns the one the member already holds, so a reference they may have written into a transfer stays valid.
 * An older, different request without a screenshot is withdrawn (EXPIRED) and the member is told which one:
 * they changed their mind before paying. Reference collisions draw a new code.
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
          select: { id: true, reference: true, proofImageId: true, months: true, amountFen: true },
        });
        if (pending?.proofImageId) return { kind: "awaiting", reference: pending.reference } as const;
        const plan = await payPlan(tx, member, deps.now(), deps.config.TZ);
        if (!plan.priced) return { kind: "no-rate" } as const;
        if (!Number.isInteger(months) || months < 1 || months > plan.maxMonths) {
          return { kind: "too-many", max: plan.maxMonths } as const;
        }
        const cover = plan.cover(months);
        if (pending && pending.months === months && pending.amountFen === cover.amountFen + extraFen) {
          return {
            kind: "created",
            id: pending.id,
            reference: pending.reference,
            months: cover.months,
            monthsFen: cover.amountFen,
            extraFen,
            again: true,
            replaced: null,
          } as const;
        }
        if (pending) {
          await tx.duesPayment.update({
            where: { id: pending.id },
            data: { status: PaymentStatus.EXPIRED, note: "replaced" },
          });
        }
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
          again: false,
          replaced: pending?.reference ?? null,
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

export type ProofOutcome =
  | {
      kind: "sent";
      reference: string;
      /** Names of those who were sent it (bound leaders), and whether they are at the member's own organisation. */
      reviewers: string[];
      atOwnOrg: boolean;
      reviewersOrg: string | null;
      /** Leaders of the member's own organisation who could confirm but do not use Tuanzhu yet. */
      unbound: string[];
    }
  | { kind: "not-pending" };

/**
 * Attaches the stored screenshot and sends it, with Confirm/Reject buttons, to whoever can confirm it: the
 * branch's bound treasurer and 团支书, or, when none is bound, the nearest leaders above who are (proof-route.ts).
 */
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
    const route = await proofRoute(tx, member);
    for (const reviewer of route.recipients) {
      const written = await deps.outbox.toMember(tx, reviewer.memberId, {
        messageKey: PROOF_REVIEW,
        args: {
          name: member.name,
          code: member.code,
          reference: payment.reference,
          months: payment.months,
          amount: formatYuan(payment.amountFen),
        },
        imageId,
        buttons: reviewButtons(paymentId),
        // The same screenshot sent twice reaches each reviewer once.
        dedupeKey: `dues-proof:${paymentId}:${imageId}`,
      });
      ids.push(...written);
    }
    await deps.audit.record(
      {
        actorId: member.id,
        action: "dues.payment.proof",
        orgId: member.orgId,
        targetType: "DuesPayment",
        targetId: paymentId,
        data: {
          reference: payment.reference,
          imageId,
          reviewers: route.recipients.map((r) => r.memberId),
          atOwnOrg: route.atOwnOrg,
        },
      },
      tx,
    );
    return {
      kind: "sent",
      reference: payment.reference,
      reviewers: route.recipients.map((r) => r.name),
      atOwnOrg: route.atOwnOrg,
      reviewersOrg: route.recipients[0]?.orgName ?? null,
      unbound: route.unboundAtOwnOrg.map((r) => r.name),
    };
  });
  await deps.outbox.dispatch(ids);
  return outcome;
}

/** Confirm / Reject under a screenshot, wherever it is shown (the proactive message, 待确认缴费). */
export function reviewButtons(paymentId: number) {
  return [
    [
      { labelKey: "dues-review-confirm", payload: `dues-ok:${paymentId}` },
      { labelKey: "dues-review-reject", payload: `dues-no:${paymentId}` },
    ],
  ];
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
  // The branch's treasurer and 团支书, and the committees above it (a screenshot may have gone up to them).
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: payment.member.orgId },
    select: { ancestorIds: true },
  });
  const roles = await rolesOf(db, leaderId);
  if (canAct(roles, org.ancestorIds, PROOF_ROLES)) return { kind: "allowed", payment } as const;
  // A leader whose scope holds the branch may know the payment exists; anyone else is answered as if it did not.
  return { kind: canAct(roles, org.ancestorIds) ? "denied" : "out-of-scope", payment } as const;
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
    return { kind: found.kind === "out-of-scope" ? "not-found" : found.kind };
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
