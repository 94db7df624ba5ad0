// A branch's dues for the current year, member by member: the same ledger arithmetic as a member's own /dues
// (each month at its own rate), with the rates, members and paid months of the whole organisation read in three
// queries rather than per member.
import { type Db, MemberStatus, type Prisma } from "../../../infra/db.ts";
import { membersInSubtree } from "../../orgs/scope.ts";
import { confirmedChangesOf } from "../history.ts";
import { monthPricer } from "../ledger.ts";
import { type Month, monthOf, monthOfDay } from "../months.ts";
import { duesPosition } from "../rules.ts";
import { yearWindow } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface MemberCollection {
  id: number;
  code: string;
  name: string;
  /** This month's amount; null when the rate table has no band for the member. */
  monthlyFen: number | null;
  paidThrough: Month | null;
  /** This year: months due (from January or joining) and of those paid. */
  due: number;
  paid: number;
  /** Every unpaid month up to the current one, and what they cost. */
  owedMonths: number;
  owedFen: number;
}

export interface BranchCollection {
  year: number;
  current: Month;
  members: MemberCollection[];
  totals: { members: number; due: number; paid: number; owing: number; owedMonths: number; owedFen: number };
}

export async function branchCollection(db: Tx, orgId: number, now: Date, timeZone: string): Promise<BranchCollection> {
  const current = monthOf(now, timeZone);
  const [rates, members] = await Promise.all([
    db.duesRate.findMany(),
    db.member.findMany({
      where: { status: MemberStatus.ACTIVE, ...membersInSubtree(orgId) },
      select: { id: true, code: true, name: true, joinedAt: true, duesCategory: true, monthlyIncomeFen: true },
      orderBy: { code: "asc" },
    }),
  ]);
  const paidRows = await db.duesMonth.findMany({
    where: { memberId: { in: members.map((m) => m.id) } },
    select: { memberId: true, month: true },
  });
  const changes = await confirmedChangesOf(
    db,
    members.map((m) => m.id),
  );
  const paidBy = new Map<number, Month[]>();
  for (const r of paidRows) {
    const list = paidBy.get(r.memberId);
    if (list) list.push(r.month);
    else paidBy.set(r.memberId, [r.month]);
  }

  const rows = members.map((m): MemberCollection => {
    const price = monthPricer(rates, m, changes.get(m.id));
    const start = monthOfDay(m.joinedAt);
    const paid = paidBy.get(m.id) ?? [];
    const position = duesPosition(start, current, paid, (month) => price(month) ?? 0);
    const window = yearWindow(start, current);
    return {
      id: m.id,
      code: m.code,
      name: m.name,
      monthlyFen: price(current),
      paidThrough: position.paidThrough,
      due: window.due,
      paid: paid.filter((p) => p >= window.from && p <= current).length,
      owedMonths: position.owedMonths.length,
      owedFen: position.owedFen,
    };
  });
  const sum = (f: (r: MemberCollection) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    year: Math.floor(current / 100),
    current,
    members: rows,
    totals: {
      members: rows.length,
      due: sum((r) => r.due),
      paid: sum((r) => r.paid),
      owing: rows.filter((r) => r.owedMonths > 0).length,
      owedMonths: sum((r) => r.owedMonths),
      owedFen: sum((r) => r.owedFen),
    },
  };
}
