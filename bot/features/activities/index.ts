// Activities (sign-up, reminders, check-in) are a later feature; until then the bot says so and names whom to
// ask, and signs nobody up.
import type { Action, Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";

async function notOpenYet(ctx: Context) {
  ctx.say("activities-not-open", { contact: await askerContact(ctx) }, [
    [ctx.button("activities-button-me", "go:membership.status"), ctx.button("activities-button-help", "go:help")],
  ]);
}

const list: Action = { intent: "activity.list", handler: notOpenYet };

export const activitiesFeature: Feature = {
  name: "activities",
  commands: { activities: list },
  intents: { "activity.list": list },
};
