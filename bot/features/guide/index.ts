// Small talk and the questions around the bot's own work: thanks, where the 编号 is, what to do without it.
import type { Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";

async function thanks(ctx: Context) {
  ctx.say("guide-thanks");
}

async function codeWhere(ctx: Context) {
  ctx.say("guide-code-where", {}, bindButtons(ctx));
}

async function codeUnknown(ctx: Context) {
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
