// Small talk and the questions around the bot's own work: thanks, where the 编号 is, what to do without it.
import type { Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import { showOwnCode } from "../membership/own-code.ts";

async function thanks(ctx: Context) {
  ctx.say("guide-thanks");
}

/** A bound member asking for their 编号 is given it (in a private chat): the record has it; a binding code would not help. */
function ownCodeAsked(ctx: Context) {
  return ctx.member !== null && ctx.incoming.chatType === "private";
}

async function codeWhere(ctx: Context) {
  if (ownCodeAsked(ctx)) return showOwnCode(ctx);
  ctx.say("guide-code-where", {}, bindButtons(ctx));
}

async function codeUnknown(ctx: Context) {
  if (ownCodeAsked(ctx)) return showOwnCode(ctx);
  ctx.say("guide-code-unknown", { contact: await askerContact(ctx) }, bindButtons(ctx));
}

function bindButtons(ctx: Context) {
  return [[ctx.button("guide-button-bind", "go:bind"), ctx.button("guide-button-have-code", "bind:code")]];
}

export const guideFeature: Feature = {
  name: "guide",
  intents: {
    "smalltalk.thanks": { intent: "smalltalk.thanks", handler: thanks },
    "help.code-where": { intent: "help.code-where", handler: codeWhere },
    "help.code-unknown": { intent: "help.code-unknown", handler: codeUnknown },
  },
};
