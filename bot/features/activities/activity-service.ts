// Activities in the database, for organisers: create, edit, cancel, and the activities they look after. Chat and
// the admin API both call these; scope is checked and the action audited here, in the same transaction.
import type { CoreDeps } from "../../core/feature.ts";
import type { Activity, Db, Prisma } from "../../infra/db.ts";
import { type AudienceChoice, audienceOrgIds } from "../notices/audience.ts";
import { NOTICE_ROLES } from "../notices/notice-service.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { CANCELLED_MESSAGE, CHANGED_MESSAGE, messageArgs, notifySignups } from "./notify.ts";
import { checkinWindow, DEFAULT_DURATION_MS, type FieldProblem, fieldProblem } from "./rules.ts";
import { lockActivity, promoteWaiting } from "./signup-service.ts";
import { dropReminders, schedulePublish, scheduleReminders } from "./timers.ts";

type Tx = Prisma.TransactionClient;
/** What creating needs (the admin API's dependencies have it); changes also write to the outbox. */
export type CreateDeps = Pick<CoreDeps, "db" | "audit" | "queues" | "timers" | "now" | "logger">;
export type ChangeDeps = CreateDeps & Pick<CoreDeps, "config" | "outbox">;

/** Who may organise activities: the same people who may broadcast notices (团支书, committee staff, admins). */
export const ORGANISER_ROLES = NOTICE_ROLES;

/** A member acting (in chat, or through the admin API on their behalf). */
export interface Actor {
  memberId: number;
  /** An API token's organisation: the actor is further limited to its subtree. */
  withinOrgId?: number;
  /** Audit label when not the member themself ("token:3"). */
  label?: string;
}

export interface ActivityInput extends AudienceChoice {
  title: string;
  description?: string;
  place: string;
  startsAt: Date;
  /** Defaults to two hours after the start. */
  endsAt?: Date;
  capacity: number;
  /** Defaults to the start. */
  signupDeadline?: Date;
  /** Volunteer hours credited at check-in, in minutes (half-hour steps, at most 24 hours); defaults to none. */
  serviceMinutes?: number;
}

export type ActivityPatch = Partial<
  Pick<
    Activity,
    "title" | "description" | "place" | "startsAt" | "endsAt" | "capacity" | "signupDeadline" | "serviceMinutes"
  >
>;

export type ActivityProblem = FieldProblem | "not-allowed" | "not-found" | "cancelled" | "started" | "below-confirmed";
export type ActivityResult = { ok: true; activity: Activity } | { ok: false; problem: ActivityProblem };

const TX = { maxWait: 15_000, timeout: 15_000 };

const auditActor = (actor: Actor) => ({ actorId: actor.memberId, ...(actor.label ? { actorLabel: actor.label } : {}) });

async function mayOrganise(db: Db | Tx, actor: Actor, orgAncestorIds: readonly number[]): Promise<boolean> {
  if (actor.withinOrgId !== undefined && !orgAncestorIds.includes(actor.withinOrgId)) return false;
  return canAct(await rolesOf(db, actor.memberId), orgAncestorIds, ORGANISER_ROLES);
}

/** The organisations an actor may organise for (outermost of their scopes). */
export async function organiserOrgs(db: Db, actor: Actor) {
  const ids = scopeOrgIds(await rolesOf(db, actor.memberId), ORGANISER_ROLES);
  const orgs = await db.organisation.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  return actor.withinOrgId === undefined ? orgs : orgs.filter((o) => o.ancestorIds.includes(actor.withinOrgId!));
}

async function denied(deps: CreateDeps, actor: Actor, action: string, targetId?: number): Promise<ActivityResult> {
  await deps.audit.record({
    ...auditActor(actor),
    action: "activity.denied",
    ...(targetId ? { targetType: "activity", targetId } : {}),
    data: { attempted: action },
  });
  return { ok: false, problem: "not-allowed" };
}

/** Stores and publishes an activity: every bound member of the audience is told, then reminders are timed. */
export async function createActivity(deps: CreateDeps, actor: Actor, input: ActivityInput): Promise<ActivityResult> {
  const org = await deps.db.organisation.findUnique({ where: { id: input.orgId } });
  if (!org || !(await mayOrganise(deps.db, actor, org.ancestorIds))) return denied(deps, actor, "create");
  const children = input.childIds.length
    ? await deps.db.organisation.count({ where: { id: { in: input.childIds }, parentId: org.id } })
    : 0;
  if (children !== input.childIds.length) return denied(deps, actor, "create");
  const fields = {
    title: input.title.trim(),
    place: input.place.trim(),
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? new Date(input.startsAt.getTime() + DEFAULT_DURATION_MS),
    capacity: input.capacity,
    signupDeadline: input.signupDeadline ?? input.startsAt,
    serviceMinutes: input.serviceMinutes ?? 0,
  };
  const problem = fieldProblem(fields, deps.now());
  if (problem) return { ok: false, problem };
  const orgIds = audienceOrgIds(input);
  const activity = await deps.db.$transaction(async (tx) => {
    const created = await tx.activity.create({
      data: {
        ...fields,
        ...(input.description?.trim() ? { description: input.description.trim() } : {}),
        orgId: org.id,
        createdById: actor.memberId,
        status: "PUBLISHED",
        audiences: { create: orgIds.map((orgId) => ({ orgId })) },
      },
    });
    await deps.audit.record(
      {
        ...auditActor(actor),
        action: "activity.create",
        orgId: org.id,
        targetType: "activity",
        targetId: created.id,
        data: {
          orgIds,
          capacity: fields.capacity,
          startsAt: fields.startsAt.toISOString(),
          serviceMinutes: fields.serviceMinutes,
        },
      },
      tx,
    );
    return created;
  });
  await timersAfterCommit(deps, activity.id, async () => {
    await schedulePublish(deps, activity.id);
    await scheduleReminders(deps, activity);
  });
  return { ok: true, activity };
}

/** The activity with its organisation, if the actor may organise it. */
export async function activityInScope(db: Db, actor: Actor, activityId: number) {
  if (!Number.isInteger(activityId) || activityId <= 0) return null;
  const activity = await db.activity.findUnique({ where: { id: activityId }, include: { org: true } });
  if (!activity) return null;
  return (await mayOrganise(db, actor, activity.org.ancestorIds)) ? activity : null;
}

/** Activities inside the actor's scope: upcoming first (soonest first), then the most recent past ones. */
export async function managedActivities(db: Db, actor: Actor, now: Date, take = 8) {
  const scope = (await organiserOrgs(db, actor)).map((o) => o.id);
  if (!scope.length) return [];
  const where = { org: { ancestorIds: { hasSome: scope } } };
  const upcoming = await db.activity.findMany({
    where: { ...where, endsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    take,
  });
  const past = await db.activity.findMany({
    where: { ...where, endsAt: { lt: now } },
    orderBy: { startsAt: "desc" },
    take: Math.max(0, take - upcoming.length),
  });
  return [...upcoming, ...past];
}

/**
 * Changes an activity. More places move waiting members up; fewer than those already confirmed is refused.
 * A new time re-times the reminders; members signed up or waiting are told of a new time or place.
 */
export async function updateActivity(
  deps: ChangeDeps,
  actor: Actor,
  activityId: number,
  patch: ActivityPatch,
): Promise<ActivityResult> {
  const now = deps.now();
  let ids: bigint[] = [];
  let previousStart: Date | undefined;
  const outcome = await deps.db.$transaction(async (tx): Promise<ActivityResult> => {
    const current = await lockActivity(tx, activityId);
    if (!current || !(await mayOrganise(tx, actor, current.org.ancestorIds)))
      return { ok: false, problem: "not-allowed" };
    if (current.status === "CANCELLED") return { ok: false, problem: "cancelled" };
    if (current.startsAt.getTime() <= now.getTime()) return { ok: false, problem: "started" };
    previousStart = current.startsAt;
    const timesChanged = patch.startsAt !== undefined || patch.endsAt !== undefined;
    const startsAt = patch.startsAt ?? current.startsAt;
    // A new start without a new end keeps the activity's length.
    const endsAt =
      patch.endsAt ??
      (patch.startsAt
        ? new Date(startsAt.getTime() + current.endsAt.getTime() - current.startsAt.getTime())
        : current.endsAt);
    // A deadline that was "at the start" moves with the start.
    const signupDeadline =
      patch.signupDeadline ??
      (patch.startsAt && current.signupDeadline.getTime() === current.startsAt.getTime()
        ? startsAt
        : current.signupDeadline);
    const next = {
      title: (patch.title ?? current.title).trim(),
      place: (patch.place ?? current.place).trim(),
      startsAt,
      endsAt,
      capacity: patch.capacity ?? current.capacity,
      signupDeadline,
      serviceMinutes: patch.serviceMinutes ?? current.serviceMinutes,
    };
    const problem = fieldProblem(next, now, { start: timesChanged, deadline: patch.signupDeadline !== undefined });
    if (problem) return { ok: false, problem };
    const confirmed = await tx.activitySignup.count({ where: { activityId, status: "CONFIRMED" } });
    if (next.capacity < confirmed) return { ok: false, problem: "below-confirmed" };
    // A check-in code already handed out follows the new time: its window is always the activity's own.
    const checkin = timesChanged && current.checkinCodeHash ? checkinWindow(next.startsAt, next.endsAt) : undefined;
    const updated = await tx.activity.update({
      where: { id: activityId },
      data: {
        ...next,
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(checkin ? { checkinOpensAt: checkin.opensAt, checkinClosesAt: checkin.closesAt } : {}),
      },
    });
    ids = await promoteWaiting(deps, tx, updated, now);
    const moved = updated.startsAt.getTime() !== current.startsAt.getTime();
    if (moved || updated.place !== current.place) {
      ids.push(
        ...(await notifySignups(tx, activityId, ["CONFIRMED", "WAITLISTED"], {
          messageKey: CHANGED_MESSAGE,
          args: messageArgs(deps, activityId),
          dedupe: `activity:${activityId}:changed:${now.getTime()}`,
        })),
      );
    }
    await deps.audit.record(
      {
        ...auditActor(actor),
        action: "activity.update",
        orgId: current.orgId,
        targetType: "activity",
        targetId: activityId,
        data: JSON.parse(JSON.stringify(patch)),
      },
      tx,
    );
    return { ok: true, activity: updated };
  }, TX);
  if (!outcome.ok) {
    if (outcome.problem === "not-allowed") return denied(deps, actor, "update", activityId);
    return outcome;
  }
  await deps.outbox.dispatch(ids);
  await timersAfterCommit(deps, activityId, () => retime(deps, previousStart!, outcome.activity));
  return outcome;
}

/** Cancels an activity: everyone signed up or waiting is told; the reminders stop. */
export async function cancelActivity(deps: ChangeDeps, actor: Actor, activityId: number): Promise<ActivityResult> {
  const now = deps.now();
  let ids: bigint[] = [];
  const outcome = await deps.db.$transaction(async (tx): Promise<ActivityResult> => {
    const current = await lockActivity(tx, activityId);
    if (!current || !(await mayOrganise(tx, actor, current.org.ancestorIds)))
      return { ok: false, problem: "not-allowed" };
    if (current.status === "CANCELLED") return { ok: false, problem: "cancelled" };
    if (current.endsAt.getTime() <= now.getTime()) return { ok: false, problem: "started" };
    const updated = await tx.activity.update({ where: { id: activityId }, data: { status: "CANCELLED" } });
    ids = await notifySignups(tx, activityId, ["CONFIRMED", "WAITLISTED"], {
      messageKey: CANCELLED_MESSAGE,
      args: messageArgs(deps, activityId),
      // Within a day of the start it must not wait for the end of quiet hours.
      urgent: current.startsAt.getTime() - now.getTime() < 24 * 60 * 60 * 1000,
      dedupe: `activity:${activityId}:cancelled`,
    });
    await deps.audit.record(
      {
        ...auditActor(actor),
        action: "activity.cancel",
        orgId: current.orgId,
        targetType: "activity",
        targetId: activityId,
      },
      tx,
    );
    return { ok: true, activity: updated };
  }, TX);
  if (!outcome.ok) {
    if (outcome.problem === "not-allowed") return denied(deps, actor, "cancel", activityId);
    return outcome;
  }
  await deps.outbox.dispatch(ids);
  await timersAfterCommit(deps, activityId, () => dropReminders(deps, activityId, outcome.activity.startsAt));
  return outcome;
}

/**
 * The change is committed whatever Redis says: a failure here is logged, not reported as a failed change (the
 * organiser would try again and publish twice); the reconciler sets the timers within ten minutes, and a timer
 * left over finds the activity changed when it fires.
 */
async function timersAfterCommit(deps: CreateDeps, activityId: number, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (err) {
    deps.logger.warn({ err, activityId }, "activity timers not set; the reconciler will");
  }
}

/** After a change of time: the old timers go, new ones are set. */
async function retime(deps: ChangeDeps, before: Date, activity: Activity) {
  if (before.getTime() === activity.startsAt.getTime()) return;
  await dropReminders(deps, activity.id, before);
  if (activity.status === "PUBLISHED") await scheduleReminders(deps, activity);
}
