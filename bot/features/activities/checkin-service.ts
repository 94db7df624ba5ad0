// Check-in codes: the organiser gets a fresh code (only its keyed hash is stored) valid from half an hour before the
// start to half an hour after the end; a member who has a place sends it and is recorded as present, which counts
// as organisational life (Member.lastOrgLifeAt, the six-month rule).
import { randomInt } from "node:crypto";
import type { CoreDeps } from "../../core/feature.ts";
import type { Activity } from "../../infra/db.ts";
import { keyedHash } from "../../infra/keyed-hash.ts";
import { creditCheckin } from "../volunteer/ledger.ts";
import { type Actor, activityInScope } from "./activity-service.ts";
import { CHECKIN_CODE_LENGTH, checkinCodeFrom, checkinTiming, checkinWindow } from "./rules.ts";

const hashOf = (deps: Pick<CoreDeps, "config">, code: string) =>
  keyedHash(deps.config.ID_HASH_SECRET, `checkin:${code}`);

export type IssueResult =
  | { ok: true; code: string; activity: Activity; opensAt: Date; closesAt: Date }
  | { ok: false; problem: "not-allowed" | "cancelled" | "closed" };

/** A new code replaces the previous one (a leaked code stops working). */
export async function issueCheckinCode(
  deps: Pick<CoreDeps, "db" | "audit" | "now" | "config">,
  actor: Actor,
  activityId: number,
): Promise<IssueResult> {
  const activity = await activityInScope(deps.db, actor, activityId);
  if (!activity) {
    await deps.audit.record({
      actorId: actor.memberId,
      action: "activity.denied",
      targetType: "activity",
      targetId: activityId,
      data: { attempted: "checkin-code" },
    });
    return { ok: false, problem: "not-allowed" };
  }
  if (activity.status === "CANCELLED") return { ok: false, problem: "cancelled" };
  const { opensAt, closesAt } = checkinWindow(activity.startsAt, activity.endsAt);
  if (checkinTiming(deps.now(), opensAt, closesAt) === "closed") return { ok: false, problem: "closed" };
  const code = checkinCodeFrom(Array.from({ length: CHECKIN_CODE_LENGTH }, () => randomInt(10)));
  const updated = await deps.db.$transaction(async (tx) => {
    const row = await tx.activity.update({
      where: { id: activity.id },
      data: { checkinCodeHash: hashOf(deps, code), checkinOpensAt: opensAt, checkinClosesAt: closesAt },
    });
    await deps.audit.record(
      {
        actorId: actor.memberId,
        ...(actor.label ? { actorLabel: actor.label } : {}),
        action: "activity.checkin-code",
        orgId: activity.orgId,
        targetType: "activity",
        targetId: activity.id,
      },
      tx,
    );
    return row;
  });
  return { ok: true, code, activity: updated, opensAt, closesAt };
}

export type CheckinResult =
  | { kind: "checked-in"; activity: Activity; at: Date; creditedMinutes: number }
  | { kind: "already"; activity: Activity; at: Date }
  | { kind: "early"; activity: Activity; opensAt: Date }
  | { kind: "closed" | "cancelled" | "not-signed-up" | "waitlisted"; activity: Activity }
  | { kind: "wrong" };

export async function checkIn(deps: CoreDeps, memberId: number, code: string): Promise<CheckinResult> {
  const now = deps.now();
  const hash = hashOf(deps, code);
  // Through the member's own sign-ups (indexed), newest activity first should two share a code.
  const signup = await deps.db.activitySignup.findFirst({
    where: { memberId, activity: { checkinCodeHash: hash } },
    include: { activity: true },
    orderBy: { activity: { startsAt: "desc" } },
  });
  if (!signup) {
    const other = await deps.db.activity.findFirst({
      where: {
        checkinCodeHash: hash,
        status: "PUBLISHED",
        checkinClosesAt: { gte: now },
        startsAt: { lte: new Date(now.getTime() + 24 * 3600_000) },
      },
    });
    return other ? { kind: "not-signed-up", activity: other } : { kind: "wrong" };
  }
  const { activity } = signup;
  if (activity.status === "CANCELLED") return { kind: "cancelled", activity };
  if (signup.status === "CANCELLED") return { kind: "not-signed-up", activity };
  if (signup.status === "WAITLISTED") return { kind: "waitlisted", activity };
  if (signup.checkedInAt) return { kind: "already", activity, at: signup.checkedInAt };
  const timing = checkinTiming(now, activity.checkinOpensAt ?? now, activity.checkinClosesAt ?? now);
  if (timing === "early") return { kind: "early", activity, opensAt: activity.checkinOpensAt! };
  if (timing === "closed") return { kind: "closed", activity };
  const done = await deps.db.$transaction(async (tx) => {
    const marked = await tx.activitySignup.updateMany({
      where: { id: signup.id, checkedInAt: null },
      data: { checkedInAt: now },
    });
    if (!marked.count) return null;
    await tx.member.updateMany({
      where: { id: memberId, OR: [{ lastOrgLifeAt: null }, { lastOrgLifeAt: { lt: now } }] },
      data: { lastOrgLifeAt: now },
    });
    // The activity's volunteer hours, once: the ledger's unique key refuses a second credit for the same activity.
    return creditCheckin(tx, { memberId, activityId: activity.id, minutes: activity.serviceMinutes, at: now });
  });
  if (done === null) {
    const again = await deps.db.activitySignup.findUniqueOrThrow({ where: { id: signup.id } });
    return { kind: "already", activity, at: again.checkedInAt! };
  }
  return { kind: "checked-in", activity, at: now, creditedMinutes: done };
}
