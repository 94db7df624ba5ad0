// Signing up, cancelling and the waitlist. Every change of places happens with the activity's row locked
// (SELECT … FOR UPDATE), so a hundred people tapping at once are served one after another: places are never
// exceeded, and the waitlist keeps the order in which they got the lock (queuedAt, then id).
import type { CoreDeps } from "../../core/feature.ts";
import { type Activity, type Db, type Member, Prisma } from "../../infra/db.ts";
import type { Fact } from "../../infra/facts.ts";
import { jsonTime } from "../../infra/utc-values.ts";
import { leaveButtons, messageArgs, PROMOTED_MESSAGE } from "./notify.ts";
import { inAudience, placeFor, promotions, type SignupRefusal, signupRefusal } from "./rules.ts";

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 30_000, timeout: 15_000 };

/** Locks the activity's row for the rest of the transaction and reads it (with organisation and audience). */
export async function lockActivity(tx: Tx, activityId: number) {
  if (!Number.isInteger(activityId) || activityId <= 0) return null;
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM activities WHERE id = ${activityId} FOR UPDATE`;
  if (!locked.length) return null;
  return tx.activity.findUnique({ where: { id: activityId }, include: { org: true, audiences: true } });
}

/** Fills free places from the head of the waitlist and tells each member moved up. Needs the row lock. */
export async function promoteWaiting(
  deps: Pick<CoreDeps, "config" | "outbox">,
  tx: Tx,
  activity: Activity,
  now: Date,
): Promise<bigint[]> {
  if (activity.status !== "PUBLISHED" || now.getTime() >= activity.startsAt.getTime()) return [];
  // One after the other: `tx` is a transaction, one connection (see bot/infra/serial-transactions.ts).
  const confirmed = await tx.activitySignup.count({ where: { activityId: activity.id, status: "CONFIRMED" } });
  const waiting = await tx.activitySignup.count({ where: { activityId: activity.id, status: "WAITLISTED" } });
  const n = promotions(confirmed, activity.capacity, waiting);
  if (!n) return [];
  const moving = await tx.activitySignup.findMany({
    where: { activityId: activity.id, status: "WAITLISTED" },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    take: n,
  });
  await tx.activitySignup.updateMany({ where: { id: { in: moving.map((s) => s.id) } }, data: { status: "CONFIRMED" } });
  const ids: bigint[] = [];
  for (const s of moving) {
    ids.push(
      ...(await deps.outbox.toMember(tx, s.memberId, {
        messageKey: PROMOTED_MESSAGE,
        args: messageArgs(deps, activity.id),
        buttons: leaveButtons(activity.id),
        dedupeKey: `activity:${activity.id}:promoted:${s.id}:${s.queuedAt.getTime()}`,
      })),
    );
  }
  return ids;
}

/** 1 for the first waiting member. */
export async function waitlistPosition(db: Db | Tx, signup: { id: number; activityId: number; queuedAt: Date }) {
  const ahead = await db.activitySignup.count({
    where: {
      activityId: signup.activityId,
      status: "WAITLISTED",
      OR: [{ queuedAt: { lt: signup.queuedAt } }, { queuedAt: signup.queuedAt, id: { lt: signup.id } }],
    },
  });
  return ahead + 1;
}

export type SignupResult =
  | { kind: "confirmed"; activity: Activity }
  | { kind: "waitlisted"; activity: Activity; position: number }
  | { kind: "already"; activity: Activity; status: "CONFIRMED" | "WAITLISTED"; position: number }
  | { kind: "refused"; reason: SignupRefusal; activity: Activity | null };

const chains = new WeakMap<object, Map<number, Promise<unknown>>>();

/**
 * One sign-up or cancellation per activity at a time in this process, in arrival order: the others wait in memory
 * rather than each holding a pooled connection while it queues for the row lock, which would starve every other
 * request of connections during a rush. Across processes the row lock still decides.
 */
function oneAtATime<T>(db: object, activityId: number, work: () => Promise<T>): Promise<T> {
  let byActivity = chains.get(db);
  if (!byActivity) {
    byActivity = new Map();
    chains.set(db, byActivity);
  }
  const run = (byActivity.get(activityId) ?? Promise.resolve()).then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  byActivity.set(activityId, tail);
  void tail.then(() => {
    if (byActivity.get(activityId) === tail) byActivity.delete(activityId);
  });
  return run;
}

interface LockedState {
  status: string;
  capacity: number;
  signup_deadline: Date;
  starts_at: Date;
  audience: number[];
}

export function signUp(deps: CoreDeps, memberId: number, activityId: number): Promise<SignupResult> {
  if (!Number.isInteger(activityId) || activityId <= 0) {
    return Promise.resolve({ kind: "refused", reason: "not-found", activity: null });
  }
  // Read at once, side by side with everyone else; only the transaction waits its turn, in the order of the calls.
  const reads = Promise.all([
    deps.db.member.findUniqueOrThrow({ where: { id: memberId }, include: { org: { select: { ancestorIds: true } } } }),
    // For the reply (title, place); the decision uses the locked row.
    deps.db.activity.findUnique({ where: { id: activityId } }),
  ]);
  // Its failure is reported when its turn comes.
  reads.catch(() => undefined);
  return oneAtATime(deps.db, activityId, async () => {
    const [member, activity] = await reads;
    if (!activity) return { kind: "refused", reason: "not-found", activity: null };
    return signUpLocked(deps, member, activity);
  });
}

/** Few round trips while the lock is held: it is what a rush of taps queues for. */
function signUpLocked(
  deps: CoreDeps,
  member: Member & { org: { ancestorIds: number[] } },
  activity: Activity,
): Promise<SignupResult> {
  const activityId = activity.id;
  const memberId = member.id;
  return deps.db.$transaction(async (tx): Promise<SignupResult> => {
    const now = deps.now();
    const [locked] = await tx.$queryRaw<LockedState[]>`
      SELECT status::text, capacity, signup_deadline, starts_at,
             ARRAY(SELECT org_id FROM activity_audiences WHERE activity_id = ${activityId}) AS audience
      FROM activities WHERE id = ${activityId} FOR UPDATE`;
    const [state] = await tx.$queryRaw<{ confirmed: number; waiting: number; mine_id: number | null }[]>`
      SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
             count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waiting,
             max(id) FILTER (WHERE member_id = ${memberId}) AS mine_id
      FROM activity_signups WHERE activity_id = ${activityId}`;
    const { confirmed, waiting } = state!;
    const existing = state!.mine_id
      ? await tx.activitySignup.findUniqueOrThrow({ where: { id: state!.mine_id } })
      : null;
    if (existing && existing.status !== "CANCELLED" && locked!.status === "PUBLISHED") {
      const position = existing.status === "WAITLISTED" ? await waitlistPosition(tx, existing) : 0;
      return { kind: "already", activity, status: existing.status, position };
    }
    const reason = signupRefusal({
      status: locked!.status,
      signupDeadline: locked!.signup_deadline,
      startsAt: locked!.starts_at,
      now,
      inAudience: inAudience(member.org.ancestorIds, locked!.audience),
      memberActive: member.status === "ACTIVE",
    });
    // "not-found" names nothing: the same answer as for an id that does not exist.
    if (reason) return { kind: "refused", reason, activity: reason === "not-found" ? null : activity };
    // Nobody may jump the waitlist: while anyone waits, a newcomer waits too.
    const status = waiting ? "WAITLISTED" : placeFor(confirmed, locked!.capacity);
    if (existing) {
      await tx.activitySignup.update({
        where: { id: existing.id },
        data: { status, queuedAt: now, checkedInAt: null },
      });
    } else {
      await tx.activitySignup.create({ data: { activityId, memberId, status, queuedAt: now } });
    }
    if (status === "CONFIRMED") return { kind: "confirmed", activity };
    // Under the lock, with the latest arrival time and id: the end of the line.
    return { kind: "waitlisted", activity, position: waiting + 1 };
  }, TX);
}

export type LeaveResult =
  | { kind: "left"; activity: Activity; was: "CONFIRMED" | "WAITLISTED" }
  | { kind: "not-signed-up" | "started"; activity: Activity | null };

/** The member gives up their place (or their waiting); the first waiting member moves up and is told. */
export function cancelSignup(deps: CoreDeps, memberId: number, activityId: number): Promise<LeaveResult> {
  return oneAtATime(deps.db, activityId, () => cancelSignupNow(deps, memberId, activityId));
}

async function cancelSignupNow(deps: CoreDeps, memberId: number, activityId: number): Promise<LeaveResult> {
  const now = deps.now();
  let ids: bigint[] = [];
  const result = await deps.db.$transaction(async (tx): Promise<LeaveResult> => {
    const activity = await lockActivity(tx, activityId);
    if (!activity) return { kind: "not-signed-up", activity: null };
    const signup = await tx.activitySignup.findUnique({ where: { activityId_memberId: { activityId, memberId } } });
    if (!signup || signup.status === "CANCELLED" || activity.status !== "PUBLISHED") {
      // Named only to members who could see it: its audience, or someone who once signed up.
      const visible = signup !== null || (await memberInAudience(tx, memberId, activity.audiences));
      return { kind: "not-signed-up", activity: visible && activity.status !== "DRAFT" ? activity : null };
    }
    if (now.getTime() >= activity.startsAt.getTime()) return { kind: "started", activity };
    await tx.activitySignup.update({ where: { id: signup.id }, data: { status: "CANCELLED" } });
    if (signup.status === "CONFIRMED") ids = await promoteWaiting(deps, tx, activity, now);
    return { kind: "left", activity, was: signup.status };
  }, TX);
  await deps.outbox.dispatch(ids);
  return result;
}

async function memberInAudience(tx: Tx, memberId: number, audiences: readonly { orgId: number }[]) {
  const member = await tx.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { org: { select: { ancestorIds: true } } },
  });
  return inAudience(
    member.org.ancestorIds,
    audiences.map((a) => a.orgId),
  );
}

/** What a list of activities shows of each. */
export type ShownActivity = Pick<
  Activity,
  "id" | "title" | "place" | "capacity" | "serviceMinutes" | "startsAt" | "endsAt" | "signupDeadline"
>;

export interface ListedActivity {
  activity: ShownActivity & { org: string };
  confirmed: number;
  waiting: number;
  /** The member's own sign-up, if any (not cancelled). */
  mine: { status: "CONFIRMED" | "WAITLISTED"; position: number } | null;
}

interface ListedRow extends Omit<ShownActivity, "startsAt" | "endsAt" | "signupDeadline"> {
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  org: string;
  confirmed: number;
  waiting: number;
  mine: "CONFIRMED" | "WAITLISTED" | null;
  position: number;
}

/**
 * Upcoming published activities whose audience includes the member, soonest first, with their places taken, the
 * waitlist and the member's own place in it: a fact, one statement (Prisma's reads were five, and one more for each
 * place the member waits for).
 */
export function activitiesForFact(member: Pick<Member, "id" | "orgId">, now: Date, take = 8): Fact<ListedActivity[]> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object(
               'id', a.id, 'title', a.title, 'place', a.place, 'capacity', a.capacity,
               'serviceMinutes', a.service_minutes, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
               'signupDeadline', a.signup_deadline, 'org', COALESCE(o.short_name, o.name),
               'confirmed', (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'CONFIRMED'),
               'waiting', (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'WAITLISTED'),
               'mine', mine.status,
               'position', CASE WHEN mine.status = 'WAITLISTED' THEN 1 + (
                 SELECT count(*) FROM activity_signups s
                 WHERE s.activity_id = a.id AND s.status = 'WAITLISTED' AND (s.queued_at, s.id) < (mine.queued_at, mine.id)
               ) ELSE 0 END
             ) ORDER BY a.starts_at, a.id), '[]')
      FROM (
        SELECT a.* FROM activities a
        WHERE a.status = 'PUBLISHED' AND a.starts_at > ${now}
          AND EXISTS (
            SELECT 1 FROM activity_audiences au
            WHERE au.activity_id = a.id
              AND au.org_id = ANY ((SELECT ancestor_ids FROM organisations WHERE id = ${member.orgId})::int[])
          )
        ORDER BY a.starts_at, a.id
        LIMIT ${take}
      ) a
      JOIN organisations o ON o.id = a.org_id
      LEFT JOIN LATERAL (
        SELECT s.id, s.status, s.queued_at FROM activity_signups s
        WHERE s.activity_id = a.id AND s.member_id = ${member.id} AND s.status IN ('CONFIRMED', 'WAITLISTED')
        LIMIT 1
      ) mine ON true`,
    parse: (value) =>
      (value as ListedRow[]).map(
        ({ confirmed, waiting, mine, position, startsAt, endsAt, signupDeadline, ...rest }) => ({
          activity: {
            ...rest,
            startsAt: jsonTime(startsAt),
            endsAt: jsonTime(endsAt),
            signupDeadline: jsonTime(signupDeadline),
          },
          confirmed,
          waiting,
          mine: mine ? { status: mine, position } : null,
        }),
      ),
  };
}
