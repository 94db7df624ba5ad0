// Dues for leaders: a branch's collection and its CSV (/duesbranch), cash recorded for several members at once
// (/duescash), collection rates below a committee (/duesorgs), payment screenshots waiting for a confirmation
// (/duesreview), reminding those who owe (/duesnudge); and the monthly reminder campaign's messages.
// `/dues` itself is the member's own dues (../index.ts).
import { idArg, partsArg, wordArg } from "../../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../../core/feature.ts";
import { reminderDelivery } from "../reminders/delivery.ts";
import { showBranch } from "./branch.ts";
import { CASH_DIALOG, cashDialog, confirmCash, startCash } from "./cash.ts";
import { paymentMethodCommand } from "./method.ts";
import { confirmNudge, startNudge } from "./nudge.ts";
import { showOrgRates } from "./orgs.ts";
import { showWaitingProofs } from "./review-list.ts";

const branch: Action = { intent: "duesleaders.branch", handler: showBranch, needsMember: true };
const cash: Action = { intent: "duesleaders.cash", handler: startCash, needsMember: true };
const orgs: Action = { intent: "duesleaders.orgs", handler: showOrgRates, needsMember: true };
const method: Action = { intent: "duesleaders.method", handler: paymentMethodCommand, needsMember: true };
const review: Action = { intent: "duesleaders.review", handler: showWaitingProofs, needsMember: true };
const nudge: Action = { intent: "duesleaders.nudge", handler: startNudge, needsMember: true };

/** For `/dues branch|cash|orgs|review|nudge`: the action a `/dues` argument names, if any. */
export const duesLeaderSubcommands: Record<string, Action> = { branch, cash, orgs, review, method, nudge };

export const duesLeadersFeature: Feature = {
  name: "duesleaders",
  commands: {
    duesbranch: branch,
    duescash: cash,
    duesorgs: orgs,
    duesreview: review,
    duesmethod: method,
    duesnudge: nudge,
  },
  buttons: {
    "dl-branch": buttonAction("duesleaders.branch", idArg, showBranch),
    "dl-orgs": buttonAction("duesleaders.orgs", idArg, showOrgRates),
    "dl-cash": buttonAction("duesleaders.cash", wordArg(["yes", "no"]), confirmCash),
    "dl-nudge": buttonAction("duesleaders.nudge", idArg, startNudge),
    "dl-nudge-send": buttonAction("duesleaders.nudge", partsArg(":", idArg, wordArg(["yes", "no"])), confirmNudge),
  },
  intents: {
    "duesleaders.branch": branch,
    "duesleaders.cash": cash,
    "duesleaders.orgs": orgs,
    "duesleaders.review": review,
    "duesleaders.method": method,
    "duesleaders.nudge": nudge,
  },
  dialogs: { [CASH_DIALOG]: cashDialog },
  delivery: reminderDelivery,
};
