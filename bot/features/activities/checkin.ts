// Members checking in: "签到 123456", `/checkin 123456`, the QR code's deep link, or "签到" and then the code.
import type { Context, DialogHandler } from "../../core/feature.ts";
import { hoursTotals } from "../volunteer/ledger.ts";
import { formatHours } from "../volunteer/rules.ts";
import { checkIn } from "./checkin-service.ts";
import { activityFacts } from "./member-view.ts";
import { findCheckinCode, whenArgs } from "./rules.ts";

export const CHECKIN_DIALOG = "activity.checkin";

/** `/checkin [code]` or the check-in intent: with a code, check in; without, ask for it. */
export async function startCheckin(ctx: Context) {
  const code = findCheckinCode(ctx.arg || ctx.incoming.text || "");
  if (code) return answer(ctx, code);
  await ctx.dialog.start(CHECKIN_DIALOG, "code", {});
  ctx.say("activities-checkin-ask");
}

/** Text while we wait for the code; anything that is plainly another request is handed back to the router. */
export const onCheckinText: DialogHandler = async (ctx) => {
  const code = findCheckinCode(ctx.incoming.text ?? "");
  if (!code) {
    if (ctx.textIntent !== "unknown" && ctx.textIntent !== "activity.checkin") return "pass";
    return ctx.say("activities-checkin-ask");
  }
  await ctx.dialog.end();
  return answer(ctx, code);
};

/** `/start checkin_<code>`: the QR code's link (bot/features/start hands the payload here). */
export async function checkinFromLink(ctx: Context) {
  ctx.intent = "activity.checkin";
  if (!ctx.member) {
    return ctx.say("activities-checkin-bind-first", {}, [[ctx.button("activities-button-bind", "go:bind")]]);
  }
  const code = findCheckinCode(ctx.arg);
  if (!code) return ctx.say("activities-checkin-wrong");
  return answer(ctx, code);
}

async function answer(ctx: Context, code: string) {
  const result = await checkIn(ctx.deps, ctx.member!.id, code);
  if (result.kind === "wrong") return ctx.say("activities-checkin-wrong");
  const facts = activityFacts(ctx, result.activity);
  const tz = ctx.deps.config.TZ;
  switch (result.kind) {
    case "checked-in":
      ctx.say("activities-checkin-done", { ...facts, ...whenArgs("at", result.at, tz) });
      if (result.creditedMinutes > 0) await tellCredited(ctx, result.creditedMinutes);
      return;
    case "already":
      return ctx.say("activities-checkin-already", { ...facts, ...whenArgs("at", result.at, tz) });
    case "early":
      return ctx.say("activities-checkin-early", { ...facts, ...whenArgs("opens", result.opensAt, tz) });
    default:
      return ctx.say("activities-checkin-refused", { ...facts, reason: result.kind });
  }
}

/** The hours just credited, and where the member's year and total now stand. */
async function tellCredited(ctx: Context, minutes: number) {
  const totals = await hoursTotals(ctx.deps.db, ctx.member!.id, ctx.deps.now(), ctx.deps.config.TZ);
  ctx.replies.at(-1)!.text += `\n${ctx.t("volunteer-checkin-credited", {
    hours: formatHours(minutes),
    year: String(totals.year),
    yearHours: formatHours(totals.yearMinutes),
    totalHours: formatHours(totals.totalMinutes),
  })}`;
}
