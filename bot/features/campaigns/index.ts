// Campaigns (团籍注册, …): one engine, kinds as plug-ins (./kinds). Committees open, follow and close them; members
// answer from the message's buttons; leaders decide per member, several at once.
import { z } from "zod";
import { countArg, idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature, type MessageHooks } from "../../core/feature.ts";
import { campaignsForLeader, messageArgs, stillPending } from "./campaign-service.ts";
import { DECIDE_DIALOG, onDecideText, openDecide, pressDecision, selectAll, toggle } from "./decide.ts";
import { openMessage, remindMessage } from "./fanout.ts";
import { campaignKinds } from "./kinds/index.ts";
import { askClose, close, listCampaigns, showNames, showProgress } from "./leader.ts";
import { ANSWER_DIALOG, answerChoice, answerText, onAnswerText, showMine, TEXT_DIALOG } from "./member.ts";
import {
  chooseAudience,
  chooseEvery,
  chooseKind,
  chooseOrg,
  closeIn,
  confirmOpen,
  mayOpen,
  OPEN_DIALOG,
  onOpenText,
  startOpen,
  startOpenOf,
} from "./open-dialog.ts";
import { REMIND_RHYTHMS } from "./rules.ts";

/** A kind's answer choice or decision code as a button carries it. */
export const codeArg = z.string().regex(/^[a-z][a-z-]{0,30}$/);
const twoIds = partsArg(":", idArg, idArg);
const kindArg = wordArg(campaignKinds.map((k) => k.name));
const decisionArg = wordArg([...new Set(campaignKinds.flatMap((k) => k.decisions))]);
/** Days between reminders; "never" rather than 0, so a forged "0" is not a choice. */
const everyArg = wordArg(["never"])
  .transform(() => 0)
  .or(countArg(1, 14).refine((n) => (REMIND_RHYTHMS as readonly number[]).includes(n)));

// Opening messages and reminders are broadcasts (paced, quiet hours), dropped unsent when the member has answered
// or the campaign closed while they waited.
const broadcast: MessageHooks = { broadcast: true, resolveArgs: messageArgs, stillWanted: stillPending };

/** "发起团籍注册", "launch registration": words of opening one, as opposed to asking about one. */
export const OPENING =
  /^(我要|帮我|请)?(发起|启动|开展|组织|部署|布置|开启|新建|创建|下发|安排)|^(please )?(open|launch|start|kick off|roll out|organi[sz]e|set up|create|begin)\b/i;

/**
 * "团籍注册": a member's own campaigns (answer buttons when not yet answered); a leader also gets the campaigns
 * they follow. "发起团籍注册" from someone who may open one starts opening it.
 */
async function register(ctx: Context) {
  if (OPENING.test(ctx.incoming.text?.trim() ?? "") && (await mayOpen(ctx))) return startOpenOf(ctx, "registration");
  const leads = (await campaignsForLeader(ctx.deps.db, ctx.member!.id, 1)).length > 0;
  await showMine(ctx, { quietWhenNone: leads || (await mayOpen(ctx)) });
  if (leads || (await mayOpen(ctx))) await listCampaigns(ctx);
}

const registerAction: Action = { intent: "campaign.register", handler: register, needsMember: true };
const openAction: Action = { intent: "campaign.open", handler: startOpen, needsMember: true };
const listAction: Action = { intent: "campaign.register", handler: listCampaigns, needsMember: true };

export const campaignsFeature: Feature = {
  name: "campaigns",
  commands: { campaign: openAction, campaigns: listAction, register: registerAction },
  buttons: {
    "camp-ans": buttonAction("campaign.answer", partsArg(":", idArg, codeArg), answerChoice),
    "camp-new": buttonAction("campaign.open", wordArg(["go"]), startOpen),
    "camp-kind": buttonAction("campaign.open", kindArg, chooseKind),
    "camp-org": buttonAction("campaign.open", idArg, chooseOrg),
    "camp-aud": buttonAction("campaign.open", idArg.or(wordArg(["done"])), chooseAudience),
    "camp-until": buttonAction("campaign.open", countArg(1, 366), closeIn),
    "camp-every": buttonAction("campaign.open", everyArg, chooseEvery),
    "camp-go": buttonAction("campaign.open", wordArg(["yes", "no"]), confirmOpen),
    "camp-prog": buttonAction("campaign.progress", idArg, showProgress),
    "camp-names": buttonAction("campaign.progress", twoIds, showNames),
    "camp-close": buttonAction("campaign.close", idArg, askClose),
    "camp-closed": buttonAction("campaign.close", idArg, close),
    "camp-decide": buttonAction("campaign.decide", twoIds, openDecide),
    "camp-sel": buttonAction("campaign.decide", idArg, toggle),
    "camp-all": buttonAction("campaign.decide", wordArg(["pending", "none"]), selectAll),
    "camp-do": buttonAction("campaign.decide", decisionArg, pressDecision),
  },
  intents: { "campaign.register": registerAction },
  dialogs: {
    [OPEN_DIALOG]: onOpenText,
    [DECIDE_DIALOG]: onDecideText,
    [ANSWER_DIALOG]: onAnswerText,
    [TEXT_DIALOG]: answerText,
  },
  delivery: Object.fromEntries(
    campaignKinds.flatMap((k) => [
      [openMessage(k.name), broadcast],
      [remindMessage(k.name), broadcast],
    ]),
  ),
};
