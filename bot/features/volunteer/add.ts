// /addhours: a leader adds volunteer hours for offline service. One line ("/addhours 201901000001 2 社区敬老院服务")
// or a short dialog (编号 → hours → reason); either way a preview with the member's name, then a confirmation.
// Never for one's own record, only inside the leader's scope; refusals and entries are audited.
import { randomUUID } from "node:crypto";
import type { Context, DialogHandler } from "../../core/feature.ts";
import { addHours, type EntryProblem, entryTarget, mayAddHours } from "./ledger.ts";
import { formatHours, MAX_REASON, parseEntry, parseHours, reasonProblem } from "./rules.ts";

export const ADD_DIALOG = "volunteer.add";

interface AddDraft {
  code?: string;
  name?: string;
  org?: string;
  minutes?: number;
  reason?: string;
  /** Names this preview: the first confirmation claims it, so two taps at once save one entry. */
  nonce?: string;
}

/** How long a claimed preview stays claimed: longer than any dialog lives. */
const CLAIM_TTL_SEC = 24 * 60 * 60;

const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === ADD_DIALOG ? (ctx.dialog.current.data as AddDraft) : null;

async function refuse(ctx: Context, problem: EntryProblem, target: { memberId?: number | null }, minutes?: number) {
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "volunteer.add",
    ...(target.memberId ? { targetType: "member", targetId: target.memberId } : {}),
    data: { outcome: problem, stage: "preview", ...(minutes === undefined ? {} : { minutes }) },
  });
  ctx.say("volunteer-add-refused", { problem });
}

/** `/addhours [编号 hours reason]` and its intent. */
export async function startAdd(ctx: Context, arg: string) {
  if (!(await mayAddHours(ctx.deps.db, ctx.member!.id))) return refuse(ctx, "not-leader", {});
  await ctx.dialog.start(ADD_DIALOG, "code", {});
  const text = arg.trim();
  if (!text) return ctx.say("volunteer-add-ask-code");
  return atCode(ctx, text);
}

/** The 编号, or the whole entry on one line. */
async function atCode(ctx: Context, text: string) {
  const full = parseEntry(text);
  if (full.ok) return preview(ctx, full.entry.code, full.entry.minutes, full.entry.reason);
  const code = /^\d{12}$/.test(text) ? text : null;
  if (!code) {
    // The line began with a 编号: say what was wrong with the rest.
    if (/^\d{12}[\s,，]/.test(text)) return ctx.say("volunteer-add-bad", { problem: full.problem, max: MAX_REASON });
    return ctx.say("volunteer-add-bad", { problem: "code", max: MAX_REASON });
  }
  const target = await entryTarget(ctx.deps.db, ctx.member!.id, code);
  if (!target.ok) return refuse(ctx, target.problem, target);
  await ctx.dialog.update("hours", { code, name: target.member.name, org: target.member.org.name });
  ctx.say("volunteer-add-ask-hours", { name: target.member.name, org: target.member.org.name });
}

/** Typed text while the dialog is open, by step. */
export const onAddText: DialogHandler = async (ctx) => {
  const draft = draftOf(ctx);
  const text = ctx.incoming.text?.trim() ?? "";
  if (!draft) return ctx.say("volunteer-add-expired");
  const step = ctx.dialog.current!.step;
  // Another request typed instead of an answer ("我的团籍") is answered while the entry waits; a reason is free
  // text, and hours said in words ("两个半小时") sound like a volunteer-hours request to the model but answer it.
  const otherRequest = ctx.textIntent !== "unknown" && !ctx.textIntent.startsWith("volunteer.");
  if (step !== "reason" && !/\d/.test(text) && otherRequest) return "aside";
  switch (step) {
    case "code":
      return atCode(ctx, text);
    case "hours": {
      const minutes = parseHours(text);
      if (!minutes) return ctx.say("volunteer-add-bad", { problem: "hours", max: MAX_REASON });
      await ctx.dialog.update("reason", { minutes });
      return ctx.say("volunteer-add-ask-reason", { name: draft.name!, hours: formatHours(minutes), max: MAX_REASON });
    }
    case "reason":
      if (reasonProblem(text)) return ctx.say("volunteer-add-bad", { problem: "reason", max: MAX_REASON });
      return preview(ctx, draft.code!, draft.minutes!, text);
    default:
      return ctx.say("volunteer-add-use-buttons");
  }
};

async function preview(ctx: Context, code: string, minutes: number, reason: string) {
  const target = await entryTarget(ctx.deps.db, ctx.member!.id, code);
  if (!target.ok) return refuse(ctx, target.problem, target, minutes);
  const draft: AddDraft = {
    code,
    name: target.member.name,
    org: target.member.org.name,
    minutes,
    reason,
    nonce: randomUUID(),
  };
  await ctx.dialog.update("confirm", { ...draft });
  ctx.say("volunteer-add-preview", { name: draft.name!, code, org: draft.org!, hours: formatHours(minutes), reason }, [
    [ctx.button("volunteer-add-yes", "hours-add:yes"), ctx.button("volunteer-add-no", "hours-add:no")],
  ]);
}

/** Buttons under the preview. The dialog ends first, so a second tap finds nothing to save. */
export async function confirmAdd(ctx: Context, answer: "yes" | "no") {
  const draft = draftOf(ctx);
  if (!draft?.reason || !draft.nonce || ctx.dialog.current?.step !== "confirm") {
    return ctx.say("volunteer-add-expired");
  }
  // Two taps may both read the dialog before either ends it: only the one that claims the preview goes on.
  const claimKey = `${ctx.deps.config.REDIS_PREFIX}:hours-add:${draft.nonce}`;
  if ((await ctx.deps.redis.set(claimKey, "1", "EX", CLAIM_TTL_SEC, "NX")) !== "OK") {
    return ctx.say("volunteer-add-expired");
  }
  await ctx.dialog.end();
  if (answer === "no") return ctx.say("volunteer-add-cancelled");
  const leader = ctx.member!;
  const result = await addHours(ctx.deps, leader, {
    code: draft.code!,
    minutes: draft.minutes!,
    reason: draft.reason,
  });
  if (!result.ok) return ctx.say("volunteer-add-refused", { problem: result.problem });
  ctx.say("volunteer-add-saved", {
    name: result.member.name,
    hours: formatHours(draft.minutes!),
    year: String(result.totals.year),
    yearHours: formatHours(result.totals.yearMinutes),
    totalHours: formatHours(result.totals.totalMinutes),
  });
}
