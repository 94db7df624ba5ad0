// The dues ledger: which months a member owes, and settling a payment into paid months. Every way money arrives
// (a confirmed screenshot, the provider's callback, cash a leader records) ends in `settlePayment`, so the rules
// live in one place: whole months, oldest first, never a month twice, and an audit entry naming who did it.

import { PaymentStatus, type Prisma } from "../../infra/db.ts";
import { type ConfirmedChange, circumstanceAt, confirmedChanges } from "./history.ts";
import { addMonths, type Month, monthOf, monthOfDay } from "./months.ts";
import { lastDuesMonth } from "./owed.ts";
import { duesPosition, monthlyDuesForMonth, monthStart, monthsToCover, type Rate } from "./rules.ts";

/** Settling takes row locks, so it must run inside `db.$transaction(async (tx) => …)`. */
type Tx = Prisma.TransactionClient;

/** The configuration's default time zone; pass `config.TZ` where the deployment may differ. */
const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface LedgerActor {
  /** The member who acted (the leader who confirmed, the member who paid); none for the provider. */
  memberId?: number;
  /** How the audit log names the actor: "member:12", "callback". */
  label: string;
}

export interface OwedMonth {
  month: Month;
  amountFen: number;
}

export interface Owed {
  current: Month;
  startMonth: Month;
  months: OwedMonth[];
  totalFen: number;
  paidThrough: Month | null;
  /** False when the rate table has no band for the member: the amounts are 0 and must not be charged. */
  priced: boolean;
}

interface LedgerMember {
  id: number;
  orgId: number;
  joinedAt: Date;
  duesCategory: Rate["category"];
  monthlyIncomeFen: number | null;
}

const memberFields = {
  id: true,
  orgId: true,
  joinedAt: true,
  duesCategory: true,
  monthlyIncomeFen: true,
  leftOn: true,
} as const;

/**
 * Each month's amount for this member: the rate in force in that month, at the category and pay that applied in
 * that month (their confirmed changes of circumstance; without any, their current category and pay).
 */
export function monthPricer(
  rates: Rate[],
  member: Pick<LedgerMember, "duesCategory" | "monthlyIncomeFen">,
  changes: readonly ConfirmedChange[] = [],
) {
  // A month's price changes only where a change of circumstance or a rate table takes effect: priced once per
  // stretch between those, not once per month (a status look-up prices every owed month, years of them for some).
  const starts = [...changes.map((c) => c.effectiveMonth), ...rates.map((r) => firstMonthFrom(r.effectiveFrom))].sort(
    (a, b) => a - b,
  );
  const byStretch = new Map<number, number | null>();
  return (month: Month) => {
    let stretch = 0;
    while (stretch < starts.length && starts[stretch]! <= month) stretch++;
    const known = byStretch.get(stretch);
    if (known !== undefined) return known;
    const at = circumstanceAt(member, changes, month);
    const price = monthlyDuesForMonth(rates, at.duesCategory, at.monthlyIncomeFen, month)?.amountFen ?? null;
    byStretch.set(stretch, price);
    return price;
  };
}

/** The first month whose first day is on or after `day` (a table in force from the 15th applies from next month). */
function firstMonthFrom(day: Date): Month {
  const month = monthOfDay(day);
  return monthStart(month).getTime() < day.getTime() ? addMonths(month, 1) : month;
}

async function paidMonths(tx: Tx, memberId: number): Promise<Month[]> {
  const rows = await tx.duesMonth.findMany({ where: { memberId }, select: { month: true } });
  return rows.map((r) => r.month);
}

/** What a member owes up to the current month, each month at its own rate, oldest first. */
export async function owedMonths(
  tx: Tx,
  memberId: number,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Owed> {
  // One after the other: `tx` may be a transaction, one connection.
  const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: memberFields });
  const rates = await tx.duesRate.findMany();
  const paid = await paidMonths(tx, memberId);
  const price = monthPricer(rates, member, await confirmedChanges(tx, memberId));
  const startMonth = monthOfDay(member.joinedAt);
  const current = monthOf(now, timeZone);
  const position = duesPosition(startMonth, lastDuesMonth(current, member.leftOn), paid, (m) => price(m) ?? 0);
  return {
    current,
    startMonth,
    months: position.owedMonths.map((month) => ({ month, amountFen: price(month) ?? 0 })),
    totalFen: position.owedFen,
    paidThrough: position.paidThrough,
    priced: position.owedMonths.every((m) => price(m) !== null),
  };
}

export type SettleResult =
  | {
      settled: true;
      paymentId: number;
      memberId: number;
      reference: string;
      months: OwedMonth[];
      /** What the months cost at their rates; the rest of the payment is a voluntary extra. */
      monthsFen: number;
      extraFen: number;
      amountFen: number;
      /** The member's paid-through month once these months are in. */
      paidThrough: Month | null;
    }
  /** Someone else settled, rejected or withdrew it first; nothing was changed. */
  | { settled: false; status: PaymentStatus | null; handledById: number | null };

/**
 * Marks a PENDING payment CONFIRMED and writes a DuesMonth row for each month it covers: the member's first unpaid
 * months from their joining month, oldest first. Exactly one of two racing calls (confirm/reject, two confirms,
 * a leader and the callback) wins: the status change is conditional, and the member row lock serialises two
 * payments of the same member so they cover different months. The unique (member, month) key is the last guard.
 */
export async function settlePayment(tx: Tx, paymentId: number, actor: LedgerActor, now: Date): Promise<SettleResult> {
  const claimed = await tx.duesPayment.updateMany({
    where: { id: paymentId, status: PaymentStatus.PENDING },
    data: { status: PaymentStatus.CONFIRMED, settledAt: now, handledById: actor.memberId ?? null },
  });
  if (claimed.count === 0) {
    const current = await tx.duesPayment.findUnique({
      where: { id: paymentId },
      select: { status: true, handledById: true },
    });
    return { settled: false, status: current?.status ?? null, handledById: current?.handledById ?? null };
  }
  const payment = await tx.duesPayment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { memberId: true, reference: true, months: true, amountFen: true, method: true },
  });
  // Another payment of this member settling at the same time waits here and then sees our months as paid.
  await tx.$queryRaw`SELECT id FROM members WHERE id = ${payment.memberId} FOR UPDATE`;
  const member = await tx.member.findUniqueOrThrow({ where: { id: payment.memberId }, select: memberFields });
  const rates = await tx.duesRate.findMany();
  const paid = await paidMonths(tx, payment.memberId);
  const price = monthPricer(rates, member, await confirmedChanges(tx, payment.memberId));
  const startMonth = monthOfDay(member.joinedAt);
  const months = monthsToCover(startMonth, paid, payment.months).map((month) => ({
    month,
    amountFen: price(month) ?? 0,
  }));
  await tx.duesMonth.createMany({
    data: months.map((m) => ({ memberId: member.id, month: m.month, amountFen: m.amountFen, paymentId })),
  });
  const monthsFen = months.reduce((sum, m) => sum + m.amountFen, 0);
  const extraFen = payment.amountFen - monthsFen;
  // Written through the caller's transaction (callers hold only `tx`), so the entry commits with the months.
  await tx.auditLog.create({
    data: {
      actorId: actor.memberId ?? null,
      actorLabel: actor.label,
      action: "dues.payment.settled",
      orgId: member.orgId,
      targetType: "DuesPayment",
      targetId: String(paymentId),
      data: {
        memberId: member.id,
        reference: payment.reference,
        method: payment.method,
        months: months.map((m) => m.month),
        monthsFen,
        extraFen,
        amountFen: payment.amountFen,
      },
    },
  });
  return {
    settled: true,
    paymentId,
    memberId: member.id,
    reference: payment.reference,
    months,
    monthsFen,
    extraFen,
    amountFen: payment.amountFen,
    paidThrough: paidThroughOf(startMonth, [...paid, ...months.map((m) => m.month)]),
  };
}

function paidThroughOf(startMonth: Month, paid: Month[]): Month | null {
  const set = new Set(paid);
  let through: Month | null = null;
  for (let m = startMonth; set.has(m); m = addMonths(m, 1)) through = m;
  return through;
}

export type RejectResult =
  | { rejected: true; memberId: number; reference: string; orgId: number }
  | { rejected: false; status: PaymentStatus | null; handledById: number | null };

/** Marks a PENDING payment REJECTED with the reason; loses cleanly to a confirmation that came first. */
export async function rejectPayment(
  tx: Tx,
  paymentId: number,
  actor: LedgerActor,
  reason: { code: string; text?: string },
  now: Date,
): Promise<RejectResult> {
  const note = reason.text ? `${reason.code}: ${reason.text}` : reason.code;
  const claimed = await tx.duesPayment.updateMany({
    where: { id: paymentId, status: PaymentStatus.PENDING },
    data: { status: PaymentStatus.REJECTED, settledAt: now, handledById: actor.memberId ?? null, note },
  });
  const payment = await tx.duesPayment.findUnique({
    where: { id: paymentId },
    select: { status: true, handledById: true, memberId: true, reference: true, member: { select: { orgId: true } } },
  });
  if (claimed.count === 0 || !payment) {
    return { rejected: false, status: payment?.status ?? null, handledById: payment?.handledById ?? null };
  }
  await tx.auditLog.create({
    data: {
      actorId: actor.memberId ?? null,
      actorLabel: actor.label,
      action: "dues.payment.rejected",
      orgId: payment.member.orgId,
      targetType: "DuesPayment",
      targetId: String(paymentId),
      data: {
        memberId: payment.memberId,
        reference: payment.reference,
        reason: reason.code,
        text: reason.text ?? null,
      },
    },
  });
  return { rejected: true, memberId: payment.memberId, reference: payment.reference, orgId: payment.member.orgId };
}
