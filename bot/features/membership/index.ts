// The member's own status (/me, 我的团籍) and the leaders' /branch view of their subtree.
import { idArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { BRANCH_DIALOG, branch, branchDialog, branchPick } from "./branch.ts";
import { showOwnCode } from "./own-code.ts";
import { loadStatus } from "./status-service.ts";
import { renderStatus } from "./status-view.ts";

/** Always the asker's own record: any argument after /me is ignored, never treated as someone else. */
async function showStatus(ctx: Context) {
  if (!ctx.member) return ctx.say("membership-bind-first");
  const view = await loadStatus(ctx.deps, ctx.member);
  // 转接进度 only when there is a transfer to follow (open, or sent back to fix).
  const hasTransfer = view.transfers.open !== null || view.transfers.sentBack !== null;
  ctx.reply(renderStatus(ctx.t, ctx.locale, ctx.deps.config.TZ, view, "self"), [
    [
      ctx.button("membership-button-dues", "go:dues.status"),
      ...(hasTransfer ? [ctx.button("membership-button-transfer", "go:transfer.status")] : []),
      // 志愿时长 only once there is a credit to list.
      ...(view.hours.totalMinutes > 0 ? [ctx.button("volunteer-button-mine", "go:volunteer.mine")] : []),
    ],
    [ctx.button("membership-button-full-code", "me-code:show")],
  ]);
}

const status: Action = { intent: "membership.status", handler: showStatus, needsMember: true };
const branchAction: Action = { intent: "membership.branch", handler: branch, needsMember: true };

export const membershipFeature: Feature = {
  name: "membership",
  commands: { me: status, branch: branchAction },
  buttons: {
    "branch-member": buttonAction("membership.branch", idArg, branchPick),
    "me-code": buttonAction("membership.status", wordArg(["show"]), showOwnCode),
  },
  intents: { "membership.status": status, "membership.branch": branchAction },
  dialogs: { [BRANCH_DIALOG]: branchDialog },
};
