// A member's dues picture, read from the rate table, their paid months and their last payment.

import { type Db, type Member, PaymentStatus, Prisma } from "../../infra/db.ts";
import { type Fact, type FactValues, readFacts } from "../../infra/facts.ts";
import { jsonTime } from "../../infra/utc-values.ts";
import { changesFact, circumstanceAt, type PendingChange } from "./history.ts";
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
  type Rate,
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

/** What a dues picture is read from, as facts: /me reads them in the same statement as the rest of the status. */
export function duesFacts(memberId: number) {
  return {
    rates: ratesFact,
    paidMonths: paidMonthsFact(memberId),
    payments: paymentsFact(memberId),
    changes: changesFact(memberId),
  };
}

export type DuesFacts = FactValues<ReturnType<typeof duesFacts>>;

export async function loadDues(db: Tx, member: DuesMember, now: Date, timeZone: string): Promise<DuesPicture> {
  return duesPicture(await readFacts(db, duesFacts(member.id)), member, now, timeZone);
}

export function duesPicture(facts: DuesFacts, member: DuesMember, now: Date, timeZone: string): DuesPicture {
  const {
    rates,
    paidMonths,
    payments: { last, pending },
    changes: { confirmed: changes, pending: pendingChange },
  } = facts;
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
  const position = duesPosition(startMonth, lastDuesMonth(current, member.leftOn), paidMonths, (m) => price(m) ?? 0);
  return {
    monthly,
    explanation: monthly && explainMonthlyDues(monthly, here.duesCategory, here.monthlyIncomeFen),
    startMonth,
    current,
    position,
    lastPayment: last,
    pending,
    pendingChange,
    upcoming: next && upcomingFen !== null ? { month: next.effectiveMonth, amountFen: upcomingFen } : null,
  };
}

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

const ratesFact: Fact<Rate[]> = {
  sql: Prisma.sql`
    SELECT COALESCE(json_agg(json_build_object(
             'effectiveFrom', effective_from, 'category', category, 'incomeFromFen', income_from_fen,
             'incomeToFen', income_to_fen, 'fixedFen', fixed_fen, 'ratePer10k', rate_per_10k, 'capFen', cap_fen)), '[]')
    FROM dues_rates`,
  parse: (value) =>
    (value as (Omit<Rate, "effectiveFrom"> & { effectiveFrom: string })[]).map((r) => ({
      ...r,
      effectiveFrom: jsonTime(r.effectiveFrom),
    })),
};

const paidMonthsFact = (memberId: number): Fact<Month[]> => ({
  sql: Prisma.sql`SELECT COALESCE(array_agg(month), '{}') FROM dues_months WHERE member_id = ${memberId}`,
  parse: (value) => value as Month[],
});

type PaymentJson = {
  id: number;
  reference: string;
  months: number;
  amountFen: number;
  proofImageId: number | null;
  settledAt: string | null;
  createdAt: string;
};

/** The last confirmed payment and the waiting request (every status look-up shows both). */
function paymentsFact(memberId: number): Fact<{ last: DuesPicture["lastPayment"]; pending: PendingPayment | null }> {
  const fields = Prisma.sql`json_build_object('id', id, 'reference', reference, 'months', months,
    'amountFen', amount_fen, 'proofImageId', proof_image_id, 'settledAt', settled_at, 'createdAt', created_at)`;
  return {
    sql: Prisma.sql`
      SELECT json_build_object(
        'last', (SELECT ${fields} FROM dues_payments WHERE member_id = ${memberId} AND status = 'CONFIRMED'
                 ORDER BY settled_at DESC NULLS LAST, id DESC LIMIT 1),
        'pending', (SELECT ${fields} FROM dues_payments WHERE member_id = ${memberId} AND status = 'PENDING'
                    ORDER BY id DESC LIMIT 1))`,
    parse: (value) => {
      const { last, pending } = value as { last: PaymentJson | null; pending: PaymentJson | null };
      return {
        last: last && {
          at: jsonTime(last.settledAt ?? last.createdAt),
          amountFen: last.amountFen,
          months: last.months,
        },
        pending: pending && toPendingPayment(pending),
      };
    },
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
