// A member's dues picture, read from the rate table, their paid months and their last payment.
import { type Db, type Member, PaymentStatus, type Prisma } from "../../infra/db.ts";
import { type Month, monthOf, monthOfDay } from "./months.ts";
import {
  type DuesExplanation,
  type DuesPosition,
  duesPosition,
  explainMonthlyDues,
  type MonthlyDues,
  monthlyDues,
  overdueMonths,
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
  /** Unpaid months before the current one: what the arrears warnings count. */
  overdue: number;
  lastPayment: { at: Date; amountFen: number; months: number } | null;
}

export type DuesMember = Pick<Member, "id" | "joinedAt" | "duesCategory" | "monthlyIncomeFen">;

export async function loadDues(db: Tx, member: DuesMember, now: Date, timeZone: string): Promise<DuesPicture> {
  const [rates, paid, last] = await Promise.all([
    db.duesRate.findMany(),
    db.duesMonth.findMany({ where: { memberId: member.id }, select: { month: true } }),
    db.duesPayment.findFirst({
      where: { memberId: member.id, status: PaymentStatus.CONFIRMED },
      orderBy: [{ settledAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: { settledAt: true, createdAt: true, amountFen: true, months: true },
    }),
  ]);
  const monthly = monthlyDues(rates, member.duesCategory, member.monthlyIncomeFen, now);
  const startMonth = monthOfDay(member.joinedAt);
  const current = monthOf(now, timeZone);
  const position = duesPosition(
    startMonth,
    current,
    paid.map((p) => p.month),
    monthly?.amountFen ?? 0,
  );
  return {
    monthly,
    explanation: monthly && explainMonthlyDues(monthly, member.duesCategory, member.monthlyIncomeFen),
    startMonth,
    current,
    position,
    overdue: overdueMonths(position, current),
    lastPayment: last && { at: last.settledAt ?? last.createdAt, amountFen: last.amountFen, months: last.months },
  };
}
