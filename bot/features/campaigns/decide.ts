// A leader decides for several members at once: the branch's list, numbered, with each member's answer and the
// kind's hints beside the name (facts, never decisions); tap names to select (or "select all not done"), then one
// decision button. Typed works too: "1 3 5 注册", "全部注册", "2 暂缓 团费未缴清". A decision that needs a reason
// asks for it. One transaction, audited; each member decided is told.
import type { Context } from "../../core/feature.ts";
import type { Button } from "../../core/types.ts";
import { grantCovering, rolesOf } from "../orgs/scope.ts";
import { campaignForLeader, decide, hintsFor } from "./campaign-service.ts";
import type { CampaignKind } from "./kind.ts";
import { titleOf } from "./leader.ts";
import { parseDecision, parseSelection } from "./rules.ts";

export const DECIDE_DIALOG = "campaign.decide";
/** Members listed at once (the rest: "N more not listed"; decided ones drop off as the list is reopened). */
const LIST_LIMIT = 40;
const REASON_MAX = 100;

interface DecideState {
  campaignId: number;
  orgId: number;
  /** Member ids in listed order (number n is ids[n - 1]). */
  ids: number[];
  selected: number[];
  /** Waiting for a typed reason for this decision. */
  decision?: string;
}

const stateOf = (ctx: Context) =>
  ctx.dialog.current?.name === DECIDE_DIALOG ? (ctx.dialog.current.data as unknown as DecideState) : null;

async function loadForDecider(ctx: Context, campaignId: number, orgId: number) {
  const found = await campaignForLeader(ctx.deps.db, ctx.member!.id, campaignId);
  const org = await ctx.deps.db.organisation.findUnique({ where: { id: orgId } });
  if (!found || !org?.ancestorIds.includes(found.campaign.orgId)) return null;
  const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
  if (!grantCovering(roles, org.ancestorIds, found.kind.decideRoles)) return null;
  return { ...found, org };
}

/** The button under a branch's names (`camp-decide:<campaignId>:<orgId>`): the list to decide on. */
export async function openDecide(ctx: Context, [campaignId, orgId]: [number, number]) {
  const found = await loadForDecider(ctx, campaignId, orgId);
  if (!found) {
    await ctx.deps.audit.record({
      actorId: ctx.member!.id,
      action: "campaign.denied",
      orgId,
      targetType: "campaign",
      targetId: campaignId,
    });
    return ctx.say("campaigns-not-found");
  }
  if (found.campaign.status !== "OPEN") return ctx.say("campaigns-already-closed", { title: titleOf(ctx, found) });
  const entries = await ctx.deps.db.campaignEntry.findMany({
    where: { campaignId, org: { ancestorIds: { has: orgId } } },
    include: { member: { select: { name: true } } },
    orderBy: [{ done: "asc" }, { memberId: "asc" }],
  });
  const listed = entries.slice(0, LIST_LIMIT);
  const state: DecideState = { campaignId, orgId, ids: listed.map((e) => e.memberId), selected: [] };
  await ctx.dialog.start(DECIDE_DIALOG, "select", state as unknown as Record<string, unknown>);
  const hints = await hintsFor(ctx.deps, found.kind, state.ids);
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "campaign.list",
    orgId,
    targetType: "campaign",
    targetId: campaignId,
    data: { members: state.ids },
  });
  const lines = listed.map((e, i) => {
    const parts = [
      e.response
        ? ctx.t(found.kind.describeResponse(e.response as Record<string, unknown>).key)
        : ctx.t("campaigns-list-no-answer"),
      ...(hints.get(e.memberId) ?? []).map((h) => `⚠ ${ctx.t(h.key, h.args)}`),
    ];
    const decided = e.decision
      ? ctx.t("campaigns-list-decided", { decision: decisionLabel(ctx, found.kind, e.decision) })
      : "";
    return `${i + 1}. ${e.member.name}${decided} — ${parts.join("；")}`;
  });
  const more = entries.length > LIST_LIMIT ? [ctx.t("campaigns-names-more", { n: entries.length - LIST_LIMIT })] : [];
  ctx.reply(
    [
      ctx.t("campaigns-decide-header", { title: titleOf(ctx, found), org: found.org.name, n: entries.length }),
      ...lines,
      ...more,
      ctx.t("campaigns-decide-how"),
    ].join("\n"),
    await selectionButtons(ctx, found.kind, state),
  );
}

function decisionLabel(ctx: Context, kind: CampaignKind, decision: string) {
  return ctx.t(`campaigns-${kind.name}-decision-${decision}`);
}

async function selectionButtons(ctx: Context, kind: CampaignKind, state: DecideState): Promise<Button[][]> {
  const names = new Map(
    (await ctx.deps.db.member.findMany({ where: { id: { in: state.ids } }, select: { id: true, name: true } })).map(
      (m) => [m.id, m.name],
    ),
  );
  const chosen = new Set(state.selected);
  const toggles = state.ids.map((id, i) => ({
    label: `${chosen.has(id) ? "☑" : "☐"} ${i + 1} ${names.get(id) ?? ""}`,
    payload: `camp-sel:${id}`,
  }));
  const rows: Button[][] = [];
  for (let i = 0; i < toggles.length; i += 3) rows.push(toggles.slice(i, i + 3));
  rows.push([
    ctx.button("campaigns-button-select-pending", "camp-all:pending"),
    ctx.button("campaigns-button-select-none", "camp-all:none"),
  ]);
  rows.push(kind.decisions.map((d) => ({ label: decisionLabel(ctx, kind, d), payload: `camp-do:${d}` })));
  return rows;
}

async function showSelection(ctx: Context, state: DecideState) {
  const found = await campaignForLeader(ctx.deps.db, ctx.member!.id, state.campaignId);
  if (!found) return ctx.say("campaigns-not-found");
  await ctx.dialog.update("select", state as unknown as Record<string, unknown>);
  const names = await ctx.deps.db.member.findMany({ where: { id: { in: state.selected } }, select: { name: true } });
  ctx.say(
    "campaigns-selected",
    { n: state.selected.length, names: names.map((m) => m.name).join("、") || "—" },
    await selectionButtons(ctx, found.kind, state),
  );
}

/** A member's toggle (`camp-sel:<memberId>`): only members of the list open in this chat. */
export async function toggle(ctx: Context, memberId: number) {
  const state = stateOf(ctx);
  if (!state?.ids.includes(memberId)) return ctx.say("campaigns-decide-expired");
  state.selected = state.selected.includes(memberId)
    ? state.selected.filter((id) => id !== memberId)
    : state.ids.filter((id) => id === memberId || state.selected.includes(id));
  return showSelection(ctx, state);
}

/** Select every listed member not done yet, or none. */
export async function selectAll(ctx: Context, which: "pending" | "none") {
  const state = stateOf(ctx);
  if (!state) return ctx.say("campaigns-decide-expired");
  if (which === "none") state.selected = [];
  else {
    const done = await ctx.deps.db.campaignEntry.findMany({
      where: { campaignId: state.campaignId, memberId: { in: state.ids }, done: true },
      select: { memberId: true },
    });
    const doneIds = new Set(done.map((d) => d.memberId));
    state.selected = state.ids.filter((id) => !doneIds.has(id));
  }
  return showSelection(ctx, state);
}

/** A decision button (`camp-do:<decision>`) for the selected members. */
export async function pressDecision(ctx: Context, decision: string) {
  const state = stateOf(ctx);
  if (!state) return ctx.say("campaigns-decide-expired");
  return apply(ctx, state, state.selected, decision, "");
}

async function apply(ctx: Context, state: DecideState, memberIds: number[], decision: string, reason: string) {
  const found = await loadForDecider(ctx, state.campaignId, state.orgId);
  if (!found) {
    await ctx.dialog.end();
    return ctx.say("campaigns-not-found");
  }
  const { kind } = found;
  if (!kind.decisions.includes(decision)) return ctx.say("campaigns-decide-expired");
  if (!memberIds.length) return ctx.say("campaigns-decide-none-selected");
  if (kind.reasonRequired.includes(decision) && !reason) {
    await ctx.dialog.update("reason", { ...state, selected: memberIds, decision } as unknown as Record<
      string,
      unknown
    >);
    return ctx.say("campaigns-decide-ask-reason", {
      decision: decisionLabel(ctx, kind, decision),
      n: memberIds.length,
    });
  }
  const result = await decide(ctx.deps, ctx.member!.id, state.campaignId, memberIds, decision, reason || null);
  await ctx.dialog.end();
  if (result.closed) return ctx.say("campaigns-already-closed", { title: titleOf(ctx, found) });
  // The kind refused the whole batch (教育评议's 优秀 quota, 推优's meeting record): nothing stored, its words said.
  if (result.vetoed) {
    return ctx.say(result.vetoed.key, result.vetoed.args, [
      [ctx.button("campaigns-button-continue", `camp-decide:${state.campaignId}:${state.orgId}`)],
    ]);
  }
  const label = decisionLabel(ctx, kind, decision);
  const lines = [];
  if (result.decided.length) {
    lines.push(
      ctx.t("campaigns-decided", {
        decision: label,
        n: result.decided.length,
        names: result.decided.map((d) => d.name).join("、"),
        reason: reason || "none",
      }),
    );
  }
  if (result.unchanged.length) {
    lines.push(
      ctx.t("campaigns-decided-unchanged", { decision: label, names: result.unchanged.map((d) => d.name).join("、") }),
    );
  }
  const self = result.refused.filter((r) => r.why === "self");
  if (self.length) lines.push(ctx.t("campaigns-decided-self"));
  const outside = result.refused.filter((r) => r.why === "scope");
  if (outside.length) lines.push(ctx.t("campaigns-decided-outside", { n: outside.length }));
  ctx.reply(lines.join("\n"), [
    [ctx.button("campaigns-button-continue", `camp-decide:${state.campaignId}:${state.orgId}`)],
    [ctx.button("campaigns-button-progress", `camp-prog:${state.campaignId}`)],
  ]);
}

/** Typed while the list is open: a selection, a decision with or without one, or the reason asked for. */
export async function onDecideText(ctx: Context) {
  const state = stateOf(ctx);
  const text = ctx.incoming.text?.trim() ?? "";
  if (!state || !text) return "pass";
  if (ctx.dialog.current?.step === "reason" && state.decision) {
    if (text.length > REASON_MAX) return ctx.say("campaigns-decide-reason-long", { max: REASON_MAX });
    return apply(ctx, state, state.selected, state.decision, text);
  }
  const found = await campaignForLeader(ctx.deps.db, ctx.member!.id, state.campaignId);
  if (!found) return "pass";
  const parsed = parseDecision(text, found.kind.decisionWords);
  const selectionText = parsed ? parsed.selection : text;
  const picked = selectionText ? parseSelection(selectionText, state.ids.length) : null;
  if (selectionText && !picked)
    return parsed ? ctx.say("campaigns-decide-bad-numbers", { max: state.ids.length }) : "pass";
  const memberIds = picked ? picked.map((n) => state.ids[n - 1]!) : state.selected;
  if (!parsed) return showSelection(ctx, { ...state, selected: memberIds });
  return apply(ctx, { ...state, selected: memberIds }, memberIds, parsed.decision, parsed.reason);
}
