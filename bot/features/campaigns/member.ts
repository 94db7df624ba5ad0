// The member's side of every campaign: the answer buttons of the opening message and reminders (and their typed
// words), a second question when the kind asks one, and "团籍注册" typed by a member: what waits for them.
import type { Context } from "../../core/feature.ts";
import { leadersFor } from "../leaving/leaving-service.ts";
import { loadCampaign, openEntriesOf, respond } from "./campaign-service.ts";
import type { CampaignKind } from "./kind.ts";
import { kindOf } from "./kinds/index.ts";

/** Open after "团籍注册" shows one campaign waiting for an answer: its words typed answer it ("没变化", "确认"). */
export const ANSWER_DIALOG = "campaign.answer";

const said = (ctx: Context, s: { key: string; args?: Record<string, string | number> }) => ctx.t(s.key, s.args);

export function choiceButtons(ctx: Context, kind: CampaignKind, campaignId: number, choices: readonly string[]) {
  return [choices.map((c) => ctx.button(`campaigns-${kind.name}-choice-${c}`, `camp-ans:${campaignId}:${c}`))];
}

/** A tap on one of a campaign's answer buttons (`camp-ans:<campaignId>:<choice>`). */
export async function answerChoice(ctx: Context, [campaignId, choice]: [number, string]) {
  const member = ctx.member!;
  const found = await loadCampaign(ctx.deps.db, campaignId);
  const entry = found
    ? await ctx.deps.db.campaignEntry.findUnique({
        where: { campaignId_memberId: { campaignId, memberId: member.id } },
      })
    : null;
  const step = found?.kind.answer(choice);
  if (!found || !entry || !step) return ctx.say("campaigns-answer-not-yours");
  const { campaign, kind } = found;
  if (campaign.status !== "OPEN") return ctx.say("campaigns-answer-closed");
  if (step.kind === "ask") {
    await ctx.dialog.start(ANSWER_DIALOG, "answer", { campaignId, choices: [...step.choices] });
    return ctx.say(step.said.key, step.said.args, choiceButtons(ctx, kind, campaignId, step.choices));
  }
  if (step.kind === "text") {
    // The answer's text comes next: the choice waits in a dialog ("取消" leaves it, nothing stored).
    await ctx.dialog.start(TEXT_DIALOG, "text", { campaignId, choice });
    return ctx.say(step.said.key, step.said.args);
  }
  if (ctx.dialog.current?.name === ANSWER_DIALOG) await ctx.dialog.end();
  return store(ctx, kind, campaignId, step.response);
}

/** Open after a choice whose answer needs a text (教育评议's self-assessment): the text typed next is that answer. */
export const TEXT_DIALOG = "campaign.text";

/** The text typed after a choice whose answer needs one: stored when it reads, else its problem and a new try. */
export async function answerText(ctx: Context) {
  const { campaignId, choice } = ctx.dialog.current!.data as { campaignId: number; choice: string };
  const found = await loadCampaign(ctx.deps.db, campaignId);
  const step = found?.kind.answer(choice);
  if (!found || step?.kind !== "text") {
    await ctx.dialog.end();
    return ctx.say("campaigns-answer-not-yours");
  }
  const read = step.read(ctx.incoming.text ?? "");
  if ("problem" in read) return ctx.say(read.problem.key, read.problem.args);
  await ctx.dialog.end();
  return store(ctx, found.kind, campaignId, read.response);
}

async function store(ctx: Context, kind: CampaignKind, campaignId: number, response: Record<string, unknown>) {
  const member = ctx.member!;
  const outcome = await respond(ctx.deps, member.id, campaignId, kind, response);
  const what = said(ctx, kind.describeResponse(response));
  switch (outcome.kind) {
    case "saved": {
      const leaders = await leadersFor(ctx.deps.db, member.orgId, member.id, { roles: kind.decideRoles });
      return ctx.say("campaigns-answer-saved", { what, leaders: leaders.map((l) => l.name).join("、") || "none" });
    }
    case "same":
      return ctx.say("campaigns-answer-same", { what });
    case "decided":
      return ctx.say("campaigns-answer-decided", {
        decision: ctx.t(`campaigns-${kind.name}-decision-${outcome.decision}`),
      });
    case "closed":
      return ctx.say("campaigns-answer-closed");
    case "not-in-audience":
      return ctx.say("campaigns-answer-not-yours");
  }
}

/** Typed while a campaign's question waits: one of the kind's words for an offered choice answers it. */
export async function onAnswerText(ctx: Context) {
  const data = ctx.dialog.current?.data as { campaignId?: number; choices?: string[] } | undefined;
  const found = data?.campaignId ? await loadCampaign(ctx.deps.db, data.campaignId) : null;
  const text = (ctx.incoming.text ?? "")
    .trim()
    .toLowerCase()
    .replace(/[。.!！,，]+$/, "");
  if (!found || !data?.choices || !text) return "pass";
  const choice = data.choices.find((c) => found.kind.choiceWords[c]?.some((w) => w.toLowerCase() === text));
  if (!choice) return "pass";
  return answerChoice(ctx, [data.campaignId!, choice]);
}

/** "团籍注册" from a member: each open campaign of theirs, with its buttons if not yet answered. */
export async function showMine(ctx: Context, options: { quietWhenNone?: boolean } = {}) {
  const entries = await openEntriesOf(ctx.deps.db, ctx.member!.id);
  if (!entries.length) return options.quietWhenNone ? undefined : ctx.say("campaigns-member-none");
  const waiting = entries.filter((e) => !e.response);
  if (waiting.length === 1) {
    const kind = kindOf(waiting[0]!.campaign.kind);
    if (kind) {
      await ctx.dialog.start(ANSWER_DIALOG, "answer", {
        campaignId: waiting[0]!.campaignId,
        choices: [...kind.firstChoices],
      });
    }
  }
  for (const entry of entries) {
    const kind = kindOf(entry.campaign.kind);
    if (!kind) continue;
    const title = ctx.t(`campaigns-${kind.name}-title`, { label: entry.campaign.label });
    if (!entry.response) {
      ctx.say(
        "campaigns-member-pending",
        { title, closes: entry.campaign.closesOn.toISOString().slice(0, 10) },
        choiceButtons(ctx, kind, entry.campaignId, kind.firstChoices),
      );
      continue;
    }
    ctx.say("campaigns-member-answered", {
      title,
      what: said(ctx, kind.describeResponse(entry.response as Record<string, unknown>)),
      decision: entry.decision ? ctx.t(`campaigns-${kind.name}-decision-${entry.decision}`) : "none",
    });
  }
}
