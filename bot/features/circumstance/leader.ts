// The leader's side: 同意 applies the change from its month, 退回 asks a reason (a button or typed) and tells the
// member; /changes lists the reports waiting in one's scope (those nobody could be told about included).
import type { Context } from "../../core/feature.ts";
import { formatYuan } from "../dues/money.ts";
import { formatMonthName } from "../membership/format.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import {
  type ChangeFacts,
  checkDecision,
  confirmChange,
  type DecisionOutcome,
  pendingInScope,
  rejectChange,
} from "./circumstance-service.ts";

export const REJECT_DIALOG = "dues.change.review";
/** Reasons offered as buttons; anything else is typed. */
export const REASON_CODES = ["proof", "month", "category"] as const;
const MAX_REASON_LENGTH = 200;

/** In a list the buttons name the member: 「同意 李明」「退回 李明」. */
const decisionRow = (ctx: Context, id: number, name: string) => [
  ctx.button("circumstance-button-approve-named", `circ-ok:${id}`, { name }),
  ctx.button("circumstance-button-reject-named", `circ-no:${id}`, { name }),
];

function facts(ctx: Context, c: ChangeFacts) {
  return {
    name: c.name,
    category: c.category,
    income: formatYuan(c.incomeFen ?? 0),
    month: formatMonthName(c.month, ctx.locale),
  };
}

function show(ctx: Context, outcome: DecisionOutcome) {
  switch (outcome.kind) {
    case "not-found":
      return ctx.say("circumstance-leader-not-found");
    case "own":
      return ctx.say("circumstance-leader-own");
    case "already":
      return ctx.say("circumstance-leader-already", {
        ...facts(ctx, outcome.change),
        status: outcome.status,
        by: outcome.by ?? "-",
      });
    case "too-early":
      return ctx.say(
        "circumstance-leader-too-early",
        { ...facts(ctx, outcome.change), earliest: formatMonthName(outcome.earliest, ctx.locale) },
        [[ctx.button("circumstance-button-reject", `circ-no:${outcome.change.id}`)]],
      );
    case "confirmed":
      return ctx.say("circumstance-leader-confirmed", {
        ...facts(ctx, outcome.change),
        amount: outcome.amountFen === null ? "-" : formatYuan(outcome.amountFen),
      });
    case "rejected":
      return ctx.say("circumstance-leader-rejected", facts(ctx, outcome.change));
    case "ready":
      return;
  }
}

export async function approveButton(ctx: Context, id: number) {
  if (ctx.dialog.current?.name === REJECT_DIALOG) await ctx.dialog.end();
  show(ctx, await confirmChange(ctx.deps, ctx.member!.id, id));
}

export async function rejectButton(ctx: Context, id: number) {
  const checked = await checkDecision(ctx.deps, ctx.member!.id, id);
  if (checked.kind !== "ready") return show(ctx, checked);
  await ctx.dialog.start(REJECT_DIALOG, "reason", { id });
  ctx.say("circumstance-leader-ask-reason", facts(ctx, checked.change), [
    ...REASON_CODES.map((code) => [ctx.button("circumstance-reason", `circ-why:${id}:${code}`, { reason: code })]),
    [ctx.button("circumstance-button-approve", `circ-ok:${id}`)],
  ]);
}

export async function reasonButton(ctx: Context, [id, code]: readonly [number, (typeof REASON_CODES)[number]]) {
  if (ctx.dialog.current?.name === REJECT_DIALOG) await ctx.dialog.end();
  // The reason is stored in the leader's words as the member will read them.
  show(ctx, await rejectChange(ctx.deps, ctx.member!.id, id, ctx.t("circumstance-reason", { reason: code })));
}

export async function onRejectText(ctx: Context) {
  const id = Number((ctx.dialog.current?.data as { id?: number } | undefined)?.id);
  const text = ctx.incoming.text?.trim() ?? "";
  if (!text) return ctx.say("circumstance-leader-reason-text");
  if (text.length > MAX_REASON_LENGTH) return ctx.say("circumstance-leader-reason-long", { max: MAX_REASON_LENGTH });
  await ctx.dialog.end();
  show(ctx, await rejectChange(ctx.deps, ctx.member!.id, id, text));
}

/** /changes: the reports waiting in one's scope, oldest first, each with its buttons. */
export async function listPending(ctx: Context) {
  const rows = await pendingInScope(ctx.deps.db, ctx.member!.id);
  if (rows === null) return ctx.say("circumstance-list-not-leader");
  if (!rows.length) return ctx.say("circumstance-list-empty");
  const lines = [ctx.t("circumstance-list-title", { count: rows.length })];
  for (const r of rows) {
    lines.push(
      ctx.t("circumstance-list-row", {
        name: r.member.name,
        code: maskMemberCode(r.member.code),
        category: r.toCategory,
        income: formatYuan(r.toIncomeFen ?? 0),
        month: formatMonthName(r.effectiveMonth, ctx.locale),
      }),
    );
  }
  ctx.reply(
    lines.join("\n"),
    rows.map((r) => decisionRow(ctx, r.id, r.member.name)),
  );
}
