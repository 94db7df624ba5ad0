// Graduate season over Prisma: which branches a leader may mark, storing a graduation date, the per-branch
// progress, and the graduates a reminder is for.
import type { Audit } from "../../../core/audit.ts";
import { type Db, type Prisma, Role } from "../../../infra/db.ts";
import { rolesOf, scopeOrgIds } from "../../orgs/scope.ts";
import { type Day, dateToDay, dayToDate, type Season } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

/** Who marks graduation dates and follows the season. */
export const GRADUATE_ROLES: readonly Role[] = [Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY];

export interface BranchRef {
  id: number;
  name: string;
  graduatesOn: Day | null;
}

/** The outermost organisations of the member's graduate-season roles (empty: not allowed). */
export async function graduateScopes(db: Tx, memberId: number): Promise<number[]> {
  return scopeOrgIds(await rolesOf(db, memberId), GRADUATE_ROLES);
}

const toRef = (o: { id: number; name: string; graduatesOn: Date | null }): BranchRef => ({
  id: o.id,
  name: o.name,
  graduatesOn: o.graduatesOn ? dateToDay(o.graduatesOn) : null,
});

/** The 团支部 in these scopes, by name; `nameLike` narrows them (a committee may have hundreds). */
export async function branchesInScope(db: Tx, scopes: number[], take: number, nameLike?: string): Promise<BranchRef[]> {
  if (!scopes.length) return [];
  const rows = await db.organisation.findMany({
    where: {
      level: "BRANCH",
      ancestorIds: { hasSome: scopes },
      ...(nameLike ? { name: { contains: nameLike } } : {}),
    },
    select: { id: true, name: true, graduatesOn: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map(toRef);
}

/** The branch, if it is a 团支部 inside one of the scopes. */
export async function branchInScope(db: Tx, scopes: number[], branchId: number): Promise<BranchRef | null> {
  if (!scopes.length || !Number.isInteger(branchId) || branchId <= 0) return null;
  const row = await db.organisation.findFirst({
    where: { id: branchId, level: "BRANCH", ancestorIds: { hasSome: scopes } },
    select: { id: true, name: true, graduatesOn: true },
  });
  return row && toRef(row);
}

/** Stores the date and the audit entry together. */
export async function setGraduationDate(db: Db, audit: Audit, input: { actorId: number; branch: BranchRef; day: Day }) {
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: input.branch.id }, data: { graduatesOn: dayToDate(input.day) } });
    await audit.record(
      {
        actorId: input.actorId,
        action: "graduates.date-set",
        orgId: input.branch.id,
        targetType: "organisation",
        targetId: input.branch.id,
        data: { from: input.branch.graduatesOn, to: input.day },
      },
      tx,
    );
  });
}

export interface BranchProgress {
  id: number;
  name: string;
  graduatesOn: Day;
  notStarted: number;
  waiting: number;
  done: number;
}

const seasonRange = (season: Season) => ({
  gte: dayToDate(`${season.year}-01-01`),
  lte: dayToDate(`${season.year}-12-31`),
});

/**
 * Per branch in the scopes whose graduation date is in the season: graduates still in the branch with no
 * transfer under way (not started), with one IN_PROGRESS from the branch (waiting), and transfers from the
 * branch COMPLETED in the season (done — a completed transfer has already moved the member out of the branch).
 */
export async function seasonProgress(db: Tx, scopes: number[], season: Season): Promise<BranchProgress[]> {
  if (!scopes.length) return [];
  const branches = await db.organisation.findMany({
    where: { level: "BRANCH", ancestorIds: { hasSome: scopes }, graduatesOn: seasonRange(season) },
    select: { id: true, name: true, graduatesOn: true },
    orderBy: [{ graduatesOn: "asc" }, { name: "asc" }],
  });
  if (!branches.length) return [];
  const ids = branches.map((b) => b.id);
  const [members, waiting, done] = await Promise.all([
    db.member.groupBy({ by: ["orgId"], where: { orgId: { in: ids }, status: "ACTIVE" }, _count: { _all: true } }),
    db.$queryRaw<{ org_id: number; n: bigint }[]>`
      SELECT m.org_id, count(DISTINCT m.id) AS n FROM members m
      JOIN transfer_requests t ON t.member_id = m.id AND t.from_org_id = m.org_id AND t.status = 'IN_PROGRESS'
      WHERE m.org_id = ANY(${ids}) AND m.status = 'ACTIVE' GROUP BY m.org_id`,
    db.$queryRaw<{ org_id: number; n: bigint }[]>`
      SELECT t.from_org_id AS org_id, count(DISTINCT t.member_id) AS n FROM transfer_requests t
      WHERE t.from_org_id = ANY(${ids}) AND t.status = 'COMPLETED' AND t.created_at >= ${dayToDate(season.from)}
      GROUP BY t.from_org_id`,
  ]);
  const count = (rows: { org_id: number; n: bigint }[], id: number) =>
    Number(rows.find((r) => r.org_id === id)?.n ?? 0);
  return branches.map((b) => {
    const inBranch = members.find((m) => m.orgId === b.id)?._count._all ?? 0;
    const w = count(waiting, b.id);
    return {
      id: b.id,
      name: b.name,
      graduatesOn: dateToDay(b.graduatesOn!),
      notStarted: inBranch - w,
      waiting: w,
      done: count(done, b.id),
    };
  });
}

/** Branches whose graduation date is in the season (all of them: the reminder job walks their members). */
export async function seasonBranches(db: Tx, season: Season): Promise<BranchRef[]> {
  const rows = await db.organisation.findMany({
    where: { level: "BRANCH", graduatesOn: seasonRange(season) },
    select: { id: true, name: true, graduatesOn: true },
    orderBy: { id: "asc" },
  });
  return rows.map(toRef);
}

export interface Graduate {
  memberId: number;
  orgId: number;
  /** Has a transfer from the branch under way. */
  waiting: boolean;
}

/** The next batch of graduates still in these branches, by member id after `afterId`. */
export async function graduatesBatch(db: Tx, branchIds: number[], afterId: number, take: number): Promise<Graduate[]> {
  if (!branchIds.length) return [];
  const rows = await db.$queryRaw<{ id: number; org_id: number; waiting: boolean }[]>`
    SELECT m.id, m.org_id, EXISTS (
      SELECT 1 FROM transfer_requests t
      WHERE t.member_id = m.id AND t.from_org_id = m.org_id AND t.status = 'IN_PROGRESS'
    ) AS waiting
    FROM members m
    WHERE m.org_id = ANY(${branchIds}) AND m.status = 'ACTIVE' AND m.id > ${afterId}
    ORDER BY m.id LIMIT ${take}`;
  return rows.map((r) => ({ memberId: r.id, orgId: r.org_id, waiting: r.waiting }));
}

/** The names behind a branch's "未发起" count: active members with no transfer out of it under way. */
export async function notStartedNames(db: Tx, branchId: number, take: number): Promise<string[]> {
  const rows = await db.member.findMany({
    where: {
      orgId: branchId,
      status: "ACTIVE",
      transfers: { none: { fromOrgId: branchId, status: "IN_PROGRESS" } },
    },
    select: { name: true },
    orderBy: { code: "asc" },
    take,
  });
  return rows.map((r) => r.name);
}
