// The leaders' side: the buttons on a waiting step (approve, reject with a reason, claim, assign a 团支部) and
// /pending, what waits on their organisations, the most urgent first.
import type { Context, DialogHandler } from "../../core/feature.ts";
import type { Button } from "../../core/types.ts";
import { type RejectCode, StepStatus, TransferStepKind } from "../../infra/db.ts";
import { formatInstant } from "../membership/format.ts";
import { stepButtons } from "./notify.ts";
import { cleanNote, destinationText, REJECT_CODES } from "./rules.ts";
import { branchesUnder, pendingForLeader, stepCard } from "./transfer-service.ts";
import { claimStep, decideStep, type Handled, type OwnTransfer, type StepAct, stepInScope } from "./workflow.ts";

export const REJECT = "transfer.reject";
export const ASSIGN = "transfer.assign";
const PENDING_LIMIT = 10;
const BRANCH_BUTTONS = 8;

const isCode = (v: string): v is RejectCode => (REJECT_CODES as readonly string[]).includes(v);

function tellHandled(ctx: Context, handled: Handled) {
  ctx.say("transfers-already-handled", {
    by: handled.by ?? "",
    status: handled.status,
    at: handled.at ? formatInstant(handled.at, ctx.locale, ctx.deps.config.TZ) : "",
  });
}

type Refusal = { problem: "not-found" | "denied" | "wrong-step" | "bad-branch" } | OwnTransfer;

/** A step outside the actor's scope is answered as one that does not exist (the denial is audited, not told). */
function refuse(ctx: Context, refusal: Refusal) {
  const { problem } = refusal;
  if (refusal.problem === "own") {
    // Her own transfer: say who has it, and where to follow it.
    const { holder } = refusal;
    return ctx.say("transfers-own-refused", { holder: holder ?? "", held: holder ? "yes" : "no" }, [
      [ctx.button("transfers-button-progress", "go:transfer.status")],
    ]);
  }
  ctx.say(problem === "denied" || problem === "not-found" ? "transfers-expired" : `transfers-${problem}`);
}

async function act(ctx: Context, stepId: number, what: StepAct) {
  const result = await decideStep(ctx.deps, ctx.member!.id, stepId, what);
  if (!result.ok) return result.problem === "handled" ? tellHandled(ctx, result.handled) : refuse(ctx, result);
  ctx.say("transfers-decided", { action: what.action, status: result.transferStatus });
}

/** Button: approve an approval step. */
export async function approve(ctx: Context, stepId: number) {
  return act(ctx, stepId, { action: "approve" });
}

/** Button: claim the step ("I'm on it"). */
export async function claim(ctx: Context, stepId: number) {
  const result = await claimStep(ctx.deps, ctx.member!.id, stepId);
  if (result.ok) return ctx.say("transfers-claimed");
  if (result.problem === "handled") return tellHandled(ctx, result.handled);
  if (result.problem === "claimed")
    return ctx.say("transfers-claimed-by", { by: result.by, mine: result.mine ? "yes" : "no" });
  return refuse(ctx, result);
}

/** Checks scope and that the step still waits, before showing more choices; forged payloads get refused here. */
async function waitingStep(ctx: Context, stepId: number, action: string) {
  const found = await stepInScope(ctx.deps, ctx.member!.id, stepId, action);
  if ("problem" in found) {
    refuse(ctx, found);
    return null;
  }
  if (found.step.status !== StepStatus.PENDING) {
    const s = await stepCard(ctx.deps.db, stepId);
    tellHandled(ctx, { by: s?.decidedBy?.name ?? null, status: found.step.status, at: found.step.decidedAt });
    return null;
  }
  return found.step;
}

// ─────────────────────────────── rejecting: code → optional note → confirm ───────────────────────────────

/** Button: reject — choose a reason code. */
export async function reject(ctx: Context, stepId: number) {
  const step = await waitingStep(ctx, stepId, "reject");
  if (!step) return;
  const rows: Button[][] = REJECT_CODES.map((code) => [
    ctx.button("transfers-reject-code", `tr-rcode:${step.id}:${code}`, { code }),
  ]);
  ctx.say("transfers-ask-reject-code", { member: step.transfer.member.name }, rows);
}

/** Button: the reason code; then a note may be typed. */
export async function rejectCode(ctx: Context, [stepId, code]: readonly [number, RejectCode]) {
  const step = await waitingStep(ctx, stepId, "reject");
  if (!step) return;
  await ctx.dialog.start(REJECT, "note", { stepId: step.id, code });
  ctx.say("transfers-ask-reject-note", { code }, [[ctx.button("transfers-button-no-note", "tr-rnote:skip")]]);
}

function askRejectConfirm(ctx: Context, code: string, note: string | undefined) {
  ctx.say("transfers-reject-confirm", { code, note: note ?? "", noted: note ? "yes" : "no" }, [
    [
      ctx.button("transfers-button-reject-send", "tr-rconfirm:yes"),
      ctx.button("transfers-button-back", "tr-rconfirm:no"),
    ],
  ]);
}

/** Button: no note. "Other" needs a few words, so it asks again. */
export async function rejectNoNote(ctx: Context) {
  const state = ctx.dialog.current;
  if (state?.name !== REJECT || state.step !== "note") return ctx.say("transfers-expired");
  const code = String(state.data.code);
  if (code === "OTHER") return ctx.say("transfers-note-required");
  await ctx.dialog.update("confirm", { note: undefined });
  return askRejectConfirm(ctx, code, undefined);
}

export const rejectDialog: DialogHandler = async (ctx) => {
  const state = ctx.dialog.current!;
  if (state.step !== "note") return ctx.say("transfers-use-buttons");
  const cleaned = cleanNote(ctx.incoming.text ?? "");
  if ("problem" in cleaned) return ctx.say(`transfers-note-${cleaned.problem}`);
  await ctx.dialog.update("confirm", { note: cleaned.note });
  return askRejectConfirm(ctx, String(state.data.code), cleaned.note);
};

/** Button: send the rejection, or leave it. */
export async function rejectConfirm(ctx: Context, answer: "yes" | "no") {
  const state = ctx.dialog.current;
  if (state?.name !== REJECT || state.step !== "confirm") return ctx.say("transfers-expired");
  await ctx.dialog.end();
  if (answer !== "yes") return ctx.say("transfers-reject-dropped");
  const code = String(state.data.code);
  if (!isCode(code)) return ctx.say("transfers-expired");
  const note = typeof state.data.note === "string" ? state.data.note : null;
  return act(ctx, Number(state.data.stepId), { action: "reject", code, note });
}

// ─────────────────────────────── assigning a 团支部 ───────────────────────────────

function branchButtons(stepId: number, branches: { id: number; name: string }[]): Button[][] {
  return branches.map((b) => [{ label: b.name, payload: `tr-branch:${stepId}:${b.id}` }]);
}

/** Button: assign — the branches under the destination, or a search when there are many. */
export async function assign(ctx: Context, stepId: number) {
  const step = await waitingStep(ctx, stepId, "assign");
  if (!step) return;
  if (step.kind !== TransferStepKind.BRANCH_ASSIGNMENT) return refuse(ctx, { problem: "wrong-step" });
  const branches = await branchesUnder(ctx.deps.db, step.orgId, undefined, BRANCH_BUTTONS + 1);
  if (!branches.length) return ctx.say("transfers-no-branches", { org: step.org.name });
  await ctx.dialog.start(ASSIGN, "search", { stepId: step.id });
  const more = branches.length > BRANCH_BUTTONS;
  ctx.say(
    "transfers-ask-branch",
    { member: step.transfer.member.name, org: step.org.name, more: more ? "yes" : "no" },
    branchButtons(step.id, branches.slice(0, BRANCH_BUTTONS)),
  );
}

export const assignDialog: DialogHandler = async (ctx) => {
  const stepId = Number(ctx.dialog.current!.data.stepId);
  const step = await waitingStep(ctx, stepId, "assign");
  if (!step) return ctx.dialog.end();
  const text = (ctx.incoming.text ?? "").trim().slice(0, 40);
  const branches = await branchesUnder(ctx.deps.db, step.orgId, text, BRANCH_BUTTONS);
  if (!branches.length) return ctx.say("transfers-branch-none", { query: text });
  ctx.say("transfers-pick-branch", {}, branchButtons(step.id, branches));
};

/** Button: this 团支部 (checked again: it must be a branch under the step's organisation). */
export async function chooseBranch(ctx: Context, [stepId, branchId]: readonly [number, number]) {
  if (ctx.dialog.current?.name === ASSIGN) await ctx.dialog.end();
  return act(ctx, stepId, { action: "assign", branchId });
}

// ─────────────────────────────── /pending ───────────────────────────────

export async function showPending(ctx: Context) {
  const found = await pendingForLeader(ctx.deps.db, ctx.member!.id, PENDING_LIMIT);
  if (!found) return ctx.say("transfers-not-leader");
  if (!found.steps.length) return ctx.say("transfers-pending-none");
  const now = ctx.deps.now().getTime();
  const at = (d: Date) => formatInstant(d, ctx.locale, ctx.deps.config.TZ);
  const lines = found.steps.map((s, i) =>
    ctx.t("transfers-pending-row", {
      n: i + 1,
      member: s.transfer.member.name,
      from: s.transfer.fromOrg.name,
      to: destinationText(s.transfer.toOrg.name, s.transfer.destinationName),
      kind: s.kind,
      org: s.org.name,
      due: at(s.dueAt),
      hours: Math.round((s.dueAt.getTime() - now) / 3_600_000),
      overdue: s.dueAt.getTime() < now ? "yes" : "no",
      claimer: s.claimedBy?.name ?? "",
      claimed: s.claimedBy ? "yes" : "no",
    }),
  );
  ctx.say(
    "transfers-pending",
    { count: found.total, shown: found.steps.length, rows: lines.join("\n") },
    found.steps
      .slice(0, 5)
      .map((s, i) => [
        ctx.button("transfers-button-open", `tr-open:${s.id}`, { n: i + 1, member: s.transfer.member.name }),
      ]),
  );
}

/** Button from /pending: one step's card with its buttons. */
export async function openStep(ctx: Context, stepId: number) {
  const step = await waitingStep(ctx, stepId, "open");
  if (!step) return;
  ctx.say(
    "transfers-step-card",
    {
      member: step.transfer.member.name,
      from: step.transfer.fromOrg.name,
      to: destinationText(step.transfer.toOrg.name, step.transfer.destinationName),
      reason: step.transfer.reason,
      kind: step.kind,
      org: step.org.name,
      due: formatInstant(step.dueAt, ctx.locale, ctx.deps.config.TZ),
      note: step.transfer.reasonNote ?? "",
      noted: step.transfer.reasonNote ? "yes" : "no",
    },
    stepButtons(step.id, step.kind).map((row) => row.map((b) => ctx.button(b.labelKey, b.payload))),
  );
}
