// Transfers (组织关系转接): the member applies, follows and may cancel; leaders approve, reject, claim, assign a
// 团支部, and see what waits on them. State changes in workflow.ts; service-level timers in sla/ and workers/.
import { idArg, optionalIdArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import {
  APPLY,
  applyDialog,
  chooseDestination,
  chooseReason,
  chooseWhom,
  confirmSubmit,
  newApplication,
  resubmit,
  startApplication,
} from "./apply.ts";
import { areaArg, chooseArea, startOutside } from "./apply-outside.ts";
import { completedLine, sentBackLines, transferStanding } from "./history.ts";
import {
  ASSIGN,
  approve,
  assign,
  assignDialog,
  chooseBranch,
  claim,
  openStep,
  REJECT,
  reject,
  rejectCode,
  rejectConfirm,
  rejectDialog,
  rejectNoNote,
  showPending,
} from "./leader.ts";
import { REASONS, REJECT_CODES } from "./rules.ts";
import { slaDelivery } from "./sla/still-wanted.ts";
import { memberTimelineButtons, renderTimeline } from "./timeline.ts";
import { openTransfer } from "./transfer-service.ts";
import { cancelTransfer } from "./workflow.ts";

const STATUS_WORDS = new Set(["status", "progress", "进度", "状态", "查询"]);

async function showProgress(ctx: Context) {
  if (!ctx.member) return ctx.say("transfers-bind-first");
  const { open, sentBack, lastCompleted } = await transferStanding(ctx.deps.db, ctx.member.id);
  const done = lastCompleted ? [completedLine(ctx.t, ctx.locale, ctx.deps.config.TZ, lastCompleted)] : [];
  if (open) return ctx.reply(renderTimeline(ctx, open), memberTimelineButtons(ctx, open.id));
  // A request sent back is not "no transfer": say by whom and why, and offer to fix it.
  if (sentBack) {
    return ctx.reply([...sentBackLines(ctx.t, sentBack), ...done].join("\n"), [
      [
        ctx.button("transfers-button-resubmit", `tr-resubmit:${sentBack.id}`),
        ctx.button("transfers-button-new", "tr-new:self"),
      ],
    ]);
  }
  ctx.reply([ctx.t("transfers-status-none", { contact: await askerContact(ctx) }), ...done].join("\n"), [
    [ctx.button("transfers-button-apply", "go:transfer.start")],
  ]);
}

/** `/transfer`: the timeline when one is under way, else the application; `/transfer status` the progress. */
async function transferCommand(ctx: Context) {
  if (STATUS_WORDS.has(ctx.arg.trim().toLowerCase())) {
    ctx.intent = "transfer.status";
    return showProgress(ctx);
  }
  return startApplication(ctx);
}

/** "取消转接", or the cancel button under the timeline: asks once more before withdrawing. */
async function askCancel(ctx: Context, transferId: number | null) {
  const open = await openTransfer(ctx.deps.db, ctx.member!.id);
  const id = transferId ?? open?.id;
  if (!open || open.id !== id) return ctx.say("transfers-cancel-nothing");
  ctx.say("transfers-cancel-ask", { to: open.toOrg.name }, [
    [
      ctx.button("transfers-button-cancel-yes", `tr-cancel-yes:${open.id}`),
      ctx.button("transfers-button-keep", "tr-keep:1"),
    ],
  ]);
}

async function confirmCancel(ctx: Context, transferId: number) {
  const result = await cancelTransfer(ctx.deps, ctx.member!.id, transferId);
  if (result.ok) return ctx.say("transfers-cancelled");
  ctx.say(result.problem === "closed" ? "transfers-cancel-closed" : "transfers-cancel-nothing");
}

async function keep(ctx: Context) {
  ctx.say("transfers-kept");
}

const m = (intent: string, handler: Action["handler"]): Action => ({ intent, handler, needsMember: true });
const start = m("transfer.start", startApplication);
const progress = m("transfer.status", showProgress);
const pending = m("transfer.pending", showPending);
// "取消转接" (no id: the open transfer) and the cancel button under the timeline (`tr-cancel:<id>`).
const cancel: Action<number | null> = {
  intent: "transfer.cancel",
  arg: optionalIdArg,
  handler: askCancel,
  needsMember: true,
};
const yesNo = wordArg(["yes", "no"]);

export const transfersFeature: Feature = {
  name: "transfers",
  commands: {
    transfer: m("transfer.start", transferCommand),
    pending,
  },
  buttons: {
    "tr-for": buttonAction("transfer.start", wordArg(["self", "out", "in"]), chooseWhom),
    "tr-new": buttonAction("transfer.start", wordArg(["self"]), newApplication),
    "tr-reason": buttonAction("transfer.start", wordArg(REASONS), chooseReason),
    "tr-dest": buttonAction("transfer.start", idArg, chooseDestination),
    "tr-outside": buttonAction("transfer.start", wordArg(["start"]), startOutside),
    "tr-area": buttonAction("transfer.start", areaArg, chooseArea),
    "tr-submit": buttonAction("transfer.start", wordArg(["yes", "dest", "reason", "no"]), confirmSubmit),
    "tr-resubmit": buttonAction("transfer.start", idArg, resubmit),
    "tr-cancel": buttonAction("transfer.cancel", idArg, askCancel),
    "tr-cancel-yes": buttonAction("transfer.cancel", idArg, confirmCancel),
    "tr-keep": buttonAction("transfer.cancel", wordArg(["1"]), keep),
    // Steps: `<step id>`, `<step id>:<reject code>`, `<step id>:<branch id>`.
    "tr-approve": buttonAction("transfer.review", idArg, approve),
    "tr-reject": buttonAction("transfer.review", idArg, reject),
    "tr-rcode": buttonAction("transfer.review", partsArg(":", idArg, wordArg(REJECT_CODES)), rejectCode),
    "tr-rnote": buttonAction("transfer.review", wordArg(["skip"]), rejectNoNote),
    "tr-rconfirm": buttonAction("transfer.review", yesNo, rejectConfirm),
    "tr-claim": buttonAction("transfer.review", idArg, claim),
    "tr-assign": buttonAction("transfer.review", idArg, assign),
    "tr-branch": buttonAction("transfer.review", partsArg(":", idArg, idArg), chooseBranch),
    "tr-open": buttonAction("transfer.review", idArg, openStep),
  },
  intents: {
    "transfer.start": start,
    "transfer.status": progress,
    "transfer.pending": pending,
    "transfer.cancel": cancel,
  },
  dialogs: { [APPLY]: applyDialog, [REJECT]: rejectDialog, [ASSIGN]: assignDialog },
  delivery: slaDelivery,
};
