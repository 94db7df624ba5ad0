// /dues and "我欠多少团费": the asker's own dues — the monthly amount and why, what is paid, what is owed.
import type { Action, Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import { loadDues } from "./dues-service.ts";
import { renderDues } from "./dues-view.ts";

/** Always the asker's own dues: an argument after /dues never selects another member. */
async function showDues(ctx: Context) {
  const member = ctx.member;
  if (!member) return ctx.say("dues-bind-first");
  const { db, config } = ctx.deps;
  const [dues, contact] = await Promise.all([loadDues(db, member, ctx.deps.now(), config.TZ), askerContact(ctx)]);
  ctx.reply(renderDues(ctx.t, ctx.locale, config.TZ, member.name, dues, contact), [
    [ctx.button("dues-button-status", "go:membership.status")],
  ]);
}

const status: Action = { intent: "dues.status", handler: showDues, needsMember: true };

export const duesFeature: Feature = {
  name: "dues",
  commands: { dues: status },
  intents: { "dues.status": status },
};
