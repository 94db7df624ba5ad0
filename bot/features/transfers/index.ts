// Transfers (组织关系转接): the member applies, follows and may cancel; leaders approve, reject, claim, assign a
// 团支部, and see what waits on them. State changes in workflow.ts; service-level timers in sla/ and workers/.
import type { Action, Context, Feature } from "../../core/feature.ts";
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
import { chooseArea, startOutside } from "./apply-outside.ts";
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
import { slaDelivery } from "./sla/still-wanted.ts";
import { memberTimelineButtons, renderTimeline } from "./timeline.ts";
import { openTransfer } from "./transfer-service.ts";
import { cancelTransfer } from "./workflow.ts";

const STATUS_WORDS = new Set(["status", "progress", "进度", "状态", "查询"]);

async function showProgress(ctx: Context) {
  if (!ctx.member) return ctx.say("transfers-bind-first");
  const transfer = await openTransfer(ctx.deps.db, ctx.member.id);
  if (!transfer) {
    return ctx.say("transfers-status-none", { contact: await askerContact(ctx) }, [
      [ctx.button("transfers-button-apply", "go:transfer.start")],
    ]);
  }
  ctx.reply(renderTimeline(ctx, transfer), memberTimelineButtons(ctx, transfer.id));
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
async function askCancel(ctx: Context) {
  const open = await openTransfer(ctx.deps.db, ctx.member!.id);
  const id = /^\d{1,10}$/.test(ctx.arg) ? Number(ctx.arg) : open?.id;
  if (!open || open.id !== id) return ctx.say("transfers-cancel-nothing");
  ctx.say("transfers-cancel-ask", { to: open.toOrg.name }, [
    [
      ctx.button("transfers-button-cancel-yes", `tr-cancel-yes:${open.id}`),
      ctx.button("transfers-button-keep", "tr-keep:1"),
    ],
  ]);
}

async function confirmCancel(ctx: Context) {
  const id = /^\d{1,10}$/.test(ctx.arg) ? Number(ctx.arg) : 0;
  const result = await cancelTransfer(ctx.deps, ctx.member!.id, id);
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
const cancel = m("transfer.cancel", askCancel);
const review = (handler: Action["handler"]) => m("transfer.review", handler);
const apply = (handler: Action["handler"]) => m("transfer.start", handler);

export const transfersFeature: Feature = {
  name: "transfers",
  commands: {
    transfer: m("transfer.start", transferCommand),
    pending,
  },
  buttons: {
    "tr-for": apply(chooseWhom),
    "tr-new": apply(newApplication),
    "tr-reason": apply(chooseReason),
    "tr-dest": apply(chooseDestination),
    "tr-outside": apply(startOutside),
    "tr-area": apply(chooseArea),
    "tr-submit": apply(confirmSubmit),
    "tr-resubmit": apply(resubmit),
    "tr-cancel": cancel,
    "tr-cancel-yes": m("transfer.cancel", confirmCancel),
    "tr-keep": m("transfer.cancel", keep),
    "tr-approve": review(approve),
    "tr-reject": review(reject),
    "tr-rcode": review(rejectCode),
    "tr-rnote": review(rejectNoNote),
    "tr-rconfirm": review(rejectConfirm),
    "tr-claim": review(claim),
    "tr-assign": review(assign),
    "tr-branch": review(chooseBranch),
    "tr-open": review(openStep),
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
