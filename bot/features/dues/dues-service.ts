// A member's dues picture, read from the rate table, their paid months and their last payment.

import { type Db, type Member, PaymentStatus, type Prisma } from "../../infra/db.ts";
import { changesOf, circumstanceAt, type PendingChange } from "./history.ts";
import { monthPricer } from "./ledger.ts";
import { type Month, monthOf, monthOfDay } from "./months.ts";
import { lastDuesMonth } from "./owed.ts";
import {
  type DuesExplanation,
  type DuesPosition,
  duesPosition,
  explainMonthlyDues,
  type MonthlyDues,
  monthlyDues,
} from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface DuesPicture {
  /** null when the rate table has no row for this member (a configuration gap, shown as such). */
  monthly: MonthlyDues | null;
  explanation: DuesExplanation | null;
  /** Dues start in the joining month. */
  startMonth: Month;
  current: Month;
  position: DuesPosition;
  lastPayment: { at: Date; amountFen: number; months: number } | null;
  /** The member's payment request waiting for money or for a leader's confirmation. */
  pending: PendingPayment | null;
  /** A confirmed change of circumstance that starts after this month: the new amount and its first month. */
  upcoming: { month: Month; amountFen: number } | null;
  /** A change of circumstance the member reported, waiting for a leader. */
  pendingChange: PendingChange | null;
}

export interface PendingPayment {
  id: number;
  reference: string;
  months: number;
  amountFen: number;
  hasProof: boolean;
}

export type DuesMember = Pick<Member, "id" | "joinedAt" | "duesCategory" | "monthlyIncomeFen"> &
  Partial<Pick<Member, "leftOn">>;

export async function loadDues(db: Tx, member: DuesMember, now: Date, timeZone: string): Promise<DuesPicture> {
  const [rates, paid, { last, pending }, { confirmed: changes, pending: pendingChange }] = await Promise.all([
    db.duesRate.findMany(),
    db.duesMonth.findMany({ where: { memberId: member.id }, select: { month: true } }),
    paymentsOf(db, member.id),
    changesOf(db, member.id),
  ]);
  const startMonth = monthOfDay(member.joinedAt);
  const current = monthOf(now, timeZone);
  // This month's category: a confirmed change of circumstance may start only next month.
  const here = circumstanceAt(member, changes, current);
  const monthly = monthlyDues(rates, here.duesCategory, here.monthlyIncomeFen, now);
  // Each owed month at the rate and category of that month: a table change or a change of circumstance part-way
  // through is charged as it applied.
  const price = monthPricer(rates, member, changes);
  const next = changes.find((c) => c.effectiveMonth > current);
  const upcomingFen = next ? price(next.effectiveMonth) : null;
  const position = duesPosition(
    startMonth,
    lastDuesMonth(current, member.leftOn),
    paid.map((p) => p.month),
    (m) => price(m) ?? 0,
  );
  return {
    monthly,
    explanation: monthly && explainMonthlyDues(monthly, here.duesCategory, here.monthlyIncomeFen),
    startMonth,
    current,
    position,
    lastPayment: last && { at: last.settledAt ?? last.createdAt, amountFen: last.amountFen, months: last.months },
    pending,
    pendingChange,
    upcoming: next && upcomingFen !== null ? { month: next.effectiveMonth, amountFen: upcomingFen } : null,
  };
}

type PaymentRow = {
  kind: "last" | "pending";
  id: number;
  reference: string;
  months: number;
  amount_fen: number;
  proof_image_id: number | null;
  settled_at: Date | null;
  created_at: Date;
};

const toPendingPayment = (row: {
  id: number;
  reference: string;
  months: number;
  amountFen: number;
  proofImageId: number | null;
}): PendingPayment => ({
  id: row.id,
  reference: row.reference,
  months: row.months,
  amountFen: row.amountFen,
  hasProof: row.proofImageId !== null,
});

/** The last confirmed payment and the waiting request in one statement (every status look-up shows both). */
async function paymentsOf(db: Tx, memberId: number) {
  const rows = await db.$queryRaw<PaymentRow[]>`
    (SELECT 'last' AS kind, id, reference, months, amount_fen, proof_image_id, settled_at, created_at
       FROM dues_payments WHERE member_id = ${memberId} AND status = 'CONFIRMED'
      ORDER BY settled_at DESC NULLS LAST, id DESC LIMIT 1)
    UNION ALL
    (SELECT 'pending', id, reference, months, amount_fen, proof_image_id, settled_at, created_at
       FROM dues_payments WHERE member_id = ${memberId} AND status = 'PENDING' ORDER BY id DESC LIMIT 1)`;
  const last = rows.find((r) => r.kind === "last");
  const pending = rows.find((r) => r.kind === "pending");
  return {
    last: last
      ? { settledAt: last.settled_at, createdAt: last.created_at, amountFen: last.amount_fen, months: last.months }
      : null,
    pending: pending
      ? toPendingPayment({ ...pending, amountFen: pending.amount_fen, proofImageId: pending.proof_image_id })
      : null,
  };
}

export async function pendingPayment(db: Tx, memberId: number): Promise<PendingPayment | null> {
  const row = await db.duesPayment.findFirst({
    where: { memberId, status: PaymentStatus.PENDING },
    orderBy: { id: "desc" },
    select: { id: true, reference: true, months: true, amountFen: true, proofImageId: true },
  });
  return row && toPendingPayment(row);
}
