// The 团支书's and committee's side: /applicants lists applicants in scope by stage, each with the one-tap action for
// its waiting step (the same buttons as the step's notice and nudges). Steps that need data ask for it: the branch
// meeting's three numbers, the 编号, 团课 hours. Every action is scope-checked and audited in the service; a second
// tap is told who already did it.
import { idArg } from "../../core/args.ts";
import { buttonAction, type Context, type DialogHandler } from "../../core/feature.ts";
import { parseInteger } from "../../core/nlu/numbers.ts";
import type { Button } from "../../core/types.ts";
import { normaliseName } from "../binding/rules.ts";
import { formatDate } from "../membership/format.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import {
  type Actor,
  type AdvanceResult,
  advanceStep,
  applicantsInScope,
  inviteCodeFor,
  JOIN_ROLES,
  preRegister,
  recordCourseHours,
  type StepAction,
  stepInScope,
  trainingEnds,
} from "./join-service.ts";
import { normalisePhone, readMeeting } from "./rules.ts";
import { STEP_BUTTON, stepButtonRow } from "./step-buttons.ts";

export const MEETING_DIALOG = "joining.meeting";
export const CODE_DIALOG = "joining.code";
export const HOURS_DIALOG = "joining.hours";
const MAX_BUTTONS = 8;

const me = (ctx: Context): Actor => ({ memberId: ctx.member!.id });

export function tellAdvance(ctx: Context, result: AdvanceResult) {
  if (result.ok) {
    return ctx.say("joining-advanced", { name: result.name, stage: result.stage, code: result.memberCode ?? "" });
  }
  switch (result.problem) {
    case "not-found":
      return ctx.say("joining-expired");
    case "wrong-step":
      return ctx.say("joining-wrong-step");
    case "handled":
      return ctx.say("joining-handled", { by: result.by ?? "none", stage: result.stage });
    case "training":
      return ctx.say("joining-training-not-over", { date: formatDate(result.endsOn, ctx.locale, "UTC") });
    case "hours":
      return ctx.say("joining-hours-short", { have: result.have, need: result.need });
    case "meeting-invalid":
      return ctx.say("joining-meeting-invalid", { problem: result.reason });
    case "meeting-failed":
      return ctx.say("joining-meeting-failed", {
        due: result.vote.due,
        present: result.vote.present,
        votes: result.vote.votesFor,
      });
    case "code-format":
      return ctx.say("joining-code-format");
    case "code-year":
      return ctx.say("joining-code-year", { year: String(result.year) });
    case "code-taken":
      return ctx.say("joining-code-taken");
  }
}

async function act(ctx: Context, stepId: number, action: StepAction) {
  tellAdvance(ctx, await advanceStep(ctx.deps, me(ctx), stepId, action));
}

/** A step that needs typed data: checked first (scope, still waiting), then the question. */
async function ask(ctx: Context, stepId: number, kind: "RECORD_MEETING" | "ENTER_CODE", dialog: string) {
  const step = await stepInScope(ctx.deps.db, me(ctx), stepId);
  if (!step) return ctx.say("joining-expired");
  if (step.status !== "PENDING") {
    return ctx.say("joining-handled", { by: step.decidedBy?.name ?? "none", stage: step.application.stage });
  }
  if (step.kind !== kind) return ctx.say("joining-wrong-step");
  await ctx.dialog.start(dialog, "answer", { stepId });
  ctx.say(kind === "RECORD_MEETING" ? "joining-ask-meeting" : "joining-ask-code", { name: step.application.name });
}

const onMeetingText: DialogHandler = async (ctx) => {
  const vote = readMeeting(ctx.incoming.text ?? "");
  if (!vote) return ctx.say("joining-meeting-malformed");
  const result = await advanceStep(ctx.deps, me(ctx), Number(ctx.dialog.current!.data.stepId), {
    kind: "RECORD_MEETING",
    vote,
  });
  // A record that cannot be true may be typed again; anything else ends the question.
  if (result.ok || result.problem !== "meeting-invalid") await ctx.dialog.end();
  tellAdvance(ctx, result);
};

const onCodeText: DialogHandler = async (ctx) => {
  const result = await advanceStep(ctx.deps, me(ctx), Number(ctx.dialog.current!.data.stepId), {
    kind: "ENTER_CODE",
    code: ctx.incoming.text ?? "",
  });
  if (result.ok || !["code-format", "code-year", "code-taken"].includes(result.problem)) await ctx.dialog.end();
  tellAdvance(ctx, result);
};

async function askHours(ctx: Context, applicationId: number) {
  await ctx.dialog.start(HOURS_DIALOG, "answer", { applicationId });
  ctx.say("joining-ask-hours");
}

const onHoursText: DialogHandler = async (ctx) => {
  const text = (ctx.incoming.text ?? "").replace(/(个)?(小时|学时|课时|hours?|h)$/i, "").trim();
  const hours = parseInteger(text);
  if (hours === null) return ctx.say("joining-hours-malformed");
  const result = await recordCourseHours(ctx.deps, me(ctx), Number(ctx.dialog.current!.data.applicationId), hours);
  if (!result.ok && result.problem === "bad-hours") return ctx.say("joining-hours-malformed");
  await ctx.dialog.end();
  if (!result.ok) return ctx.say(result.problem === "wrong-stage" ? "joining-wrong-step" : "joining-expired");
  ctx.say("joining-hours-recorded", { name: result.name, have: result.have, need: result.need });
};

// ─────────────────────────────── /applicants ───────────────────────────────

/** `/applicants`, `/applicants invite`, `/applicants add <name> <phone>`. */
export async function applicants(ctx: Context) {
  const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
  const scope = scopeOrgIds(roles, JOIN_ROLES);
  if (!scope.length) return ctx.say("joining-leaders-only");
  const [sub, ...rest] = ctx.arg.trim().split(/\s+/);
  if (sub === "invite" || sub === "邀请码") return invite(ctx, scope, rest.join(" "));
  if (sub === "add" || sub === "登记") return add(ctx, scope, rest.join(" "));

  const listed = await applicantsInScope(ctx.deps, me(ctx));
  if (!listed.length) return ctx.say("joining-list-empty");
  const tz = ctx.deps.config.TZ;
  const lines = [ctx.t("joining-list-head", { count: listed.length })];
  const buttons: Button[][] = [];
  let stage = "";
  for (const [i, { app, canAct }] of listed.entries()) {
    if (app.stage !== stage) {
      stage = app.stage;
      lines.push(ctx.t("joining-list-stage", { stage }));
    }
    const step = app.steps[0];
    const ends = trainingEnds(app, tz);
    lines.push(
      ctx.t("joining-list-line", {
        n: i + 1,
        name: app.name,
        org: app.org.name,
        step: step?.kind ?? "none",
        due: step ? formatDate(step.dueAt, ctx.locale, tz) : "",
        holder: step?.org.name ?? "",
        mine: canAct ? "yes" : "no",
        have: app.courseHours,
        need: app.courseHoursRequired ?? 0,
        ends: ends ? formatDate(ends, ctx.locale, "UTC") : "",
      }),
    );
    if (step && canAct && buttons.length < MAX_BUTTONS) {
      buttons.push(
        stepButtonRow(step.kind, step.id, app.id).map((b) =>
          ctx.button(`${b.labelKey}-named`, b.payload, { name: app.name }),
        ),
      );
    }
  }
  ctx.reply(lines.join("\n"), buttons);
}

async function invite(ctx: Context, scope: number[], arg: string) {
  // A 团支书's own branch; a committee names one of its branches (code or part of the name).
  const branch = await ctx.deps.db.organisation.findFirst({
    where: arg
      ? {
          level: "BRANCH",
          AND: [
            { OR: scope.map((id) => ({ ancestorIds: { has: id } })) },
            { OR: [{ code: arg }, { name: { contains: arg } }] },
          ],
        }
      : { level: "BRANCH", id: { in: scope } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const code = branch && (await inviteCodeFor(ctx.deps, me(ctx), branch.id));
  if (!code) return ctx.say("joining-invite-which");
  ctx.say("joining-invite", { code: code.code, org: code.org });
}

async function add(ctx: Context, scope: number[], arg: string) {
  const match = arg.normalize("NFKC").match(/^(.+?)[\s,，、]+((?:\+?86)?[\d\s-]{11,16})$/);
  const name = match ? normaliseName(match[1]!) : null;
  const phone = match ? normalisePhone(match[2]!) : null;
  if (!name || !phone) return ctx.say("joining-add-usage");
  const branch = scope.length === 1 ? scope[0]! : null;
  const org = branch
    ? await ctx.deps.db.organisation.findUnique({ where: { id: branch }, select: { id: true, level: true } })
    : null;
  if (org?.level !== "BRANCH") return ctx.say("joining-add-branch-only");
  const result = await preRegister(ctx.deps, me(ctx), org.id, name, phone);
  if (!result.ok) return ctx.say(result.problem === "exists" ? "joining-add-exists" : "joining-add-branch-only");
  ctx.say("joining-added", { name, phone: phone.slice(-4) });
}

export const leaderButtons = {
  [STEP_BUTTON.MARK_ACTIVIST.action]: buttonAction("join.advance", idArg, (ctx, id) =>
    act(ctx, id, { kind: "MARK_ACTIVIST" }),
  ),
  [STEP_BUTTON.MARK_CANDIDATE.action]: buttonAction("join.advance", idArg, (ctx, id) =>
    act(ctx, id, { kind: "MARK_CANDIDATE" }),
  ),
  [STEP_BUTTON.APPROVE.action]: buttonAction("join.advance", idArg, (ctx, id) => act(ctx, id, { kind: "APPROVE" })),
  [STEP_BUTTON.RECORD_MEETING.action]: buttonAction("join.advance", idArg, (ctx, id) =>
    ask(ctx, id, "RECORD_MEETING", MEETING_DIALOG),
  ),
  [STEP_BUTTON.ENTER_CODE.action]: buttonAction("join.advance", idArg, (ctx, id) =>
    ask(ctx, id, "ENTER_CODE", CODE_DIALOG),
  ),
  "join-hours": buttonAction("join.hours", idArg, askHours),
};

export const leaderDialogs = {
  [MEETING_DIALOG]: onMeetingText,
  [CODE_DIALOG]: onCodeText,
  [HOURS_DIALOG]: onHoursText,
};
