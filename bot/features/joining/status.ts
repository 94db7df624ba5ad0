// "我的入团申请到哪一步了": every stage in order, done ones with their date, the waiting one with who holds it and
// by when, and in plain words what comes next.
import type { Context } from "../../core/feature.ts";
import type { JoinStage } from "../../infra/db.ts";
import { formatDate } from "../membership/format.ts";
import { type ApplicationView, applicationOf, trainingEnds } from "./join-service.ts";
import { STAGE_LINE } from "./rules.ts";

/** When each stage was reached, from the application's own dates. */
function reachedAt(app: ApplicationView, stage: JoinStage): Date | null {
  switch (stage) {
    case "APPLIED":
      return app.appliedAt;
    case "ACTIVIST":
      return app.activistAt;
    case "CANDIDATE":
      return app.candidateAt;
    case "VOTED":
      // A failed meeting is recorded too, but the stage stays 发展对象.
      return stageIndex(app.stage) >= stageIndex("VOTED") ? app.meetingAt : null;
    case "APPROVED":
      return app.approvedAt;
    case "ADMITTED":
      return app.admittedAt;
    default:
      return null;
  }
}

const stageIndex = (stage: JoinStage) => STAGE_LINE.indexOf(stage);

export function statusText(ctx: Context, app: ApplicationView): string {
  const tz = ctx.deps.config.TZ;
  const current = stageIndex(app.stage);
  const lines = STAGE_LINE.map((stage, i) => {
    const at = reachedAt(app, stage);
    const mark = app.stage === "CLOSED" ? "other" : i <= current ? "done" : i === current + 1 ? "next" : "later";
    return ctx.t("joining-status-line", { mark, stage, date: at ? formatDate(at, ctx.locale, tz) : "none" });
  });
  const parts = [ctx.t("joining-status-head", { org: app.org.name, name: app.name }), ...lines];
  const step = app.steps[0];
  if (step) {
    parts.push(
      ctx.t("joining-status-waiting", {
        step: step.kind,
        org: step.org.name,
        since: formatDate(step.startedAt, ctx.locale, tz),
        due: formatDate(step.dueAt, ctx.locale, tz),
      }),
    );
  }
  if (app.stage === "ACTIVIST") {
    const ends = trainingEnds(app, tz);
    parts.push(
      ctx.t("joining-status-training", {
        ends: ends ? formatDate(ends, ctx.locale, "UTC") : "",
        have: app.courseHours,
        need: app.courseHoursRequired ?? 0,
      }),
    );
  }
  parts.push(ctx.t("joining-status-next", { stage: app.stage, code: app.member?.code ?? "" }));
  return parts.join("\n");
}

export async function showStatus(ctx: Context) {
  const app = await applicationOf(ctx.deps.db, ctx.identity.id);
  if (!app?.appliedAt) {
    return ctx.say(ctx.member ? "joining-already-member" : "joining-status-none", { name: ctx.member?.name ?? "" }, [
      ...(ctx.member ? [] : [[ctx.button("joining-button-apply", "go:join.apply")]]),
    ]);
  }
  ctx.reply(statusText(ctx, app));
}
