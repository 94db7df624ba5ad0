// Campaigns (团籍注册, …): one engine, kinds as plug-ins (./kinds). Committees open, follow and close them; members
// answer from the message's buttons; leaders decide per member, several at once.
import { z } from "zod";
import { idArg, partsArg } from "../../core/args.ts";
import { buttonAction, type Feature, type MessageHooks } from "../../core/feature.ts";
import { messageArgs, stillPending } from "./campaign-service.ts";
import { openMessage, remindMessage } from "./fanout.ts";
import { campaignKinds } from "./kinds/index.ts";
import { answerChoice, answerText, TEXT_DIALOG } from "./member.ts";

/** A kind's answer choice or decision code as a button carries it. */
export const codeArg = z.string().regex(/^[a-z][a-z-]{0,30}$/);

// Opening messages and reminders are broadcasts (paced, quiet hours), dropped unsent when the member has answered
// or the campaign closed while they waited.
const broadcast: MessageHooks = { broadcast: true, resolveArgs: messageArgs, stillWanted: stillPending };

export const campaignsFeature: Feature = {
  name: "campaigns",
  buttons: {
    "camp-ans": buttonAction("campaign.answer", partsArg(":", idArg, codeArg), answerChoice),
  },
  dialogs: { [TEXT_DIALOG]: answerText },
  delivery: Object.fromEntries(
    campaignKinds.flatMap((k) => [
      [openMessage(k.name), broadcast],
      [remindMessage(k.name), broadcast],
    ]),
  ),
};
