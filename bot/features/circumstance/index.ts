// Changes of circumstance (新工作、收入变化、升学): a member reports by /change, a button or plain words; the dues
// change only when their 团支书 (or a leader above) confirms, from the month the member named. Leaders answer from
// the buttons, typed words or /changes; after an employment-related transfer the member is asked once.
import { idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { DuesCategory } from "../../infra/db.ts";
import { AFTER_TRANSFER, CONFIRMED_TO_MEMBER, REJECTED_TO_MEMBER, TO_LEADER } from "./circumstance-service.ts";
import {
  approveButton,
  listPending,
  onRejectText,
  REASON_CODES,
  REJECT_DIALOG,
  reasonButton,
  rejectButton,
} from "./leader.ts";
import { monthArg } from "./month-arg.ts";
import {
  chooseCategory,
  chooseMonth,
  onReportText,
  REPORT_DIALOG,
  sendButton,
  startReport,
  stopButton,
  withdrawButton,
} from "./report.ts";

const report: Action = {
  intent: "dues.change",
  // A command's words after it ("/change 月薪8000") count as the sentence; free text is the sentence itself.
  handler: (ctx) => startReport(ctx, ctx.incoming.text?.startsWith("/") ? ctx.arg : (ctx.incoming.text ?? "")),
  needsMember: true,
};

/** The once-asked question after an employment-related transfer: yes starts the report, no changes nothing. */
async function afterTransfer(ctx: Context, [transferId, answer]: readonly [number, "yes" | "no"]) {
  const own = await ctx.deps.db.transferRequest.count({
    where: { id: transferId, memberId: ctx.member!.id, status: "COMPLETED" },
  });
  if (!own) return ctx.say("circumstance-expired", {}, [[ctx.button("circumstance-button-start", "go:dues.change")]]);
  if (answer === "no") return ctx.say("circumstance-after-no");
  return startReport(ctx, "");
}

export const circumstanceFeature: Feature = {
  name: "circumstance",
  commands: { change: report, changes: { intent: "dues.change.review", handler: listPending, needsMember: true } },
  buttons: {
    "circ-cat": buttonAction("dues.change", wordArg(Object.values(DuesCategory)), chooseCategory),
    "circ-month": buttonAction("dues.change", monthArg, chooseMonth),
    "circ-send": buttonAction("dues.change", wordArg(["yes"]), sendButton),
    "circ-stop": buttonAction("dues.change", wordArg(["report"]), stopButton),
    "circ-withdraw": buttonAction("dues.change", idArg, withdrawButton),
    "circ-after": buttonAction("dues.change", partsArg(":", idArg, wordArg(["yes", "no"])), afterTransfer),
    "circ-ok": buttonAction("dues.change.review", idArg, approveButton),
    "circ-no": buttonAction("dues.change.review", idArg, rejectButton),
    "circ-why": buttonAction("dues.change.review", partsArg(":", idArg, wordArg(REASON_CODES)), reasonButton),
  },
  intents: { "dues.change": report },
  dialogs: { [REPORT_DIALOG]: onReportText, [REJECT_DIALOG]: onRejectText },
  // Each caused by a person's action: replies, not broadcasts.
  delivery: { [TO_LEADER]: {}, [CONFIRMED_TO_MEMBER]: {}, [REJECTED_TO_MEMBER]: {}, [AFTER_TRANSFER]: {} },
};
