// Paying dues in chat: how many months (owed first, up to a year ahead) → optional voluntary extra → a payment
// request with its reference and total → the member sends the transfer's screenshot, which goes to the branch.
import type { Context } from "../../core/feature.ts";
import { fetchImage, storeImage } from "../../core/images.ts";
import { parseMoneyFen, parseMonthCount } from "../../core/nlu/numbers.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import { formatMonthName } from "../membership/format.ts";
import { pendingPayment } from "./dues-service.ts";
import { formatYuan } from "./money.ts";
import type { Month } from "./months.ts";
import { paymentMethodFor } from "./payment-method.ts";
import { attachProof, cancelPayment, MAX_EXTRA_FEN, payPlan, requestPayment } from "./payment-service.ts";

export const PAY_DIALOG = "dues.pay";
/** The voluntary extras offered as buttons, in fen; any other amount can be typed. */
const EXTRA_CHOICES = [100, 500, 1_000];

interface PayDraft {
  months?: number;
  paymentId?: number;
}

const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === PAY_DIALOG ? (ctx.dialog.current.data as PayDraft) : null;

function rangeArgs(ctx: Context, months: Month[]) {
  return {
    from: formatMonthName(months[0]!, ctx.locale),
    to: formatMonthName(months[months.length - 1]!, ctx.locale),
  };
}

/** `/pay`, "交团费", the dues view's button: what is owed and how many months to pay. */
export async function startPay(ctx: Context) {
  const member = ctx.member!;
  const { db, config } = ctx.deps;
  const pending = await pendingPayment(db, member.id);
  if (pending?.hasProof) return ctx.say("dues-pay-awaiting", { reference: pending.reference });
  const plan = await payPlan(db, member, ctx.deps.now(), config.TZ);
  if (!plan.priced) return ctx.say("dues-pay-no-rate", { contact: await askerContact(ctx) });
  await ctx.dialog.start(PAY_DIALOG, "months", {});
  // "交3个月" / "预缴半年" said the number already: straight to the extra.
  const said = ctx.incoming.text === undefined ? null : parseMonthCount(ctx.incoming.text);
  if (said !== null) return askExtra(ctx, said);
  const owedFen = plan.cover(plan.owed.length).amountFen;
  const owed = plan.owed.length
    ? ctx.t("dues-pay-owed", { months: plan.owed.length, amount: formatYuan(owedFen), ...rangeArgs(ctx, plan.owed) })
    : ctx.t("dues-pay-owed-nothing");
  ctx.say(
    "dues-pay-choose",
    { owed, max: plan.maxMonths },
    plan.options.map((o) => [
      ctx.button("dues-pay-option", `dues-pay:${o.months}`, {
        owed: o.owed,
        ahead: o.ahead,
        amount: formatYuan(o.amountFen),
      }),
    ]),
  );
}

/** Button: this many months. */
export async function chooseMonths(ctx: Context, months: number) {
  return askExtra(ctx, months);
}

async function askExtra(ctx: Context, months: number) {
  const plan = await payPlan(ctx.deps.db, ctx.member!, ctx.deps.now(), ctx.deps.config.TZ);
  if (!Number.isInteger(months) || months < 1 || months > plan.maxMonths) {
    return ctx.say("dues-pay-months-invalid", { max: plan.maxMonths });
  }
  const cover = plan.cover(months);
  await ctx.dialog.start(PAY_DIALOG, "extra", { months });
  ctx.say("dues-pay-extra", { months, amount: formatYuan(cover.amountFen), ...rangeArgs(ctx, cover.months) }, [
    [ctx.button("dues-pay-no-extra", `dues-extra:${months}:0`)],
    EXTRA_CHOICES.map((fen) =>
      ctx.button("dues-pay-extra-option", `dues-extra:${months}:${fen}`, { amount: formatYuan(fen) }),
    ),
  ]);
}

/** Button: the extra (months and fen in the payload, so the choice survives an expired dialog). */
export async function chooseExtra(ctx: Context, [months, fen]: readonly [number, number]) {
  return createRequest(ctx, months, fen);
}

async function createRequest(ctx: Context, months: number, extraFen: number) {
  if (!Number.isInteger(extraFen) || extraFen < 0 || extraFen > MAX_EXTRA_FEN) {
    return ctx.say("dues-pay-extra-invalid", { max: formatYuan(MAX_EXTRA_FEN) });
  }
  const outcome = await requestPayment(ctx.deps, ctx.member!, months, extraFen);
  if (outcome.kind === "awaiting") {
    await ctx.dialog.end();
    return ctx.say("dues-pay-awaiting", { reference: outcome.reference });
  }
  if (outcome.kind === "too-many") return ctx.say("dues-pay-months-invalid", { max: outcome.max });
  if (outcome.kind === "no-rate") {
    await ctx.dialog.end();
    return ctx.say("dues-pay-no-rate", { contact: await askerContact(ctx) });
  }
  await ctx.dialog.start(PAY_DIALOG, "proof", { paymentId: outcome.id });
  const method = await paymentMethodFor(ctx.deps.db, ctx.member!.orgId);
  const lines: string[] = [];
  if (outcome.again) lines.push(ctx.t("dues-pay-request-again", { reference: outcome.reference }));
  if (outcome.replaced) {
    lines.push(ctx.t("dues-pay-request-replaced", { old: outcome.replaced, reference: outcome.reference }));
  }
  lines.push(
    ctx.t("dues-pay-request", {
      reference: outcome.reference,
      months: outcome.months.length,
      ...rangeArgs(ctx, outcome.months),
      dues: formatYuan(outcome.monthsFen),
      extra: formatYuan(outcome.extraFen),
      hasExtra: outcome.extraFen > 0 ? "yes" : "no",
      total: formatYuan(outcome.monthsFen + outcome.extraFen),
      method: method?.text ?? "none",
      methodOrg: method?.orgName ?? "",
      contact: method ? "" : await askerContact(ctx),
    }),
  );
  ctx.reply(lines.join("\n"), requestButtons(ctx, outcome.id));
}

/** Under every payment request and every "send the screenshot" prompt: the way forward and the way out. */
function requestButtons(ctx: Context, paymentId: number) {
  return [
    [ctx.button("dues-button-send-proof", `dues-proof:${paymentId}`)],
    [ctx.button("dues-pay-cancel", `dues-cancel:${paymentId}`)],
  ];
}

/** Text or an image while paying. Questions that mean something else ("我的团籍") are answered while it waits. */
export async function onPayDialog(ctx: Context) {
  const draft = draftOf(ctx);
  const step = ctx.dialog.current?.step;
  const text = ctx.incoming.text?.trim() ?? "";
  if (step === "proof" && draft?.paymentId) {
    if (ctx.incoming.image) return takeProof(ctx, draft.paymentId);
    if (ctx.textIntent !== "unknown") return "aside";
    return ctx.say("dues-proof-waiting", {}, [[ctx.button("dues-pay-cancel", `dues-cancel:${draft.paymentId}`)]]);
  }
  if (step === "months") {
    const typed = parseMonthCount(text);
    if (typed !== null) return askExtra(ctx, typed);
    if (ctx.textIntent !== "unknown") return "aside";
    return ctx.say("dues-pay-use-buttons");
  }
  if (step === "extra" && draft?.months) {
    const fen = parseMoneyFen(text);
    if (fen !== null) return createRequest(ctx, draft.months, fen);
    // "交5个月吧": another number of months after all.
    const months = parseMonthCount(text);
    if (months !== null) return askExtra(ctx, months);
    // "微信付行吗", "交团费": still paying, so the months chosen stay; how to pay comes with the request.
    if (ctx.textIntent === PAY_DIALOG) {
      ctx.say("dues-pay-method-later");
      return askExtra(ctx, draft.months);
    }
    // A mistyped amount ("八块十毛": a digit or a unit of money) gets the hint, not whatever request the words also
    // resemble; "查一下我的团籍" is a request.
    if (ctx.textIntent !== "unknown" && !/[\d块元毛角]/.test(text)) return "aside";
    return ctx.say("dues-pay-extra-invalid", { max: formatYuan(MAX_EXTRA_FEN) });
  }
  return "pass";
}

/** Button on the dues view: send the screenshot for the pending request (the dialog may have expired). */
export async function askProof(ctx: Context, paymentId: number) {
  const pending = await pendingPayment(ctx.deps.db, ctx.member!.id);
  if (!pending || pending.id !== paymentId) return ctx.say("dues-pay-expired");
  await ctx.dialog.start(PAY_DIALOG, "proof", { paymentId: pending.id });
  ctx.say("dues-proof-ask", { reference: pending.reference, amount: formatYuan(pending.amountFen) }, [
    [ctx.button("dues-pay-cancel", `dues-cancel:${pending.id}`)],
  ]);
}

/**
 * An image sent with no dialog open (the pay dialog expired, or the member came back the next day): while a
 * payment request waits, it is that request's screenshot. Otherwise, and in groups, it is not ours to take.
 */
export async function onStrayImage(ctx: Context) {
  if (!ctx.member || ctx.incoming.chatType === "group") return "pass";
  const pending = await pendingPayment(ctx.deps.db, ctx.member.id);
  if (!pending) return "pass";
  ctx.intent = "dues.pay";
  return takeProof(ctx, pending.id);
}

/** Button: withdraw the pending request. */
export async function cancelRequest(ctx: Context, paymentId: number) {
  const reference = await cancelPayment(ctx.deps, ctx.member!, paymentId);
  if (draftOf(ctx)) await ctx.dialog.end();
  if (!reference) return ctx.say("dues-pay-expired");
  ctx.say("dues-pay-cancelled", { reference });
}

/** Stores the screenshot (checked, once per content) and sends it to the branch; a refused one is asked again. */
async function takeProof(ctx: Context, paymentId: number) {
  const image = await fetchImage(ctx.incoming.image!);
  if ("problem" in image) {
    ctx.say(`core-image-${image.problem}`);
    return ctx.say("dues-proof-waiting", {}, [[ctx.button("dues-pay-cancel", `dues-cancel:${paymentId}`)]]);
  }
  const imageId = await storeImage(ctx.deps.db, image.bytes, image.mime);
  const outcome = await attachProof(ctx.deps, ctx.member!, paymentId, imageId);
  await ctx.dialog.end();
  if (outcome.kind === "not-pending") return ctx.say("dues-pay-expired");
  const list = (names: string[]) => names.join(ctx.t("dues-list-separator"));
  const args = {
    reference: outcome.reference,
    reviewers: list(outcome.reviewers),
    org: outcome.reviewersOrg ?? "",
    unbound: outcome.unbound.length ? list(outcome.unbound) : "none",
  };
  if (outcome.reviewers.length === 0) {
    return ctx.say("dues-proof-no-reviewer", { ...args, contact: await askerContact(ctx) });
  }
  ctx.say(outcome.atOwnOrg ? "dues-proof-received" : "dues-proof-received-above", args);
}
