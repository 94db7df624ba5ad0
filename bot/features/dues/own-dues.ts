// The asker's own dues (/dues, "我欠多少团费"): what is owed, paid and pending, how to pay, whom to ask.
import type { Context } from "../../core/feature.ts";
import { readFacts } from "../../infra/facts.ts";
import { askerContactFacts, askerContactFrom } from "../membership/contact-phrase.ts";
import { duesFacts, duesPicture } from "./dues-service.ts";
import { renderDues } from "./dues-view.ts";
import { paymentMethodFact } from "./payment-method.ts";

/** Always the asker's own dues: an argument after /dues never selects another member. */
export async function showDues(ctx: Context) {
  const member = ctx.member;
  if (!member) return ctx.say("dues-bind-first");
  const { db, config } = ctx.deps;
  // Everything the view shows in one statement.
  const facts = await readFacts(db, {
    ...duesFacts(member.id),
    ...askerContactFacts(member),
    method: paymentMethodFact(member.orgId),
  });
  const dues = duesPicture(facts, member, ctx.deps.now(), config.TZ);
  const contact = askerContactFrom(ctx.t, facts);
  const { method } = facts;
  const pending = dues.pending;
  const buttons = pending
    ? [
        ...(pending.hasProof ? [] : [[ctx.button("dues-button-send-proof", `dues-proof:${pending.id}`)]]),
        [ctx.button("dues-pay-cancel", `dues-cancel:${pending.id}`)],
      ]
    : dues.monthly
      ? [[ctx.button("dues-button-pay", "go:dues.pay")]]
      : [];
  const text = renderDues(ctx.t, ctx.locale, config.TZ, member.name, dues, contact);
  // Where the money goes, whenever there is something to pay or a request waiting for it.
  const where =
    method && (pending || dues.position.owedMonths.length > 0)
      ? `\n${ctx.t("dues-view-method", { method: method.text, org: method.orgName })}`
      : "";
  // A new job or pay changes the amount: the way to report it sits beside it (changes of circumstance).
  const change = dues.pendingChange ? [] : [[ctx.button("circumstance-button-start", "go:dues.change")]];
  ctx.reply(text + where, [...buttons, ...change, [ctx.button("dues-button-status", "go:membership.status")]]);
}
