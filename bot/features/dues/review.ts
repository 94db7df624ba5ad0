// The branch treasurer or secretary reviewing a payment screenshot: Confirm settles it into the ledger, Reject
// asks a reason (a button or typed) and tells the member. Only reviewers of the member's own branch may act.
import type { Context } from "../../core/feature.ts";
import { formatMonthName } from "../membership/format.ts";
import { formatYuan } from "./money.ts";
import { checkReview, confirmProof, type ReviewOutcome, rejectProof } from "./payment-service.ts";

export const REJECT_DIALOG = "dues.reject";
/** Reasons offered as buttons; anything else is typed. */
export const REASON_CODES = ["missing", "amount", "unclear"] as const;
const MAX_REASON_LENGTH = 200;

function show(ctx: Context, outcome: ReviewOutcome) {
  switch (outcome.kind) {
    case "not-found":
      return ctx.say("dues-review-not-found");
    case "denied":
      return ctx.say("dues-review-not-allowed");
    case "own":
      return ctx.say("dues-review-own");
    case "already":
      return ctx.say("dues-review-already", {
        reference: outcome.reference,
        status: outcome.status,
        by: outcome.by ?? "",
        known: outcome.by ? "yes" : "no",
      });
    case "confirmed":
      return ctx.say("dues-review-confirmed", {
        name: outcome.name,
        reference: outcome.reference,
        months: outcome.months,
        amount: formatYuan(outcome.amountFen),
        through: outcome.through === null ? "-" : formatMonthName(outcome.through, ctx.locale),
      });
    case "rejected":
      return ctx.say("dues-review-rejected", { name: outcome.name, reference: outcome.reference });
    case "ready":
      return;
  }
}

/** Button: the money arrived. */
export async function confirmButton(ctx: Context, paymentId: number) {
  if (ctx.dialog.current?.name === REJECT_DIALOG) await ctx.dialog.end();
  show(ctx, await confirmProof(ctx.deps, ctx.member!, paymentId));
}

/** Button: reject — first ask why. */
export async function rejectButton(ctx: Context, paymentId: number) {
  const checked = await checkReview(ctx.deps, ctx.member!, paymentId);
  if (checked.kind !== "ready") return show(ctx, checked);
  await ctx.dialog.start(REJECT_DIALOG, "reason", { paymentId });
  ctx.say(
    "dues-review-ask-reason",
    { name: checked.name, reference: checked.reference },
    REASON_CODES.map((code) => [ctx.button("dues-reason", `dues-why:${paymentId}:${code}`, { reason: code })]),
  );
}

/** Button: one of the offered reasons. */
export async function reasonButton(ctx: Context, [paymentId, code]: readonly [number, (typeof REASON_CODES)[number]]) {
  if (ctx.dialog.current?.name === REJECT_DIALOG) await ctx.dialog.end();
  show(ctx, await rejectProof(ctx.deps, ctx.member!, paymentId, { code }));
}

/** A typed reason. */
export async function onRejectDialog(ctx: Context) {
  const paymentId = Number((ctx.dialog.current?.data as { paymentId?: number } | undefined)?.paymentId);
  const text = ctx.incoming.text?.trim();
  if (!text) return ctx.say("dues-review-reason-text");
  if (text.length > MAX_REASON_LENGTH) return ctx.say("dues-review-reason-long", { max: MAX_REASON_LENGTH });
  await ctx.dialog.end();
  show(ctx, await rejectProof(ctx.deps, ctx.member!, paymentId, { code: "other", text }));
}
