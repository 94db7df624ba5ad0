// Notices in the database: who may send, how many they reach, creating one, reading receipts, progress.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, MemberStatus, type Prisma, Role } from "../../infra/db.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { type AudienceChoice, audienceOrgIds, CHASE_INTERVAL_MS } from "./audience.ts";

/** Committee staff, 团支书 and admins may broadcast within their subtree. */
export const NOTICE_ROLES: readonly Role[] = [Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.ADMIN];

export async function senderScopes(db: Db, memberId: number) {
  const roles = await rolesOf(db, memberId);
  const ids = scopeOrgIds(roles, NOTICE_ROLES);
  const orgs = await db.organisation.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  return { roles, orgs };
}

const activeIn = (orgIds: number[]): Prisma.MemberWhereInput => ({
  status: MemberStatus.ACTIVE,
  org: { ancestorIds: { hasSome: orgIds } },
});

export async function audienceCounts(db: Db, orgIds: number[]) {
  const [total, reachable] = await Promise.all([
    db.member.count({ where: activeIn(orgIds) }),
    db.member.count({ where: { ...activeIn(orgIds), identities: { some: { blocked: false } } } }),
  ]);
  return { total, reachable, unreachable: total - reachable };
}

export async function childOrgs(db: Db, orgId: number) {
  return db.organisation.findMany({
    where: { parentId: orgId },
    orderBy: { id: "asc" },
    select: { id: true, name: true },
  });
}

/** Stores the notice and its audience, audited; the fan-out job is queued after commit. */
export async function createNotice(
  deps: CoreDeps,
  actorId: number,
  choice: AudienceChoice,
  text: string,
  imageId?: number,
) {
  const orgIds = audienceOrgIds(choice);
  const notice = await deps.db.$transaction(async (tx) => {
    const created = await tx.notice.create({
      data: {
        orgId: choice.orgId,
        createdById: actorId,
        text,
        ...(imageId ? { imageId } : {}),
        status: "SENDING",
        audiences: { create: orgIds.map((orgId) => ({ orgId })) },
      },
    });
    await deps.audit.record(
      {
        actorId,
        action: "notice.send",
        orgId: choice.orgId,
        targetType: "notice",
        targetId: created.id,
        data: { orgIds, ...(imageId ? { imageId } : {}) },
      },
      tx,
    );
    return created;
  });
  await deps.queues.notices.add(
    "notices",
    { noticeId: notice.id, mode: "send" },
    { jobId: `notice-${notice.id}-send` },
  );
  return notice;
}

/** The notice if the actor's roles cover its organisation. */
export async function noticeInScope(db: Db, actorId: number, noticeId: number) {
  const notice = await db.notice.findUnique({ where: { id: noticeId }, include: { org: true } });
  if (!notice) return null;
  return canAct(await rolesOf(db, actorId), notice.org.ancestorIds, NOTICE_ROLES) ? notice : null;
}

/** The newest notice sent from inside the actor's scope. */
export async function latestNoticeInScope(db: Db, actorId: number) {
  const scope = scopeOrgIds(await rolesOf(db, actorId), NOTICE_ROLES);
  if (!scope.length) return null;
  return db.notice.findFirst({ where: { org: { ancestorIds: { hasSome: scope } } }, orderBy: { id: "desc" } });
}

export interface BranchProgress {
  orgId: number;
  name: string;
  total: number;
  delivered: number;
  read: number;
  unread: number;
  unreachable: number;
  /** Official Account members outside the 48 h window: the notice reaches them when they next write. */
  waiting: number;
}

export async function progress(db: Db, noticeId: number): Promise<BranchProgress[]> {
  const groups = await db.noticeDelivery.groupBy({ by: ["orgId", "status"], where: { noticeId }, _count: true });
  const names = new Map(
    (await db.organisation.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.orgId))] } } })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const byOrg = new Map<number, BranchProgress>();
  for (const g of groups) {
    const p = byOrg.get(g.orgId) ?? {
      orgId: g.orgId,
      name: names.get(g.orgId) ?? "?",
      total: 0,
      delivered: 0,
      read: 0,
      unread: 0,
      unreachable: 0,
      waiting: 0,
    };
    p.total += g._count;
    if (g.status === "READ") p.read += g._count;
    if (g.status === "SENT" || g.status === "READ") p.delivered += g._count;
    if (g.status === "WAITING") p.waiting += g._count;
    if (g.status === "UNREACHABLE") p.unreachable += g._count;
    else if (g.status !== "READ") p.unread += g._count;
    byOrg.set(g.orgId, p);
  }
  return [...byOrg.values()].sort((a, b) => b.unread - a.unread || a.orgId - b.orgId);
}

/** A member confirms a notice they received; false when they were not among its recipients. */
export async function markRead(db: Db, noticeId: number, memberId: number, now: Date): Promise<boolean> {
  const delivery = await db.noticeDelivery.findUnique({ where: { noticeId_memberId: { noticeId, memberId } } });
  if (!delivery) return false;
  if (delivery.status !== "READ") {
    await db.noticeDelivery.update({ where: { id: delivery.id }, data: { status: "READ", readAt: now } });
  }
  return true;
}

/** When the notice was last chased, for the once-a-day rule. */
export async function lastChase(db: Db, noticeId: number): Promise<Date | null> {
  const row = await db.noticeDelivery.aggregate({ where: { noticeId }, _max: { lastChasedAt: true } });
  return row._max.lastChasedAt;
}

export async function startChase(deps: CoreDeps, actorId: number, noticeId: number, now: Date) {
  const last = await lastChase(deps.db, noticeId);
  if (last && now.getTime() - last.getTime() < CHASE_INTERVAL_MS) return { started: false as const, last };
  const stamp = now.toISOString();
  await deps.audit.record({ actorId, action: "notice.chase", targetType: "notice", targetId: noticeId });
  await deps.queues.notices.add(
    "notices",
    { noticeId, mode: "chase", chaseStamp: stamp },
    { jobId: `notice-${noticeId}-chase-${stamp.slice(0, 10)}` },
  );
  return { started: true as const };
}
