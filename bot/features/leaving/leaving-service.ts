// 离团 over Prisma: who is told, the daily age check's batch, the 团支书's confirmation, and a member's own request.
// The bot never ends a membership by itself: only `confirmLeaving`, from a leader's button, changes a status.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, MemberStatus, type Prisma, Role } from "../../infra/db.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import { dayOf, type LocalDate, toUtcDay } from "../membership/rules.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import { ageStage, latestBirthInScope, leagueYears, stageDedupeKey } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export const NOTICE_MEMBER = "leaving-age-notice-member";
export const NOTICE_LEADER = "leaving-age-notice-leader";
export const DUE_LEADER = "leaving-age-due-leader";
export const POST_COMMITTEE = "leaving-age-post-committee";
export const FAREWELL = "leaving-farewell";
export const REQUEST_LEADER = "leaving-request-leader";

/** Who may confirm a member's 离团: their 团支书 or committee staff above them (and admins), never themselves. */
export const CONFIRM_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN];
const TOLD_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF];

export const isoDay = (d: LocalDate) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/**
 * The member's 团支书: the people with a 团支书 or staff role at the deepest organisation on the member's path that
 * has someone other than the member (a secretary turning 28 is told about by the level above).
 */
export async function leadersFor(
  tx: Tx,
  orgId: number,
  memberId: number,
  options: { above?: boolean; roles?: readonly Role[] } = {},
): Promise<{ id: number; name: string }[]> {
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { ancestorIds: true } });
  const path = options.above ? org.ancestorIds.slice(0, -1) : org.ancestorIds;
  const rows = await tx.roleAssignment.findMany({
    where: { orgId: { in: path }, role: { in: [...(options.roles ?? TOLD_ROLES)] }, memberId: { not: memberId } },
    select: { orgId: true, member: { select: { id: true, name: true } } },
    orderBy: { memberId: "asc" },
  });
  for (let i = path.length - 1; i >= 0; i--) {
    const here = rows.filter((r) => r.orgId === path[i]).map((r) => r.member);
    if (here.length) return [...new Map(here.map((m) => [m.id, m])).values()];
  }
  return [];
}

/**
 * One batch of the daily age check, members after `cursor` in id order: each member in a stage is told once per
 * stage (dedupe keys), in one transaction per batch. Returns the rows written and the last member id seen.
 */
export async function ageCheckBatch(
  deps: Pick<CoreDeps, "db" | "outbox">,
  today: LocalDate,
  cursor: number,
  batch: number,
): Promise<{ ids: bigint[]; last: number | null }> {
  const { db, outbox } = deps;
  const members = await db.member.findMany({
    where: { id: { gt: cursor }, status: MemberStatus.ACTIVE, birthDate: { lte: latestBirthInScope(today) } },
    select: { id: true, name: true, code: true, birthDate: true, hasLeaguePost: true, orgId: true, org: true },
    orderBy: { id: "asc" },
    take: batch,
  });
  if (!members.length) return { ids: [], last: null };
  const ids = await db.$transaction(async (tx) => {
    const written: bigint[] = [];
    for (const m of members) {
      const stage = ageStage(dayOf(m.birthDate), today, m.hasLeaguePost);
      if (!stage) continue;
      const dedupeKey = stageDedupeKey(stage.kind, m.id);
      // memberId lets the delivery worker drop a row whose member has left while it waited out quiet hours.
      const args = {
        memberId: m.id,
        name: m.name,
        code: maskMemberCode(m.code),
        org: m.org.name,
        date: isoDay(stage.turnsOn),
      };
      if (stage.kind === "notice") {
        const leaders = await leadersFor(tx, m.orgId, m.id);
        const contact = leaders.map((l) => l.name).join("、") || "none";
        written.push(
          ...(await outbox.toMember(tx, m.id, { messageKey: NOTICE_MEMBER, args: { ...args, contact }, dedupeKey })),
        );
        for (const l of leaders) {
          written.push(...(await outbox.toMember(tx, l.id, { messageKey: NOTICE_LEADER, args, dedupeKey })));
        }
      } else if (stage.kind === "due") {
        for (const l of await leadersFor(tx, m.orgId, m.id)) {
          written.push(
            ...(await outbox.toMember(tx, l.id, {
              messageKey: DUE_LEADER,
              args,
              buttons: [[{ labelKey: "leaving-button-confirm", payload: `leave-confirm:${m.id}` }]],
              dedupeKey,
            })),
          );
        }
      } else {
        const committee = await leadersFor(tx, m.orgId, m.id, { above: true, roles: [Role.COMMITTEE_STAFF] });
        for (const c of committee) {
          written.push(...(await outbox.toMember(tx, c.id, { messageKey: POST_COMMITTEE, args, dedupeKey })));
        }
      }
    }
    return written;
  });
  return { ids, last: members.at(-1)!.id };
}

export type ConfirmOutcome =
  | { kind: "done"; name: string }
  | { kind: "not-found" }
  | { kind: "self" }
  | { kind: "already"; name: string }
  | { kind: "not-due"; name: string };

/**
 * A leader confirms a member's 离团 (the due-stage button). Scope first (outside it: the answer of a member who does
 * not exist), never oneself; then the member must still be ACTIVE, 28 and without a post. The status, the leaving
 * day (dues stop after its month), the audit entry and the farewell commit together; a second tap finds it done.
 */
export async function confirmLeaving(
  deps: Pick<CoreDeps, "db" | "outbox" | "audit">,
  actorId: number,
  memberId: number,
  today: LocalDate,
): Promise<ConfirmOutcome> {
  const { db, outbox, audit } = deps;
  const member = await db.member.findUnique({ where: { id: memberId }, include: { org: true } });
  const roles = await rolesOf(db, actorId);
  if (!member || !canAct(roles, member.org.ancestorIds, CONFIRM_ROLES)) {
    await audit.record({ actorId, action: "leaving.denied", targetType: "member", targetId: memberId });
    return { kind: "not-found" };
  }
  if (member.id === actorId) {
    await audit.record({
      actorId,
      action: "leaving.denied",
      orgId: member.orgId,
      targetType: "member",
      targetId: memberId,
      data: { self: true },
    });
    return { kind: "self" };
  }
  if (member.status !== MemberStatus.ACTIVE) return { kind: "already", name: member.name };
  if (ageStage(dayOf(member.birthDate), today, member.hasLeaguePost)?.kind !== "due") {
    return { kind: "not-due", name: member.name };
  }
  const left = toUtcDay(today);
  const joined = dayOf(member.joinedAt);
  const done = await db.$transaction(async (tx) => {
    const changed = await tx.member.updateMany({
      where: { id: memberId, status: MemberStatus.ACTIVE },
      data: { status: MemberStatus.LEFT, leftOn: left },
    });
    // Another leader's tap got there first.
    if (changed.count === 0) return null;
    await audit.record(
      {
        actorId,
        action: "leaving.confirm",
        orgId: member.orgId,
        targetType: "member",
        targetId: memberId,
        data: { leftOn: isoDay(today) },
      },
      tx,
    );
    return outbox.toMember(tx, memberId, {
      messageKey: FAREWELL,
      args: {
        name: member.name,
        joined: isoDay(joined),
        left: isoDay(today),
        years: leagueYears(joined, today),
        orgs: (await organisationsOf(tx, memberId, member.org.name)).join(" → "),
      },
    });
  });
  if (done === null) return { kind: "already", name: member.name };
  await outbox.dispatch(done);
  return { kind: "done", name: member.name };
}

/** For `stillWanted`: an age message is pointless once its member is no longer ACTIVE (left while it waited). */
export async function stillActive(db: Db, args: Record<string, unknown>): Promise<boolean> {
  const memberId = Number(args.memberId);
  if (!Number.isInteger(memberId)) return true;
  return (await db.member.count({ where: { id: memberId, status: MemberStatus.ACTIVE } })) > 0;
}

/** The organisations a member is known to have belonged to, oldest first: completed transfers' origins, then now. */
async function organisationsOf(tx: Tx, memberId: number, current: string): Promise<string[]> {
  const transfers = await tx.transferRequest.findMany({
    where: { memberId, status: "COMPLETED" },
    select: { fromOrg: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const names = [...transfers.map((t) => t.fromOrg.name), current];
  return names.filter((n, i) => i === 0 || names[i - 1] !== n);
}

/**
 * A member asks to leave (退团 / 主动离团): their 团支书 are told with the member's name and the words they typed; the
 * bot changes nothing. Returns the names of those told (empty: nobody to tell yet).
 */
export async function requestLeaving(
  deps: Pick<CoreDeps, "db" | "outbox" | "audit">,
  member: { id: number; name: string; code: string; orgId: number },
  note: string,
): Promise<string[]> {
  const { db, outbox, audit } = deps;
  const ids = await db.$transaction(async (tx) => {
    const leaders = await leadersFor(tx, member.orgId, member.id);
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.orgId }, select: { name: true } });
    const written: bigint[] = [];
    for (const l of leaders) {
      written.push(
        ...(await outbox.toMember(tx, l.id, {
          messageKey: REQUEST_LEADER,
          args: { name: member.name, code: maskMemberCode(member.code), org: org.name, note: note.slice(0, 200) },
        })),
      );
    }
    await audit.record(
      {
        actorId: member.id,
        action: "leaving.request",
        orgId: member.orgId,
        targetType: "member",
        targetId: member.id,
        data: { told: leaders.map((l) => l.id) },
      },
      tx,
    );
    return { written, names: leaders.map((l) => l.name) };
  });
  await outbox.dispatch(ids.written);
  return ids.names;
}
