// Changes of circumstance over Prisma: a member's report goes to their 团支书 (or the nearest leader above who uses
// Tuanzhu); only a leader's confirmation changes the dues, and only from the month the member named. Each state
// change is one transaction with its audit entry and the outbox rows telling people.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, type DuesCategory, DuesChangeStatus, MemberStatus, type Prisma, Role } from "../../infra/db.ts";
import { circumstanceAt, confirmedChanges } from "../dues/history.ts";

export { type PendingChange, pendingChangeOf } from "../dues/history.ts";

import { formatYuan } from "../dues/money.ts";
import { type Month, monthOf, monthOfDay, monthStamp } from "../dues/months.ts";
import { proofRoute } from "../dues/proof-route.ts";
import { monthlyDuesForMonth } from "../dues/rules.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { checkMonth, MAX_NOTE_LENGTH, type MonthBounds, monthBounds } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;
type Deps = Pick<CoreDeps, "db" | "outbox" | "audit" | "now" | "config">;

/** Who is told about a report and may confirm it: the member's 团支书, committee staff above (and admins). */
export const CONFIRM_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN];
const TOLD_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

/** Outbox message ids. */
export const TO_LEADER = "circumstance-leader-request";
export const CONFIRMED_TO_MEMBER = "circumstance-member-confirmed";
export const REJECTED_TO_MEMBER = "circumstance-member-rejected";
export const AFTER_TRANSFER = "circumstance-after-transfer";

export interface NewCircumstance {
  category: DuesCategory;
  incomeFen: number | null;
}

type BoundsMember = { id: number; joinedAt: Date };

/** The months a change of this member may start in, today. */
export async function boundsFor(db: Tx, member: BoundsMember, now: Date, timeZone: string): Promise<MonthBounds> {
  const lastPaid = await db.duesMonth.findFirst({
    where: { memberId: member.id },
    orderBy: { month: "desc" },
    select: { month: true },
  });
  const lastChange = await db.duesChange.findFirst({
    where: { memberId: member.id, status: DuesChangeStatus.CONFIRMED },
    orderBy: { effectiveMonth: "desc" },
    select: { effectiveMonth: true },
  });
  return monthBounds({
    startMonth: monthOfDay(member.joinedAt),
    current: monthOf(now, timeZone),
    lastPaid: lastPaid?.month ?? null,
    lastChange: lastChange?.effectiveMonth ?? null,
  });
}

/** The monthly amount at a category in a month, by the rate table (null: no band). */
export async function amountAt(db: Tx, to: NewCircumstance, month: Month): Promise<number | null> {
  const rates = await db.duesRate.findMany();
  return monthlyDuesForMonth(rates, to.category, to.incomeFen, month)?.amountFen ?? null;
}

/** What the member pays in that month before the change (their history, then their row). */
export async function amountBefore(db: Tx, member: { id: number }, month: Month): Promise<number | null> {
  const row = await db.member.findUniqueOrThrow({
    where: { id: member.id },
    select: { duesCategory: true, monthlyIncomeFen: true },
  });
  const at = circumstanceAt(row, await confirmedChanges(db, member.id), month);
  return amountAt(db, { category: at.duesCategory, incomeFen: at.monthlyIncomeFen }, month);
}

export interface Route {
  recipients: { id: number; name: string; orgName: string }[];
  /** They are at the member's own organisation (their 团支书). */
  atOwnOrg: boolean;
}

/** The bound 团支书 of the member's organisation; else the nearest organisation above with a bound leader. */
export async function routeFor(db: Tx, member: { id: number; orgId: number }): Promise<Route> {
  const route = await proofRoute(db, member, TOLD_ROLES);
  return {
    recipients: route.recipients.map((c) => ({ id: c.memberId, name: c.name, orgName: c.orgName })),
    atOwnOrg: route.atOwnOrg,
  };
}

export type SubmitOutcome =
  | { kind: "sent"; id: number; route: Route; again: boolean }
  | { kind: "bad-month"; why: "too-early" | "too-late"; bounds: MonthBounds }
  | { kind: "not-active" };

const leaderButtons = (id: number) => [
  [
    { labelKey: "circumstance-button-approve", payload: `circ-ok:${id}` },
    { labelKey: "circumstance-button-reject", payload: `circ-no:${id}` },
  ],
];

/**
 * Files the member's report and tells whoever confirms it. One pending report per member: the same report sent
 * again (a second tap) returns the one on file; a different one replaces it (the leaders get the new one).
 */
export async function submitChange(
  deps: Deps,
  member: { id: number; name: string; code: string; orgId: number; joinedAt: Date },
  to: NewCircumstance,
  month: Month,
  note: string,
): Promise<SubmitOutcome> {
  const { db, outbox, audit, config } = deps;
  const now = deps.now();
  const result = await db.$transaction(async (tx) => {
    // Two reports sent at once would both see none pending.
    await tx.$queryRaw`SELECT id FROM members WHERE id = ${member.id} FOR UPDATE`;
    const fresh = await tx.member.findUniqueOrThrow({
      where: { id: member.id },
      select: { status: true, duesCategory: true, monthlyIncomeFen: true },
    });
    if (fresh.status !== MemberStatus.ACTIVE) return { outcome: { kind: "not-active" } as const, ids: [] };
    const bounds = await boundsFor(tx, member, now, config.TZ);
    const check = checkMonth(month, bounds);
    if (!check.ok) return { outcome: { kind: "bad-month", why: check.why, bounds } as const, ids: [] };
    const route = await routeFor(tx, member);
    const pending = await tx.duesChange.findFirst({ where: { memberId: member.id, status: DuesChangeStatus.PENDING } });
    if (
      pending &&
      pending.toCategory === to.category &&
      pending.toIncomeFen === to.incomeFen &&
      pending.effectiveMonth === month
    ) {
      return { outcome: { kind: "sent", id: pending.id, route, again: true } as const, ids: [] };
    }
    if (pending) {
      await tx.duesChange.update({
        where: { id: pending.id },
        data: { status: DuesChangeStatus.WITHDRAWN, handledAt: now, reason: "replaced" },
      });
    }
    const before = circumstanceAt(fresh, await confirmedChanges(tx, member.id), month);
    const change = await tx.duesChange.create({
      data: {
        memberId: member.id,
        fromCategory: before.duesCategory,
        fromIncomeFen: before.monthlyIncomeFen,
        toCategory: to.category,
        toIncomeFen: to.incomeFen,
        effectiveMonth: month,
        note: note.slice(0, MAX_NOTE_LENGTH) || null,
      },
    });
    const [org, newFen, oldFen] = [
      await tx.organisation.findUniqueOrThrow({ where: { id: member.orgId }, select: { name: true } }),
      await amountAt(tx, to, month),
      await amountAt(tx, { category: before.duesCategory, incomeFen: before.monthlyIncomeFen }, month),
    ];
    const ids: bigint[] = [];
    for (const leader of route.recipients) {
      ids.push(
        ...(await outbox.toMember(tx, leader.id, {
          messageKey: TO_LEADER,
          args: {
            changeId: change.id,
            name: member.name,
            code: maskMemberCode(member.code),
            org: org.name,
            category: to.category,
            income: formatYuan(to.incomeFen ?? 0),
            month: monthStamp(month),
            amount: newFen === null ? "-" : formatYuan(newFen),
            before: oldFen === null ? "-" : formatYuan(oldFen),
            note: change.note ?? "",
            hasNote: change.note ? "yes" : "no",
          },
          buttons: leaderButtons(change.id),
          dedupeKey: `circ-request:${change.id}:${leader.id}`,
        })),
      );
    }
    await audit.record(
      {
        actorId: member.id,
        action: "dues.change.reported",
        orgId: member.orgId,
        targetType: "DuesChange",
        targetId: change.id,
        data: {
          to: to.category,
          incomeFen: to.incomeFen,
          effectiveMonth: month,
          told: route.recipients.map((r) => r.id),
          replaced: pending?.id ?? null,
        },
      },
      tx,
    );
    return { outcome: { kind: "sent", id: change.id, route, again: false } as const, ids };
  });
  await outbox.dispatch(result.ids);
  return result.outcome;
}

export async function withdrawChange(deps: Deps, member: { id: number; orgId: number }, id: number): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const done = await tx.duesChange.updateMany({
      where: { id, memberId: member.id, status: DuesChangeStatus.PENDING },
      data: { status: DuesChangeStatus.WITHDRAWN, handledAt: deps.now(), reason: "withdrawn" },
    });
    if (done.count === 0) return false;
    await deps.audit.record(
      {
        actorId: member.id,
        action: "dues.change.withdrawn",
        orgId: member.orgId,
        targetType: "DuesChange",
        targetId: id,
      },
      tx,
    );
    return true;
  });
}

export interface ChangeFacts {
  id: number;
  name: string;
  category: DuesCategory;
  incomeFen: number | null;
  month: Month;
}

export type DecisionOutcome =
  | { kind: "not-found" }
  | { kind: "own" }
  | { kind: "already"; status: DuesChangeStatus; by: string | null; change: ChangeFacts }
  | { kind: "too-early"; earliest: Month; change: ChangeFacts }
  | { kind: "ready"; change: ChangeFacts }
  | { kind: "confirmed"; change: ChangeFacts; amountFen: number | null }
  | { kind: "rejected"; change: ChangeFacts };

/**
 * Scope first: a leader outside the member's path, or a change that does not exist, get the same answer (and the
 * attempt is audited); never one's own change; then it must still be pending.
 */
export async function checkDecision(
  deps: Pick<Deps, "db" | "audit">,
  actorId: number,
  id: number,
): Promise<DecisionOutcome> {
  const { db, audit } = deps;
  const row = await db.duesChange.findUnique({
    where: { id },
    include: {
      member: { select: { id: true, name: true, orgId: true, org: { select: { ancestorIds: true } } } },
      handledBy: { select: { name: true } },
    },
  });
  const roles = await rolesOf(db, actorId);
  if (!row || !canAct(roles, row.member.org.ancestorIds, CONFIRM_ROLES)) {
    await audit.record({ actorId, action: "dues.change.denied", targetType: "DuesChange", targetId: id });
    return { kind: "not-found" };
  }
  if (row.memberId === actorId) {
    await audit.record({
      actorId,
      action: "dues.change.denied",
      orgId: row.member.orgId,
      targetType: "DuesChange",
      targetId: id,
      data: { own: true },
    });
    return { kind: "own" };
  }
  const change = {
    id: row.id,
    name: row.member.name,
    category: row.toCategory,
    incomeFen: row.toIncomeFen,
    month: row.effectiveMonth,
  };
  if (row.status !== DuesChangeStatus.PENDING) {
    return { kind: "already", status: row.status, by: row.handledBy?.name ?? null, change };
  }
  return { kind: "ready", change };
}

/**
 * The leader confirms: from the change's month on, the member's category and pay are the new ones; the months
 * before keep what applied (stored on the change). Refused when months from then on have been paid meanwhile.
 */
export async function confirmChange(deps: Deps, actorId: number, id: number): Promise<DecisionOutcome> {
  const checked = await checkDecision(deps, actorId, id);
  if (checked.kind !== "ready") return checked;
  const { db, outbox, audit, config } = deps;
  const now = deps.now();
  const result = await db.$transaction(async (tx) => {
    const row = await tx.duesChange.findUniqueOrThrow({ where: { id } });
    // Serialises with payments settling for the same member (they lock the member row too).
    await tx.$queryRaw`SELECT id FROM members WHERE id = ${row.memberId} FOR UPDATE`;
    const member = await tx.member.findUniqueOrThrow({ where: { id: row.memberId } });
    const bounds = await boundsFor(tx, member, now, config.TZ);
    if (row.effectiveMonth < bounds.earliest) return { kind: "too-early", earliest: bounds.earliest } as const;
    const claimed = await tx.duesChange.updateMany({
      where: { id, status: DuesChangeStatus.PENDING },
      data: {
        status: DuesChangeStatus.CONFIRMED,
        handledById: actorId,
        handledAt: now,
        // What applied up to now, from the member's month on: the months before the change keep it.
        fromCategory: member.duesCategory,
        fromIncomeFen: member.monthlyIncomeFen,
      },
    });
    if (claimed.count === 0) return { kind: "lost" } as const;
    await tx.member.update({
      where: { id: member.id },
      data: { duesCategory: row.toCategory, monthlyIncomeFen: row.toIncomeFen },
    });
    const amountFen = await amountAt(tx, { category: row.toCategory, incomeFen: row.toIncomeFen }, row.effectiveMonth);
    const leader = await tx.member.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
    await audit.record(
      {
        actorId,
        action: "dues.change.confirmed",
        orgId: member.orgId,
        targetType: "DuesChange",
        targetId: id,
        data: {
          memberId: member.id,
          from: member.duesCategory,
          fromIncomeFen: member.monthlyIncomeFen,
          to: row.toCategory,
          toIncomeFen: row.toIncomeFen,
          effectiveMonth: row.effectiveMonth,
        },
      },
      tx,
    );
    const ids = await outbox.toMember(tx, member.id, {
      messageKey: CONFIRMED_TO_MEMBER,
      args: {
        by: leader.name,
        category: row.toCategory,
        income: formatYuan(row.toIncomeFen ?? 0),
        month: monthStamp(row.effectiveMonth),
        amount: amountFen === null ? "-" : formatYuan(amountFen),
      },
      dedupeKey: `circ-confirmed:${id}`,
    });
    return { kind: "done", amountFen, ids } as const;
  });
  if (result.kind === "too-early") return { kind: "too-early", earliest: result.earliest, change: checked.change };
  if (result.kind === "lost") return checkDecision(deps, actorId, id);
  await outbox.dispatch(result.ids);
  return { kind: "confirmed", change: checked.change, amountFen: result.amountFen };
}

/** The leader rejects with a reason; nothing about the dues changes; the member is told why. */
export async function rejectChange(deps: Deps, actorId: number, id: number, reason: string): Promise<DecisionOutcome> {
  const checked = await checkDecision(deps, actorId, id);
  if (checked.kind !== "ready") return checked;
  const { db, outbox, audit } = deps;
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.duesChange.updateMany({
      where: { id, status: DuesChangeStatus.PENDING },
      data: { status: DuesChangeStatus.REJECTED, handledById: actorId, handledAt: deps.now(), reason },
    });
    if (claimed.count === 0) return null;
    const row = await tx.duesChange.findUniqueOrThrow({ where: { id }, include: { member: true } });
    const leader = await tx.member.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
    await audit.record(
      {
        actorId,
        action: "dues.change.rejected",
        orgId: row.member.orgId,
        targetType: "DuesChange",
        targetId: id,
        data: { memberId: row.memberId, reason },
      },
      tx,
    );
    return outbox.toMember(tx, row.memberId, {
      messageKey: REJECTED_TO_MEMBER,
      args: { by: leader.name, reason, category: row.toCategory, month: monthStamp(row.effectiveMonth) },
      dedupeKey: `circ-rejected:${id}`,
    });
  });
  if (result === null) return checkDecision(deps, actorId, id);
  await outbox.dispatch(result);
  return { kind: "rejected", change: checked.change };
}

/** Reports waiting in the leader's scope, oldest first (a kept request nobody could be told about included). */
export async function pendingInScope(db: Tx, actorId: number, limit = 20) {
  const scope = scopeOrgIds(await rolesOf(db, actorId), CONFIRM_ROLES);
  if (!scope.length) return null;
  return db.duesChange.findMany({
    where: {
      status: DuesChangeStatus.PENDING,
      memberId: { not: actorId },
      member: { org: { ancestorIds: { hasSome: scope } } },
    },
    include: { member: { select: { name: true, code: true } } },
    orderBy: { id: "asc" },
    take: limit,
  });
}
