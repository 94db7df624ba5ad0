// The volunteer-hours ledger: credits from check-ins (once per member and activity, by the unique key) and from
// leaders for offline service (scope-checked, never one's own, audited, the member told). Reads sum it.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, MemberStatus, Prisma, Role } from "../../infra/db.ts";
import { type Fact, readFact } from "../../infra/facts.ts";
import { canAct, grantCovering, membersInSubtree, rolesOf } from "../orgs/scope.ts";
import { type Entry, formatHours, yearOf } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

/** Who may add hours by hand: the branch's 团支书 and committee staff (and admins), each in their subtree. */
export const HOURS_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN];

/** The member is told of hours a leader added. */
export const CREDITED_MESSAGE = "volunteer-credited";

/**
 * A check-in's credit, inside the check-in's transaction. Returns the minutes credited: 0 when the activity carries
 * none or the member already has this activity's credit (a second check-in, a retried one).
 */
export async function creditCheckin(
  tx: Tx,
  credit: { memberId: number; activityId: number; minutes: number; at: Date },
): Promise<number> {
  if (credit.minutes <= 0) return 0;
  const { count } = await tx.volunteerCredit.createMany({
    data: [
      { memberId: credit.memberId, activityId: credit.activityId, minutes: credit.minutes, creditedAt: credit.at },
    ],
    skipDuplicates: true,
  });
  return count ? credit.minutes : 0;
}

export interface HoursTotals {
  year: number;
  yearMinutes: number;
  totalMinutes: number;
}

/** A member's volunteer minutes, in all and in the year of `now`: a fact, as every status look-up shows both. */
export function hoursTotalsFact(memberId: number, now: Date, timeZone: string): Fact<HoursTotals> {
  const { year, from, to } = yearOf(now, timeZone);
  return {
    sql: Prisma.sql`
      SELECT json_build_object('total', COALESCE(sum(minutes), 0),
                               'year', COALESCE(sum(minutes) FILTER (WHERE credited_at >= ${from} AND credited_at < ${to}), 0))
      FROM volunteer_credits WHERE member_id = ${memberId}`,
    parse: (value) => {
      const sums = value as { total: number; year: number };
      return { year, yearMinutes: Number(sums.year), totalMinutes: Number(sums.total) };
    },
  };
}

export async function hoursTotals(db: Tx, memberId: number, now: Date, timeZone: string): Promise<HoursTotals> {
  return readFact(db, hoursTotalsFact(memberId, now, timeZone));
}

/** The member's credits, newest first, with where each came from. */
export function recentCredits(db: Tx, memberId: number, take: number) {
  return db.volunteerCredit.findMany({
    where: { memberId },
    orderBy: [{ creditedAt: "desc" }, { id: "desc" }],
    take,
    include: { activity: { select: { title: true } }, enteredBy: { select: { name: true } } },
  });
}

export async function mayAddHours(db: Tx, memberId: number): Promise<boolean> {
  return (await rolesOf(db, memberId)).some((g) => HOURS_ROLES.includes(g.role));
}

export type EntryProblem = "not-leader" | "not-found" | "own" | "not-active";

/** The member a leader names by 编号, if the leader may add hours for them. */
export async function entryTarget(db: Tx, leaderId: number, code: string) {
  const roles = await rolesOf(db, leaderId);
  if (!roles.some((g) => HOURS_ROLES.includes(g.role))) return { ok: false as const, problem: "not-leader" as const };
  const member = await db.member.findUnique({ where: { code }, include: { org: true } });
  // Outside the scope reads the same as no such member: a leader learns nothing about other branches.
  if (!member || !canAct(roles, member.org.ancestorIds, HOURS_ROLES)) {
    return { ok: false as const, problem: "not-found" as const, memberId: member?.id ?? null };
  }
  if (member.id === leaderId) return { ok: false as const, problem: "own" as const, memberId: member.id };
  if (member.status !== MemberStatus.ACTIVE) {
    return { ok: false as const, problem: "not-active" as const, memberId: member.id };
  }
  const grant = grantCovering(roles, member.org.ancestorIds, HOURS_ROLES)!;
  return { ok: true as const, member, grantOrgId: grant.orgId };
}

export type AddResult =
  | { ok: true; creditId: number; member: { id: number; name: string }; totals: HoursTotals }
  | { ok: false; problem: EntryProblem };

/**
 * A leader adds hours: checked again inside the transaction (a role may have gone since the preview), stored,
 * audited and the member told, all in one transaction; the message goes out after commit.
 */
export async function addHours(
  deps: Pick<CoreDeps, "db" | "audit" | "outbox" | "now" | "config">,
  leader: { id: number; name: string },
  entry: Entry,
): Promise<AddResult> {
  const now = deps.now();
  let outboxIds: bigint[] = [];
  const result = await deps.db.$transaction(async (tx): Promise<AddResult> => {
    const target = await entryTarget(tx, leader.id, entry.code);
    if (!target.ok) {
      await deps.audit.record(
        {
          actorId: leader.id,
          action: "volunteer.add",
          ...(target.problem !== "not-leader" && target.memberId
            ? { targetType: "member", targetId: target.memberId }
            : {}),
          data: { outcome: target.problem, minutes: entry.minutes },
        },
        tx,
      );
      return { ok: false, problem: target.problem };
    }
    const credit = await tx.volunteerCredit.create({
      data: {
        memberId: target.member.id,
        minutes: entry.minutes,
        reason: entry.reason,
        enteredById: leader.id,
        creditedAt: now,
      },
    });
    await deps.audit.record(
      {
        actorId: leader.id,
        action: "volunteer.add",
        orgId: target.grantOrgId,
        targetType: "member",
        targetId: target.member.id,
        data: { outcome: "saved", creditId: credit.id, minutes: entry.minutes, reason: entry.reason },
      },
      tx,
    );
    const totals = await hoursTotals(tx, target.member.id, now, deps.config.TZ);
    outboxIds = await deps.outbox.toMember(tx, target.member.id, {
      messageKey: CREDITED_MESSAGE,
      args: {
        hours: formatHours(entry.minutes),
        reason: entry.reason,
        by: leader.name,
        year: String(totals.year),
        yearHours: formatHours(totals.yearMinutes),
        totalHours: formatHours(totals.totalMinutes),
      },
      dedupeKey: `volunteer:credit:${credit.id}`,
    });
    return { ok: true, creditId: credit.id, member: { id: target.member.id, name: target.member.name }, totals };
  });
  if (result.ok) await deps.outbox.dispatch(outboxIds);
  return result;
}

export interface MemberHours {
  code: string;
  name: string;
  yearMinutes: number;
  totalMinutes: number;
}

/** Every active member of an organisation's subtree with their hours, in 编号 order (the leaders' CSV). */
export async function orgHours(db: Db, orgId: number, now: Date, timeZone: string): Promise<MemberHours[]> {
  const { from, to } = yearOf(now, timeZone);
  const members = await db.member.findMany({
    where: { status: MemberStatus.ACTIVE, ...membersInSubtree(orgId) },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  const ids = members.map((m) => m.id);
  const [all, thisYear] = await Promise.all([
    db.volunteerCredit.groupBy({ by: ["memberId"], where: { memberId: { in: ids } }, _sum: { minutes: true } }),
    db.volunteerCredit.groupBy({
      by: ["memberId"],
      where: { memberId: { in: ids }, creditedAt: { gte: from, lt: to } },
      _sum: { minutes: true },
    }),
  ]);
  const total = new Map(all.map((g) => [g.memberId, g._sum.minutes ?? 0]));
  const year = new Map(thisYear.map((g) => [g.memberId, g._sum.minutes ?? 0]));
  return members.map((m) => ({
    code: m.code,
    name: m.name,
    yearMinutes: year.get(m.id) ?? 0,
    totalMinutes: total.get(m.id) ?? 0,
  }));
}
