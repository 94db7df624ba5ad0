// Members: what they may join (soonest first), signing up and giving a place back.
import type { Context } from "../../core/feature.ts";
import { readFacts } from "../../infra/facts.ts";
import { rolesFact, scopeOrgIds } from "../orgs/scope.ts";
import { formatHours } from "../volunteer/rules.ts";
import { ORGANISER_ROLES } from "./activity-service.ts";
import { whenArgs } from "./rules.ts";
import { activitiesForFact, cancelSignup, type ShownActivity, signUp } from "./signup-service.ts";

/** Title and times, in the form every activity message takes them. */
export function activityFacts(ctx: Context, activity: ShownActivity) {
  const tz = ctx.deps.config.TZ;
  return {
    id: activity.id,
    title: activity.title,
    place: activity.place,
    capacity: activity.capacity,
    hours: formatHours(activity.serviceMinutes),
    credit: activity.serviceMinutes > 0 ? "yes" : "no",
    ...whenArgs("starts", activity.startsAt, tz),
    ...whenArgs("ends", activity.endsAt, tz),
    ...whenArgs("deadline", activity.signupDeadline, tz),
  };
}

const leaveButton = (ctx: Context, id: number) => [[ctx.button("activities-button-leave", `act-leave:${id}`)]];

export async function listActivities(ctx: Context) {
  const now = ctx.deps.now();
  const { items, roles } = await readFacts(ctx.deps.db, {
    items: activitiesForFact(ctx.member!, now),
    roles: rolesFact(ctx.member!.id),
  });
  // Assignments hold existing organisations (a foreign key), so holding an organiser's role is organising one.
  const organiser = scopeOrgIds(roles, ORGANISER_ROLES).length > 0;
  const extra = organiser
    ? [
        [
          ctx.button("activities-button-create", "go:activity.create"),
          ctx.button("activities-button-manage", "go:activity.manage"),
        ],
      ]
    : [];
  if (!items.length) return ctx.say("activities-none", {}, extra.length ? extra : undefined);
  const lines = items.map((it, i) =>
    ctx.t("activities-list-item", {
      ...activityFacts(ctx, it.activity),
      n: i + 1,
      org: it.activity.org,
      confirmed: it.confirmed,
      waiting: it.waiting,
      mine: it.mine?.status ?? (now > it.activity.signupDeadline ? "closed" : "none"),
      position: it.mine?.position ?? 0,
    }),
  );
  const buttons = items.flatMap((it, i) => {
    const args = { n: i + 1, title: it.activity.title };
    if (it.mine) return [[ctx.button("activities-button-leave-titled", `act-leave:${it.activity.id}`, args)]];
    if (now > it.activity.signupDeadline) return [];
    return [[ctx.button("activities-button-join-titled", `act-join:${it.activity.id}`, args)]];
  });
  ctx.say("activities-list", { items: lines.join("\n\n") }, [...buttons, ...extra]);
}

/** Button: sign up. */
export async function join(ctx: Context, activityId: number) {
  const result = await signUp(ctx.deps, ctx.member!.id, activityId);
  if (result.kind === "refused") {
    const facts = result.activity ? activityFacts(ctx, result.activity) : { title: "-" };
    return ctx.say("activities-refused", { ...facts, reason: result.reason });
  }
  const facts = activityFacts(ctx, result.activity);
  switch (result.kind) {
    case "confirmed":
      return ctx.say("activities-joined", facts, leaveButton(ctx, result.activity.id));
    case "waitlisted":
      return ctx.say(
        "activities-waitlisted",
        { ...facts, position: result.position },
        leaveButton(ctx, result.activity.id),
      );
    case "already":
      return ctx.say(
        "activities-already",
        { ...facts, status: result.status, position: result.position },
        leaveButton(ctx, result.activity.id),
      );
  }
}

/** Button: give the place back (or stop waiting). */
export async function leave(ctx: Context, activityId: number) {
  const result = await cancelSignup(ctx.deps, ctx.member!.id, activityId);
  const facts = result.activity ? activityFacts(ctx, result.activity) : { title: "-" };
  if (result.kind === "left") return ctx.say("activities-left", { ...facts, was: result.was });
  ctx.say(result.kind === "started" ? "activities-leave-started" : "activities-not-signed-up", facts);
}
