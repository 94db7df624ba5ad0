// Campaigns over Prisma: opening (scope-checked, audited), a member's answer, leaders' decisions in bulk, completion
// per organisation, names of those not done, closing (figures frozen). Kinds (./kinds) say what is asked; this file
// is the same for all of them.
import type { CoreDeps } from "../../core/feature.ts";
import { type Campaign, type Db, Prisma, Role } from "../../infra/db.ts";
import { dayOf, type LocalDate, toUtcDay } from "../membership/rules.ts";
import { canAct, grantCovering, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import type { CampaignKind, Said } from "./kind.ts";
import { kindOf } from "./kinds/index.ts";
import { type Completion, type PeriodProblem, periodProblem, type Snapshot, snapshotOf, worstFirst } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

/** Who sees a campaign's figures and closes it: leaders over the organisation that opened it. */
export const MANAGE_ROLES: readonly Role[] = [Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.ADMIN];

export interface OpenInput {
  kind: string;
  /** The organisation it is opened from (within the actor's scope). */
  orgId: number;
  /** Chosen child organisations; empty = the whole subtree of orgId. */
  childIds: number[];
  label: string;
  opensOn: LocalDate;
  closesOn: LocalDate;
  remindEveryDays: number;
}

export type OpenOutcome =
  | { kind: "opened"; campaign: Campaign }
  | { kind: "refused"; why: "unknown-kind" | "scope" | "children" | "duplicate" }
  | { kind: "period"; problem: PeriodProblem };

/** Opens a campaign: stored with its audience and audited in one transaction; the opening fan-out is a timer. */
export async function openCampaign(
  deps: CoreDeps,
  actorId: number,
  input: OpenInput,
  today: LocalDate,
): Promise<OpenOutcome> {
  const kind = kindOf(input.kind);
  if (!kind) return { kind: "refused", why: "unknown-kind" };
  const org = await deps.db.organisation.findUnique({ where: { id: input.orgId } });
  const roles = await rolesOf(deps.db, actorId);
  if (!org || !canAct(roles, org.ancestorIds, kind.openRoles)) {
    await deps.audit.record({
      actorId,
      action: "campaign.denied",
      orgId: input.orgId,
      data: { kind: input.kind, why: "scope" },
    });
    return { kind: "refused", why: "scope" };
  }
  if (input.childIds.length) {
    const children = await deps.db.organisation.count({ where: { id: { in: input.childIds }, parentId: org.id } });
    if (children !== new Set(input.childIds).size) return { kind: "refused", why: "children" };
  }
  const problem = periodProblem(input.opensOn, input.closesOn, today);
  if (problem) return { kind: "period", problem };
  // One open campaign of a kind per organisation: a second 团籍注册 beside the first would ask members twice.
  const open = await deps.db.campaign.findFirst({ where: { kind: kind.name, orgId: org.id, status: "OPEN" } });
  if (open) return { kind: "refused", why: "duplicate" };
  const orgIds = input.childIds.length ? [...new Set(input.childIds)].sort((a, b) => a - b) : [org.id];
  const campaign = await deps.db.$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        kind: kind.name,
        orgId: org.id,
        createdById: actorId,
        label: input.label,
        opensOn: toUtcDay(input.opensOn),
        closesOn: toUtcDay(input.closesOn),
        remindEveryDays: input.remindEveryDays,
        audiences: { create: orgIds.map((orgId) => ({ orgId })) },
      },
    });
    await deps.audit.record(
      {
        actorId,
        action: "campaign.open",
        orgId: org.id,
        targetType: "campaign",
        targetId: created.id,
        data: { kind: kind.name, orgIds, closesOn: created.closesOn.toISOString().slice(0, 10) },
      },
      tx,
    );
    return created;
  });
  // Opening today starts at once; a later day starts at that day's first hour (UTC midnight, morning in China).
  const opensAt = toUtcDay(input.opensOn);
  const at = opensAt.getTime() > deps.now().getTime() ? opensAt : deps.now();
  await deps.timers.set("campaigns", [
    { id: `campaign-${campaign.id}-open`, at, data: { task: "open", campaignId: campaign.id } },
  ]);
  return { kind: "opened", campaign };
}

/** The campaign with its kind, or null. */
export async function loadCampaign(db: Tx, campaignId: number) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, include: { org: true } });
  const kind = campaign ? kindOf(campaign.kind) : undefined;
  return campaign && kind ? { campaign, kind } : null;
}

/** The campaign if the actor leads the organisation that opened it, or one inside its subtree (then `underOrgId`). */
export async function campaignForLeader(db: Db, actorId: number, campaignId: number) {
  const found = await loadCampaign(db, campaignId);
  if (!found) return null;
  const roles = await rolesOf(db, actorId);
  if (canAct(roles, found.campaign.org.ancestorIds, MANAGE_ROLES)) {
    return { ...found, manages: true, underOrgId: found.campaign.orgId };
  }
  // A leader below (a 团总支, a 团支书) sees their own part and decides there, but does not close it.
  const inside = scopeOrgIds(roles, MANAGE_ROLES);
  const under = await db.organisation.findFirst({
    where: { id: { in: inside }, ancestorIds: { has: found.campaign.orgId } },
    orderBy: { depth: "asc" },
  });
  return under ? { ...found, manages: false, underOrgId: under.id } : null;
}

/** Open and recent campaigns the actor leads or works within, newest first. */
export async function campaignsForLeader(db: Db, actorId: number, take = 10) {
  const scope = scopeOrgIds(await rolesOf(db, actorId), MANAGE_ROLES);
  if (!scope.length) return [];
  const orgs = await db.organisation.findMany({ where: { id: { in: scope } }, select: { ancestorIds: true } });
  const reach = [...new Set(orgs.flatMap((o) => o.ancestorIds))];
  return db.campaign.findMany({
    // Opened at or above the leader's organisations, for an audience that reaches into them.
    where: {
      orgId: { in: reach },
      audiences: { some: { OR: [{ orgId: { in: reach } }, { org: { ancestorIds: { hasSome: scope } } }] } },
    },
    orderBy: [{ status: "asc" }, { id: "desc" }],
    take,
  });
}

/**
 * Completion per child organisation of `underOrgId` (each child's subtree rolled up; members directly in it count
 * as its own row). A closed campaign answers from its frozen snapshot at its top level.
 */
export async function completion(db: Db, campaign: Campaign, underOrgId: number): Promise<Completion[]> {
  if (campaign.status === "CLOSED" && underOrgId === campaign.orgId && campaign.snapshot) {
    return (campaign.snapshot as unknown as Snapshot).rows;
  }
  return liveCompletion(db, campaign.id, underOrgId);
}

export async function liveCompletion(db: Tx, campaignId: number, underOrgId: number): Promise<Completion[]> {
  const under = await db.organisation.findUniqueOrThrow({ where: { id: underOrgId }, select: { ancestorIds: true } });
  const childAt = under.ancestorIds.length + 1;
  const rows = await db.$queryRaw<{ org_id: number; total: bigint; responded: bigint; done: bigint }[]>`
    SELECT COALESCE(o.ancestor_ids[${childAt}::int], o.id) AS org_id, count(*) AS total,
           count(e.responded_at) AS responded, count(*) FILTER (WHERE e.done) AS done
    FROM campaign_entries e JOIN organisations o ON o.id = e.org_id
    WHERE e.campaign_id = ${campaignId} AND o.ancestor_ids @> ARRAY[${underOrgId}::int]
    GROUP BY 1`;
  const names = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: rows.map((r) => r.org_id) } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  return worstFirst(
    rows.map((r) => ({
      orgId: r.org_id,
      name: names.get(r.org_id) ?? "?",
      total: Number(r.total),
      responded: Number(r.responded),
      done: Number(r.done),
    })),
  );
}

export interface PendingMember {
  entryId: bigint;
  memberId: number;
  name: string;
  responded: boolean;
}

/** Those not done in the subtree of `orgId`, by branch (the branches with most to do first), names in id order. */
export async function pendingByBranch(db: Db, campaignId: number, orgId: number) {
  const entries = await db.campaignEntry.findMany({
    where: { campaignId, done: false, org: { ancestorIds: { has: orgId } } },
    select: {
      id: true,
      memberId: true,
      respondedAt: true,
      member: { select: { name: true } },
      org: { select: { id: true, name: true } },
    },
    orderBy: { memberId: "asc" },
  });
  const branches = new Map<number, { orgId: number; name: string; members: PendingMember[] }>();
  for (const e of entries) {
    const branch = branches.get(e.org.id) ?? { orgId: e.org.id, name: e.org.name, members: [] };
    branch.members.push({ entryId: e.id, memberId: e.memberId, name: e.member.name, responded: !!e.respondedAt });
    branches.set(e.org.id, branch);
  }
  return [...branches.values()].sort((a, b) => b.members.length - a.members.length || a.orgId - b.orgId);
}

/** A member's entries in open campaigns (what "团籍注册" typed by a member answers). */
export async function openEntriesOf(db: Db, memberId: number) {
  return db.campaignEntry.findMany({
    where: { memberId, campaign: { status: "OPEN" } },
    include: { campaign: { include: { org: true } } },
    orderBy: { id: "asc" },
  });
}

/** Locks the campaign row for the transaction: answers and decisions wait for a closing in progress, and see it. */
async function lockOpen(tx: Prisma.TransactionClient, campaignId: number, mode: "share" | "update") {
  const lock = mode === "share" ? Prisma.sql`FOR SHARE` : Prisma.sql`FOR UPDATE`;
  const [row] = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status::text FROM campaigns WHERE id = ${campaignId} ${lock}`;
  return row?.status === "OPEN";
}

export type RespondOutcome =
  | { kind: "saved"; changed: boolean }
  | { kind: "same" }
  | { kind: "decided"; decision: string }
  | { kind: "closed" }
  | { kind: "not-in-audience" };

/** A member's answer: stored (validated by the kind); the same answer again changes nothing; refused once closed. */
export async function respond(
  deps: Pick<CoreDeps, "db" | "now">,
  memberId: number,
  campaignId: number,
  kind: CampaignKind,
  response: Record<string, unknown>,
): Promise<RespondOutcome> {
  const parsed = kind.response.parse(response);
  return deps.db.$transaction(async (tx) => {
    if (!(await lockOpen(tx, campaignId, "share"))) {
      const exists = await tx.campaign.count({ where: { id: campaignId } });
      return exists ? { kind: "closed" } : { kind: "not-in-audience" };
    }
    const entry = await tx.campaignEntry.findUnique({ where: { campaignId_memberId: { campaignId, memberId } } });
    if (!entry) return { kind: "not-in-audience" };
    // After a leader's decision the answer stands as it was decided on.
    if (entry.decision) return { kind: "decided", decision: entry.decision };
    if (entry.response && JSON.stringify(entry.response) === JSON.stringify(parsed)) return { kind: "same" };
    await tx.campaignEntry.update({
      where: { id: entry.id },
      data: {
        response: parsed as Prisma.InputJsonValue,
        respondedAt: deps.now(),
        ...(kind.doneWhen === "response" ? { done: true } : {}),
      },
    });
    return { kind: "saved", changed: entry.response !== null };
  });
}

export interface DecideResult {
  closed: boolean;
  decided: { memberId: number; name: string }[];
  /** Already so: nothing changed. */
  unchanged: { memberId: number; name: string }[];
  /** Outside the actor's scope, not in the audience, or the actor's own entry. */
  refused: { memberId: number; name: string | null; why: "scope" | "self" }[];
  /** The kind refused the whole batch (nothing stored): what to tell the leader. */
  vetoed?: Said;
}

/**
 * A leader's decision for several members at once, in one transaction, audited once with every member named; each
 * member decided is told. Members outside the leader's scope (or the leader's own entry) are refused by name.
 */
export async function decide(
  deps: CoreDeps,
  actorId: number,
  campaignId: number,
  memberIds: number[],
  decision: string,
  reason: string | null,
): Promise<DecideResult> {
  const found = await loadCampaign(deps.db, campaignId);
  const result: DecideResult = { closed: false, decided: [], unchanged: [], refused: [] };
  if (!found) return { ...result, refused: memberIds.map((memberId) => ({ memberId, name: null, why: "scope" })) };
  const { campaign, kind } = found;
  if (!kind.decisions.includes(decision)) throw new Error(`unknown decision ${decision} for ${kind.name}`);
  const roles = await rolesOf(deps.db, actorId);
  const now = deps.now();
  const told: bigint[] = [];
  const outcome = await deps.db.$transaction(async (tx) => {
    if (!(await lockOpen(tx, campaignId, "share"))) return { ...result, closed: true };
    const entries = await tx.campaignEntry.findMany({
      where: { campaignId, memberId: { in: memberIds } },
      include: { member: { select: { name: true } }, org: { select: { ancestorIds: true } } },
    });
    const byMember = new Map(entries.map((e) => [e.memberId, e]));
    // The kind may refuse the batch as a whole (a quota, a missing record) before anything is stored.
    const vetoed = await kind.vetDecisions?.(tx, {
      campaignId,
      decision,
      config: deps.config,
      entries: entries
        .filter(
          (e) =>
            e.memberId !== actorId &&
            grantCovering(roles, e.org.ancestorIds, kind.decideRoles) &&
            !(e.decision === decision && (e.reason ?? null) === reason),
        )
        .map((e) => ({ memberId: e.memberId, orgId: e.orgId })),
    });
    if (vetoed) {
      await deps.audit.record(
        {
          actorId,
          action: "campaign.denied",
          orgId: campaign.orgId,
          targetType: "campaign",
          targetId: campaignId,
          data: { decision, memberIds, vetoed: vetoed.key },
        },
        tx,
      );
      return { ...result, vetoed };
    }
    for (const memberId of memberIds) {
      const entry = byMember.get(memberId);
      if (!entry || !grantCovering(roles, entry.org.ancestorIds, kind.decideRoles)) {
        result.refused.push({ memberId, name: null, why: "scope" });
        continue;
      }
      const person = { memberId, name: entry.member.name };
      if (memberId === actorId) {
        result.refused.push({ ...person, why: "self" });
        continue;
      }
      if (entry.decision === decision && (entry.reason ?? null) === reason) {
        result.unchanged.push(person);
        continue;
      }
      await tx.campaignEntry.update({
        where: { id: entry.id },
        data: {
          decision,
          reason,
          decidedById: actorId,
          decidedAt: now,
          ...(kind.doneWhen === "decision" ? { done: true } : {}),
        },
      });
      result.decided.push(person);
      told.push(
        ...(await deps.outbox.toMember(tx, memberId, {
          messageKey: `campaigns-${kind.name}-decided-${decision}`,
          args: { label: campaign.label, org: campaign.org.name, reason: reason ?? "" },
          dedupeKey: `campaign:${campaignId}:decided:${memberId}:${entry.decidedAt?.getTime() ?? 0}`,
        })),
      );
    }
    await deps.audit.record(
      {
        actorId,
        action: result.refused.length && !result.decided.length ? "campaign.denied" : "campaign.decide",
        orgId: campaign.orgId,
        targetType: "campaign",
        targetId: campaignId,
        data: {
          decision,
          reason,
          decided: result.decided.map((d) => d.memberId),
          refused: result.refused.map((r) => r.memberId),
        },
      },
      tx,
    );
    return result;
  });
  // After commit: the members' messages go to the delivery queue (the reconciler would find them otherwise).
  await deps.outbox.dispatch(told);
  return outcome;
}

export type CloseOutcome = { kind: "closed"; snapshot: Snapshot } | { kind: "already"; snapshot: Snapshot | null };

/** Closes: the figures at this moment are stored and every later answer or decision is refused. */
export async function closeCampaign(deps: CoreDeps, actorId: number | null, campaignId: number): Promise<CloseOutcome> {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    if (!(await lockOpen(tx, campaignId, "update"))) {
      const c = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      return { kind: "already", snapshot: (c.snapshot as unknown as Snapshot | null) ?? null };
    }
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const snapshot = snapshotOf(await liveCompletion(tx, campaignId, campaign.orgId), now);
    await tx.campaign.update({
      where: { id: campaignId },
      data: {
        status: "CLOSED",
        closedAt: now,
        closedById: actorId,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
      },
    });
    await deps.audit.record(
      {
        actorId,
        action: "campaign.close",
        orgId: campaign.orgId,
        targetType: "campaign",
        targetId: campaignId,
        data: { rows: snapshot.rows.length },
      },
      tx,
    );
    return { kind: "closed", snapshot };
  });
}

/** Whether a campaign message is still worth sending: the campaign open, the member neither answered nor done. */
export async function stillPending(db: Db, args: Record<string, unknown>): Promise<boolean> {
  const entry = await db.campaignEntry.findUnique({
    where: { campaignId_memberId: { campaignId: Number(args.campaignId), memberId: Number(args.memberId) } },
    select: { done: true, respondedAt: true, campaign: { select: { status: true } } },
  });
  return !!entry && !entry.done && !entry.respondedAt && entry.campaign.status === "OPEN";
}

/** The shared arguments of a campaign's messages, loaded at send time. */
export async function messageArgs(db: Db, args: Record<string, unknown>) {
  const c = await db.campaign.findUniqueOrThrow({ where: { id: Number(args.campaignId) }, include: { org: true } });
  return { label: c.label, org: c.org.name, closes: c.closesOn.toISOString().slice(0, 10) };
}

/** Hints per member from the kind (facts beside names, never decisions). */
export async function hintsFor(
  deps: Pick<CoreDeps, "db" | "now" | "config">,
  kind: CampaignKind,
  memberIds: number[],
): Promise<Map<number, Said[]>> {
  if (!kind.hints || !memberIds.length) return new Map();
  return kind.hints({ db: deps.db, today: deps.now(), timeZone: deps.config.TZ }, memberIds);
}

/** The campaigns to look at today: open ones, with their period as calendar days. */
export async function openCampaigns(db: Db) {
  const rows = await db.campaign.findMany({ where: { status: "OPEN" }, orderBy: { id: "asc" } });
  return rows.map((c) => ({ campaign: c, opens: dayOf(c.opensOn), closes: dayOf(c.closesOn) }));
}
