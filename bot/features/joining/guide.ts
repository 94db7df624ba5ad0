// "入团流程是什么", "入团申请书怎么写", "多大可以入团": the way into the League, step by step, with the ages and the
// training the configuration sets (an organisation may set its own), and the way to start or follow one. The model
// reads these as join.apply (a separate intent took too many of its examples), so the words decide here.
import type { Context } from "../../core/feature.ts";
import { JOIN_MAX_AGE, JOIN_MIN_AGE } from "./rules.ts";

/** Words that ask how joining works rather than ask to apply ("入团流程是什么", "入团申请书怎么写"), in either language. */
export function asksHowToJoin(ctx: Context, text: string): boolean {
  const said = text.normalize("NFKC").toLowerCase();
  return ctx.deps.i18n.wordsEverywhere("joining-guide-words").some((word) => said.includes(word.toLowerCase()));
}

export async function showGuide(ctx: Context) {
  const { config } = ctx.deps;
  ctx.intent = "join.guide";
  ctx.say(
    "joining-guide",
    {
      minAge: JOIN_MIN_AGE,
      maxAge: JOIN_MAX_AGE,
      months: config.JOIN_TRAINING_MONTHS,
      hours: config.JOIN_COURSE_HOURS,
    },
    [[ctx.button("joining-button-apply", "go:join.apply"), ctx.button("joining-button-status", "go:join.status")]],
  );
}
