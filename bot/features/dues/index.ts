// /dues and "我欠多少团费": the asker's own dues. /pay and "交团费": a payment request, then a screenshot the branch
// treasurer or secretary confirms or rejects.
import { countArg, idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../core/feature.ts";
import { duesLeaderSubcommands } from "./leaders/index.ts";
import { showDues } from "./own-dues.ts";
import {
  askProof,
  cancelRequest,
  chooseExtra,
  chooseMonths,
  onPayDialog,
  onStrayImage,
  PAY_DIALOG,
  startPay,
} from "./pay.ts";
import { MAX_EXTRA_FEN } from "./payment-service.ts";
import { confirmButton, onRejectDialog, REASON_CODES, REJECT_DIALOG, reasonButton, rejectButton } from "./review.ts";

const status: Action = { intent: "dues.status", handler: showDues, needsMember: true };

/** `/dues branch|cash|orgs …` are the leaders' views (./leaders); any other argument still shows one's own dues. */
const duesCommand: Action = {
  ...status,
  handler: (ctx) => {
    const [word = "", ...rest] = ctx.arg.trim().split(/\s+/);
    const sub = Object.hasOwn(duesLeaderSubcommands, word.toLowerCase())
      ? duesLeaderSubcommands[word.toLowerCase()]
      : undefined;
    if (!sub) return showDues(ctx);
    ctx.intent = sub.intent;
    ctx.arg = rest.join(" ");
    return sub.handler(ctx, ctx.arg);
  },
};
const pay: Action = { intent: "dues.pay", handler: startPay, needsMember: true };
/** Months in one request; the plan decides the real limit and says so. */
const monthsArg = countArg(1, 999);

export const duesFeature: Feature = {
  name: "dues",
  commands: { dues: duesCommand, pay },
  buttons: {
    "dues-pay": buttonAction("dues.pay", monthsArg, chooseMonths),
    // `<months>:<extra fen>`: the choice survives an expired dialog.
    "dues-extra": buttonAction("dues.pay", partsArg(":", monthsArg, countArg(0, MAX_EXTRA_FEN)), chooseExtra),
    "dues-proof": buttonAction("dues.pay", idArg, askProof),
    "dues-cancel": buttonAction("dues.pay", idArg, cancelRequest),
    "dues-ok": buttonAction("dues.review", idArg, confirmButton),
    "dues-no": buttonAction("dues.review", idArg, rejectButton),
    "dues-why": buttonAction("dues.review", partsArg(":", idArg, wordArg(REASON_CODES)), reasonButton),
  },
  intents: { "dues.status": status, "dues.pay": pay },
  dialogs: { [PAY_DIALOG]: onPayDialog, [REJECT_DIALOG]: onRejectDialog },
  numberSteps: { [PAY_DIALOG]: ["months", "extra"] },
  onImage: onStrayImage,
};
