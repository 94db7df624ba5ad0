// Creating an activity in chat: as which organisation → title → time → place → places → sign-up deadline →
// audience (the whole subtree or some child organisations, as for notices) → preview with counts → publish.
import { type Context, type DialogHandler, otherRequest } from "../../core/feature.ts";
import { type AudienceChoice, audienceOrgIds } from "../notices/audience.ts";
import { audienceRows, meansWholeAudience, toggledChildIds } from "../notices/audience-buttons.ts";
import { audienceCounts } from "../notices/notice-service.ts";
import { durationHours, formatHours, parseHours } from "../volunteer/rules.ts";
import { type ActivityProblem, createActivity, organiserOrgs } from "./activity-service.ts";
import { DEFAULT_DURATION_MS, MAX_PLACE, MAX_TITLE, parseCapacity, parseWhen, whenArgs } from "./rules.ts";

export const CREATE_DIALOG = "activity.create";
const DAY_MS = 24 * 60 * 60 * 1000;

interface Draft {
  orgId?: number;
  childIds?: number[];
  title?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  capacity?: number;
  serviceMinutes?: number;
  signupDeadline?: string;
}

const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === CREATE_DIALOG ? (ctx.dialog.current.data as Draft) : null;

const actor = (ctx: Context) => ({ memberId: ctx.member!.id });

/** "2026-12-05 14:00" a week from now, as the example in the question. */
function example(ctx: Context): string {
  const at = new Date(ctx.deps.now().getTime() + 7 * DAY_MS);
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: ctx.deps.config.TZ, dateStyle: "short" }).format(at);
  return `${day} 14:00-16:00`;
}

export async function startCreate(ctx: Context) {
  const orgs = await organiserOrgs(ctx.deps.db, actor(ctx));
  if (!orgs.length) {
    await ctx.deps.audit.record({
      actorId: ctx.member!.id,
      action: "activity.denied",
      data: { attempted: "create" },
    });
    return ctx.say("activities-not-organiser");
  }
  if (orgs.length === 1) return askTitle(ctx, orgs[0]!.id);
  await ctx.dialog.start(CREATE_DIALOG, "org", {});
  ctx.say(
    "activities-choose-org",
    {},
    orgs.map((o) => [{ label: o.name, payload: `act-org:${o.id}` }]),
  );
}

async function askTitle(ctx: Context, orgId: number) {
  await ctx.dialog.start(CREATE_DIALOG, "title", { orgId, childIds: [] });
  ctx.say("activities-ask-title", { max: MAX_TITLE });
}

/** Button: the organisation the activity belongs to. */
export async function chooseOrg(ctx: Context, orgId: number) {
  const orgs = await organiserOrgs(ctx.deps.db, actor(ctx));
  if (!draftOf(ctx) || !orgs.some((o) => o.id === orgId)) return ctx.say("activities-draft-expired");
  return askTitle(ctx, orgId);
}

/** Words that are some other request ("报表", "谁没读") where a time, a number or a button was asked for. */
const elsewhere = (ctx: Context) => otherRequest(ctx, "activity.create");

/** Typed text while the dialog is open, by step. A request typed where it is no answer is answered aside. */
export async function onCreateText(ctx: Context): ReturnType<DialogHandler> {
  const draft = draftOf(ctx);
  const step = ctx.dialog.current?.step;
  const text = ctx.incoming.text?.trim() ?? "";
  if (!draft) return ctx.say("activities-draft-expired");
  switch (step) {
    case "title":
      if (!text || [...text].length > MAX_TITLE) return ctx.say("activities-bad-title", { max: MAX_TITLE });
      await ctx.dialog.update("when", { title: text });
      return ctx.say("activities-ask-when", { example: example(ctx) });
    case "when": {
      const when = parseWhen(text, ctx.deps.now(), ctx.deps.config.TZ);
      if (!when && elsewhere(ctx)) return "aside";
      if (!when) return ctx.say("activities-bad-when", { example: example(ctx) });
      if (when.start <= ctx.deps.now()) return ctx.say("activities-problem", { problem: "past" });
      const end = when.end ?? new Date(when.start.getTime() + DEFAULT_DURATION_MS);
      if (end <= when.start) return ctx.say("activities-problem", { problem: "end" });
      await ctx.dialog.update("place", { startsAt: when.start.toISOString(), endsAt: end.toISOString() });
      return ctx.say("activities-ask-place");
    }
    case "place":
      if (!text || [...text].length > MAX_PLACE) return ctx.say("activities-problem", { problem: "place" });
      await ctx.dialog.update("capacity", { place: text });
      return ctx.say("activities-ask-capacity");
    case "capacity": {
      const capacity = parseCapacity(text);
      if (!capacity && elsewhere(ctx)) return "aside";
      if (!capacity) return ctx.say("activities-problem", { problem: "capacity" });
      await ctx.dialog.update("hours", { capacity });
      return askHours(ctx);
    }
    case "hours": {
      const minutes = parseHours(text);
      if (minutes === null && elsewhere(ctx)) return "aside";
      if (minutes === null) {
        ctx.say("activities-problem", { problem: "hours" });
        return askHours(ctx);
      }
      return setHours(ctx, minutes);
    }
    case "deadline": {
      const when = parseWhen(text, ctx.deps.now(), ctx.deps.config.TZ);
      if (!when && elsewhere(ctx)) return "aside";
      if (!when || when.end) return ctx.say("activities-bad-when", { example: example(ctx).slice(0, -6) });
      return setDeadline(ctx, when.start);
    }
    case "audience":
      if (meansWholeAudience(ctx, text)) return chooseAudience(ctx, "all");
      return elsewhere(ctx) ? "aside" : ctx.say("activities-use-buttons");
    default:
      return elsewhere(ctx) ? "aside" : ctx.say("activities-use-buttons");
  }
}

/** Volunteer hours: the activity's own length offered as a button, and "none". */
function askHours(ctx: Context) {
  const draft = draftOf(ctx)!;
  const length = durationHours(new Date(draft.startsAt!), new Date(draft.endsAt!));
  ctx.say("activities-ask-hours", {}, [
    [
      ...(length > 0
        ? [ctx.button("activities-hours-length", `act-hours:${length}`, { hours: formatHours(length) })]
        : []),
      ctx.button("activities-hours-none", "act-hours:none"),
    ],
  ]);
}

async function setHours(ctx: Context, serviceMinutes: number) {
  await ctx.dialog.update("deadline", { serviceMinutes });
  return askDeadline(ctx);
}

/** Button: the hours offered (the activity's length, or none). */
export async function chooseHours(ctx: Context, minutes: number | "none") {
  if (!draftOf(ctx) || ctx.dialog.current?.step !== "hours") return ctx.say("activities-draft-expired");
  return setHours(ctx, minutes === "none" ? 0 : minutes);
}

function askDeadline(ctx: Context) {
  ctx.say("activities-ask-deadline", { example: example(ctx).slice(0, -6) }, [
    [ctx.button("activities-deadline-start", "act-dl:start"), ctx.button("activities-deadline-day", "act-dl:day")],
  ]);
}

async function setDeadline(ctx: Context, deadline: Date) {
  const draft = draftOf(ctx)!;
  const startsAt = new Date(draft.startsAt!);
  if (deadline > startsAt || deadline <= ctx.deps.now()) {
    ctx.say("activities-problem", { problem: "deadline" });
    return askDeadline(ctx);
  }
  await ctx.dialog.update("audience", { signupDeadline: deadline.toISOString() });
  return showAudience(ctx);
}

/** Button: the deadline at the start, or a day before it. */
export async function chooseDeadline(ctx: Context, when: "start" | "day") {
  const draft = draftOf(ctx);
  if (!draft?.startsAt || ctx.dialog.current?.step !== "deadline") return ctx.say("activities-draft-expired");
  const startsAt = new Date(draft.startsAt);
  return setDeadline(ctx, when === "day" ? new Date(startsAt.getTime() - DAY_MS) : startsAt);
}

async function showAudience(ctx: Context) {
  const draft = draftOf(ctx)!;
  const rows = await audienceRows(ctx, draft.orgId!, draft.childIds ?? [], "act-aud");
  if (!rows) return preview(ctx);
  ctx.say("activities-choose-audience", { chosen: draft.childIds?.length ?? 0 }, [
    ...rows,
    [ctx.button("activities-audience-done", "act-aud:done")],
  ]);
}

/** Button: toggle a child organisation, or done (none chosen = the whole subtree); "all" typed clears the choice. */
export async function chooseAudience(ctx: Context, child: number | "done" | "all") {
  const draft = draftOf(ctx);
  if (!draft?.signupDeadline || ctx.dialog.current?.step !== "audience") return ctx.say("activities-draft-expired");
  if (child === "all") await ctx.dialog.update("audience", { childIds: [] });
  if (child === "done" || child === "all") return preview(ctx);
  const childIds = await toggledChildIds(ctx, draft.orgId!, draft.childIds ?? [], child);
  await ctx.dialog.update("audience", { childIds });
  return showAudience(ctx);
}

async function preview(ctx: Context) {
  const draft = draftOf(ctx)!;
  const choice: AudienceChoice = { orgId: draft.orgId!, childIds: draft.childIds ?? [] };
  const counts = await audienceCounts(ctx.deps.db, audienceOrgIds(choice));
  await ctx.dialog.update("confirm");
  const tz = ctx.deps.config.TZ;
  ctx.say(
    "activities-preview",
    {
      title: draft.title!,
      place: draft.place!,
      capacity: draft.capacity!,
      hours: formatHours(draft.serviceMinutes ?? 0),
      credit: draft.serviceMinutes ? "yes" : "no",
      ...whenArgs("starts", new Date(draft.startsAt!), tz),
      ...whenArgs("ends", new Date(draft.endsAt!), tz),
      ...whenArgs("deadline", new Date(draft.signupDeadline!), tz),
      ...counts,
    },
    [[ctx.button("activities-publish", "act-publish:yes"), ctx.button("activities-discard", "act-publish:no")]],
  );
}

export function problemReply(ctx: Context, problem: ActivityProblem) {
  ctx.say(problem === "not-allowed" ? "activities-not-organiser" : "activities-problem", { problem });
}

/** Button: publish or drop the previewed activity. */
export async function confirmCreate(ctx: Context, answer: "yes" | "no") {
  const draft = draftOf(ctx);
  if (!draft?.signupDeadline || ctx.dialog.current?.step !== "confirm") return ctx.say("activities-draft-expired");
  await ctx.dialog.end();
  if (answer !== "yes") return ctx.say("activities-dropped");
  const result = await createActivity(ctx.deps, actor(ctx), {
    orgId: draft.orgId!,
    childIds: draft.childIds ?? [],
    title: draft.title!,
    place: draft.place!,
    startsAt: new Date(draft.startsAt!),
    endsAt: new Date(draft.endsAt!),
    capacity: draft.capacity!,
    serviceMinutes: draft.serviceMinutes ?? 0,
    signupDeadline: new Date(draft.signupDeadline),
  });
  if (!result.ok) return problemReply(ctx, result.problem);
  ctx.say("activities-created", { id: result.activity.id, title: result.activity.title }, [
    [ctx.button("activities-button-open", `act-manage:${result.activity.id}`)],
  ]);
}
