// Cash dues a leader collected for several members: checked and priced as a whole before anything is saved, then
// saved in one transaction through the ledger (settlePayment), so cash covers months exactly as any payment does.
import type { Outbox } from "../../../core/outbox.ts";
import { type Db, MemberStatus, PaymentMethod, PaymentStatus, type Prisma } from "../../../infra/db.ts";
import { canAct, type RoleGrant } from "../../orgs/scope.ts";
import { confirmedChangesOf } from "../history.ts";
import { monthPricer, settlePayment } from "../ledger.ts";
import { formatYuan } from "../money.ts";
import { type Month, monthOf, monthOfDay } from "../months.ts";
import { newReference } from "../reference.ts";
import { maxPayableMonths, monthsToCover } from "../rules.ts";
import type { CashLine } from "./rules.ts";
import { DUES_LEADER_ROLES } from "./scope.ts";

type Tx = Prisma.TransactionClient | Db;

export const CASH_MEMBER_MESSAGE = "duesleaders-cash-member";

export interface CashEntry {
  memberId: number;
  code: string;
  name: string;
  months: number;
  amountFen: number;
  from: Month;
  to: Month;
}

export type CashProblem =
  | { reason: "not-found" }
  | { reason: "out-of-scope" }
  | { reason: "own" }
  | { reason: "not-active" }
  | { reason: "too-many"; max: number }
  | { reason: "no-rate" };

export interface CashPreview {
  entries: CashEntry[];
  problems: { line: number; text: string; problem: CashProblem }[];
}

/**
 * Each line's member, checked (exists, on the roll, in the leader's scope, not more than owed plus a year ahead)
 * and priced: the months it covers are the member's first unpaid ones, each at its own rate.
 */
export async function previewCash(
  db: Tx,
  /** The leader recording: her own dues are never hers to record. */
  actorId: number,
  roles: RoleGrant[],
  lines: CashLine[],
  now: Date,
  timeZone: string,
): Promise<CashPreview> {
  const codes = lines.map((l) => l.code);
  const [rates, members] = await Promise.all([
    db.duesRate.findMany(),
    db.member.findMany({
      where: { code: { in: codes } },
      select: {
        id: true,
        code: true,
        name: true,
        status: true,
        joinedAt: true,
        duesCategory: true,
        monthlyIncomeFen: true,
        org: { select: { ancestorIds: true } },
      },
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
  const current = monthOf(now, timeZone);
  const byCode = new Map(members.map((m) => [m.code, m]));
  const preview: CashPreview = { entries: [], problems: [] };
  for (const line of lines) {
    const member = byCode.get(line.code);
    const problem = (p: CashProblem) => preview.problems.push({ line: line.line, text: line.text, problem: p });
    // Outside the scope reads the same as not found only for codes nobody has; a leader may know a code exists.
    if (!member) {
      problem({ reason: "not-found" });
      continue;
    }
    if (member.id === actorId) {
      problem({ reason: "own" });
      continue;
    }
    if (!canAct(roles, member.org.ancestorIds, DUES_LEADER_ROLES)) {
      problem({ reason: "out-of-scope" });
      continue;
    }
    if (member.status !== MemberStatus.ACTIVE) {
      problem({ reason: "not-active" });
      continue;
    }
    const paid = paidRows.filter((r) => r.memberId === member.id).map((r) => r.month);
    const start = monthOfDay(member.joinedAt);
    const max = maxPayableMonths(start, current, paid);
    if (line.months > max) {
      problem({ reason: "too-many", max });
      continue;
    }
    const price = monthPricer(rates, member, changes.get(member.id));
    const covered = monthsToCover(start, paid, line.months);
    const prices = covered.map(price);
    if (prices.some((p) => p === null)) {
      problem({ reason: "no-rate" });
      continue;
    }
    preview.entries.push({
      memberId: member.id,
      code: member.code,
      name: member.name,
      months: line.months,
      amountFen: prices.reduce<number>((s, p) => s + (p ?? 0), 0),
      from: covered[0]!,
      to: covered[covered.length - 1]!,
    });
  }
  return preview;
}

/** A member's dues changed between preview and confirmation; thrown inside the transaction so it rolls back. */
export class CashChanged extends Error {}

export interface CashLeader {
  id: number;
  name: string;
  orgId: number;
}

/**
 * Saves the entries as CASH payments settled at once, audits the whole entry, and writes each member a message.
 * Returns the outbox ids to dispatch after commit. Throws CashChanged when a member's dues changed since the
 * preview (the ledger would cover other months than the leader saw), so the transaction saves nothing.
 */
export async function recordCash(
  tx: Prisma.TransactionClient,
  outbox: Outbox,
  leader: CashLeader,
  entries: CashEntry[],
  now: Date,
): Promise<{ outboxIds: bigint[]; payments: number[] }> {
  const outboxIds: bigint[] = [];
  const payments: number[] = [];
  const actor = { memberId: leader.id, label: `member:${leader.id}` };
  for (const entry of entries) {
    const payment = await tx.duesPayment.create({
      data: {
        memberId: entry.memberId,
        reference: newReference(),
        method: PaymentMethod.CASH,
        months: entry.months,
        amountFen: entry.amountFen,
        handledById: leader.id,
        note: "cash",
      },
      select: { id: true },
    });
    const settled = await settlePayment(tx, payment.id, actor, now);
    if (!settled.settled) throw new CashChanged(`payment ${payment.id} not settled`);
    const first = settled.months[0]?.month;
    const last = settled.months.at(-1)?.month;
    if (first !== entry.from || last !== entry.to || settled.monthsFen !== entry.amountFen) {
      throw new CashChanged(`member ${entry.memberId}: the ledger would cover other months`);
    }
    payments.push(payment.id);
    const closed = await closeWaitingRequests(tx, leader, entry.memberId, settled.reference, now);
    const ids = await outbox.toMember(tx, entry.memberId, {
      messageKey: CASH_MEMBER_MESSAGE,
      args: {
        leader: leader.name,
        months: entry.months,
        fromYear: String(Math.floor(first / 100)),
        fromMon: String(first % 100),
        toYear: String(Math.floor(last / 100)),
        toMon: String(last % 100),
        amount: formatYuan(entry.amountFen),
        reference: settled.reference,
        closed: closed.length ? closed.join(", ") : "none",
      },
      dedupeKey: `dues-cash:${payment.id}`,
      buttons: [[{ labelKey: "duesleaders-button-my-dues", payload: "go:dues.status" }]],
    });
    outboxIds.push(...ids);
  }
  return { outboxIds, payments };
}

/**
 * The member's payment requests still waiting (with or without a screenshot) close once a leader records cash for
 * them instead: the request would otherwise wait for ever, or pay the same months twice. The member's message says
 * so. Returns the closed references.
 */
async function closeWaitingRequests(
  tx: Prisma.TransactionClient,
  leader: CashLeader,
  memberId: number,
  cashReference: string,
  now: Date,
): Promise<string[]> {
  const waiting = await tx.duesPayment.findMany({
    where: { memberId, status: PaymentStatus.PENDING },
    select: { id: true, reference: true, member: { select: { orgId: true } } },
  });
  const closed: string[] = [];
  for (const w of waiting) {
    const done = await tx.duesPayment.updateMany({
      where: { id: w.id, status: PaymentStatus.PENDING },
      data: { status: PaymentStatus.EXPIRED, settledAt: now, handledById: leader.id, note: `cash ${cashReference}` },
    });
    if (done.count === 0) continue;
    closed.push(w.reference);
    await tx.auditLog.create({
      data: {
        actorId: leader.id,
        actorLabel: `member:${leader.id}`,
        action: "dues.payment.closed-by-cash",
        orgId: w.member.orgId,
        targetType: "DuesPayment",
        targetId: String(w.id),
        data: { memberId, reference: w.reference, cash: cashReference },
      },
    });
  }
  return closed;
}
