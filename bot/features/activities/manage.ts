// Organisers: their activities, each with its numbers, roster, attendance sheet, check-in code, edits and
// cancellation. Every look at members' names is audited, like any other look-up of someone else's record.
import QRCode from "qrcode";
import { type Context, type DialogHandler, otherRequest } from "../../core/feature.ts";
import { parseHours } from "../volunteer/rules.ts";
import { type Actor, activityInScope, cancelActivity, managedActivities, updateActivity } from "./activity-service.ts";
import { attendanceCsv, rosterOf } from "./attendance.ts";
import { issueCheckinCode } from "./checkin-service.ts";
import { problemReply } from "./create-dialog.ts";
import { activityFacts } from "./member-view.ts";
import { CHECKIN_LINK_PREFIX, parseCapacity, parseWhen, whenArgs } from "./rules.ts";

export const EDIT_DIALOG = "activity.edit";
export const EDIT_FIELDS = ["title", "when", "place", "capacity", "hours", "deadline"] as const;
type EditField = (typeof EDIT_FIELDS)[number];
/** Names shown in the roster before "and N more". */
const ROSTER_SHOWN = 50;

const actor = (ctx: Context): Actor => ({ memberId: ctx.member!.id });

async function inScope(ctx: Context, id: number) {
  const activity = await activityInScope(ctx.deps.db, actor(ctx), id);
  if (!activity) {
    await ctx.deps.audit.record({
      actorId: ctx.member!.id,
      action: "activity.denied",
      targetType: "activity",
      targetId: id,
      data: { attempted: ctx.intent },
    });
    ctx.say("activities-not-found");
  }
  return activity;
}

/** `/myactivities`: the activities in the organiser's scope. */
export async function listManaged(ctx: Context) {
  const activities = await managedActivities(ctx.deps.db, actor(ctx), ctx.deps.now());
  if (!activities.length) {
    return ctx.say("activities-manage-none", {}, [[ctx.button("activities-button-create", "go:activity.create")]]);
  }
  const lines = activities.map((a, i) =>
    ctx.t("activities-manage-item", { ...activityFacts(ctx, a), n: i + 1, status: a.status }),
  );
  ctx.say("activities-manage-list", { items: lines.join("\n") }, [
    ...activities.map((a, i) => [
      ctx.button("activities-button-manage-titled", `act-manage:${a.id}`, { n: i + 1, title: a.title }),
    ]),
    [ctx.button("activities-button-create", "go:activity.create")],
  ]);
}

/** Button: one activity's card with its numbers and what the organiser can do. */
export async function showCard(ctx: Context, activityId: number) {
  const activity = await inScope(ctx, activityId);
  if (!activity) return;
  const roster = await rosterOf(ctx.deps.db, activity, ctx.deps.now());
  const id = activity.id;
  const open = activity.status === "PUBLISHED";
  ctx.say(
    "activities-card",
    {
      ...activityFacts(ctx, activity),
      status: activity.status,
      confirmed: roster.confirmed.length,
      waiting: roster.waiting.length,
      attended: roster.attended,
      noShows: roster.noShows,
    },
    [
      [
        ctx.button("activities-button-roster", `act-roster:${id}`),
        ctx.button("activities-button-csv", `act-csv:${id}`),
      ],
      ...(open
        ? [
            [
              ctx.button("activities-button-code", `act-code:${id}`),
              ctx.button("activities-button-edit", `act-edit:${id}`),
            ],
            [ctx.button("activities-button-cancel", `act-cancel:${id}`)],
          ]
        : []),
    ],
  );
}

/** Button: who has a place (and came), who waits. */
export async function showRoster(ctx: Context, activityId: number) {
  const activity = await inScope(ctx, activityId);
  if (!activity) return;
  const roster = await rosterOf(ctx.deps.db, activity, ctx.deps.now());
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "activity.roster",
    orgId: activity.orgId,
    targetType: "activity",
    targetId: activity.id,
  });
  const line = (r: (typeof roster.confirmed)[number]) =>
    ctx.t("activities-roster-row", { n: r.n, name: r.name, org: r.org, state: r.attendance });
  const list = (rows: typeof roster.confirmed) =>
    [
      ...rows.slice(0, ROSTER_SHOWN).map(line),
      ...(rows.length > ROSTER_SHOWN ? [ctx.t("activities-roster-more", { more: rows.length - ROSTER_SHOWN })] : []),
    ].join("\n") || "-";
  ctx.say(
    "activities-roster",
    {
      title: activity.title,
      capacity: activity.capacity,
      confirmed: roster.confirmed.length,
      waiting: roster.waiting.length,
      attended: roster.attended,
      noShows: roster.noShows,
      confirmedList: list(roster.confirmed),
      waitingList: list(roster.waiting),
    },
    [[ctx.button("activities-button-csv", `act-csv:${activity.id}`)]],
  );
}

/** Button: the attendance sheet as a CSV file. */
export async function exportCsv(ctx: Context, activityId: number) {
  const activity = await inScope(ctx, activityId);
  if (!activity) return;
  const roster = await rosterOf(ctx.deps.db, activity, ctx.deps.now());
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "activity.export",
    orgId: activity.orgId,
    targetType: "activity",
    targetId: activity.id,
    data: { rows: roster.confirmed.length + roster.waiting.length + roster.cancelled.length },
  });
  const bytes = attendanceCsv(ctx.t, roster, ctx.deps.config.TZ);
  const caption = ctx.t("activities-csv-caption", {
    title: activity.title,
    attended: roster.attended,
    confirmed: roster.confirmed.length,
    noShows: roster.noShows,
  });
  ctx.replyFile(`activity-${activity.id}-attendance.csv`, "text/csv", bytes, caption);
}

/** Button: a fresh check-in code, and on Telegram a QR code that opens the bot with it. */
export async function showCode(ctx: Context, activityId: number) {
  const result = await issueCheckinCode(ctx.deps, actor(ctx), activityId);
  if (!result.ok) {
    if (result.problem === "not-allowed") return ctx.say("activities-not-found");
    return ctx.say("activities-code-refused", { problem: result.problem });
  }
  const username = ctx.deps.config.TELEGRAM_BOT_USERNAME;
  const link =
    ctx.incoming.ref.platform === "telegram" && username
      ? `https://t.me/${username}?start=${CHECKIN_LINK_PREFIX}${result.code}`
      : "";
  const tz = ctx.deps.config.TZ;
  ctx.say("activities-code", {
    title: result.activity.title,
    code: result.code,
    link: link || "none",
    ...whenArgs("opens", result.opensAt, tz),
    ...whenArgs("closes", result.closesAt, tz),
  });
  if (link) ctx.replies.at(-1)!.image = await QRCode.toBuffer(link, { type: "png", margin: 2, width: 480 });
}

/** Button: what to change. */
export async function askEdit(ctx: Context, activityId: number) {
  const activity = await inScope(ctx, activityId);
  if (!activity) return;
  ctx.say(
    "activities-edit-what",
    { title: activity.title },
    EDIT_FIELDS.map((f) => [ctx.button("activities-edit-field", `act-field:${activity.id}.${f}`, { field: f })]),
  );
}

/** Button "act-field:<id>.<field>": ask for the new value. */
export async function chooseField(ctx: Context, [id, field]: readonly [number, EditField]) {
  const activity = await inScope(ctx, id);
  if (!activity) return;
  await ctx.dialog.start(EDIT_DIALOG, field, { activityId: activity.id });
  ctx.say("activities-edit-ask", { field, ...activityFacts(ctx, activity) });
}

/** The new value, typed. */
export async function onEditText(ctx: Context): ReturnType<DialogHandler> {
  const state = ctx.dialog.current;
  const activityId = Number(state?.data.activityId);
  const field = state?.step as EditField;
  const text = ctx.incoming.text?.trim() ?? "";
  const now = ctx.deps.now();
  const tz = ctx.deps.config.TZ;
  let patch: Parameters<typeof updateActivity>[3];
  switch (field) {
    case "title":
      patch = { title: text };
      break;
    case "place":
      patch = { place: text };
      break;
    case "capacity": {
      const capacity = parseCapacity(text);
      if (!capacity && otherRequest(ctx, "activity.manage")) return "aside";
      if (!capacity) return ctx.say("activities-problem", { problem: "capacity" });
      patch = { capacity };
      break;
    }
    case "hours": {
      const serviceMinutes = parseHours(text);
      if (serviceMinutes === null && otherRequest(ctx, "activity.manage")) return "aside";
      if (serviceMinutes === null) return ctx.say("activities-problem", { problem: "hours" });
      patch = { serviceMinutes };
      break;
    }
    case "when": {
      const when = parseWhen(text, now, tz);
      if (!when && otherRequest(ctx, "activity.manage")) return "aside";
      if (!when) return ctx.say("activities-bad-when", { example: "2026-12-05 14:00-16:00" });
      patch = { startsAt: when.start, ...(when.end ? { endsAt: when.end } : {}) };
      break;
    }
    case "deadline": {
      const when = parseWhen(text, now, tz);
      if (!when && otherRequest(ctx, "activity.manage")) return "aside";
      if (!when || when.end) return ctx.say("activities-bad-when", { example: "2026-12-04 18:00" });
      patch = { signupDeadline: when.start };
      break;
    }
    default:
      await ctx.dialog.end();
      return ctx.say("activities-draft-expired");
  }
  const result = await updateActivity(ctx.deps, actor(ctx), activityId, patch);
  if (!result.ok) return problemReply(ctx, result.problem);
  await ctx.dialog.end();
  const moved = result.activity;
  ctx.say("activities-edited", activityFacts(ctx, moved), [
    [ctx.button("activities-button-open", `act-manage:${activityId}`)],
  ]);
  // The code already handed out keeps working, at the new time: the organiser needs to know it is still good.
  if (field === "when" && moved.checkinCodeHash && moved.checkinOpensAt && moved.checkinClosesAt) {
    const tz = ctx.deps.config.TZ;
    ctx.replies.at(-1)!.text += `\n${ctx.t("activities-edited-code-moved", {
      ...whenArgs("opens", moved.checkinOpensAt, tz),
      ...whenArgs("closes", moved.checkinClosesAt, tz),
    })}`;
  }
}

/** Button: asks before cancelling. */
export async function askCancel(ctx: Context, activityId: number) {
  const activity = await inScope(ctx, activityId);
  if (!activity) return;
  const roster = await rosterOf(ctx.deps.db, activity, ctx.deps.now());
  ctx.say(
    "activities-cancel-confirm",
    { title: activity.title, confirmed: roster.confirmed.length, waiting: roster.waiting.length },
    [
      [
        ctx.button("activities-cancel-yes", `act-cancel-yes:${activity.id}`),
        ctx.button("activities-cancel-no", `act-manage:${activity.id}`),
      ],
    ],
  );
}

export async function confirmCancel(ctx: Context, activityId: number) {
  const result = await cancelActivity(ctx.deps, actor(ctx), activityId);
  if (!result.ok) return problemReply(ctx, result.problem);
  ctx.say("activities-cancelled", { title: result.activity.title });
}
