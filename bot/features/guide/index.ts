// Small talk and the questions around the bot's own work: thanks, where the 编号 is, what to do without it, and
// the league business the bot does not handle yet (入团; 团籍注册, 教育评议 and 推优入党 are campaigns now). Those are
// recognised so they are answered honestly, with whom to ask, and never sent to a feature that only sounds alike.
import type { Action, Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import { menuButtons } from "../start/index.ts";

/** Business the bot does not serve yet, by intent; each has a topic and an advice line in guide.ftl. */
export const UNSERVED = ["join"] as const;

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

function unserved(topic: (typeof UNSERVED)[number]): Action {
  return {
    intent: `unserved.${topic}`,
    async handler(ctx) {
      ctx.say(
        "guide-unserved",
        {
          topic: ctx.t(`guide-topic-${topic}`),
          advice: ctx.t(`guide-advice-${topic}`),
          contact: await askerContact(ctx),
        },
        menuButtons(ctx),
      );
    },
  };
}

export const guideFeature: Feature = {
  name: "guide",
  intents: {
    "smalltalk.thanks": { intent: "smalltalk.thanks", handler: thanks },
    "help.code-where": { intent: "help.code-where", handler: codeWhere },
    "help.code-unknown": { intent: "help.code-unknown", handler: codeUnknown },
    ...Object.fromEntries(UNSERVED.map((topic) => [`unserved.${topic}`, unserved(topic)])),
  },
};
