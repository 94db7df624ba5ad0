// The member's own status (/me, 我的团籍) and the leaders' /branch view of their subtree.
import { idArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { BRANCH_DIALOG, branch, branchDialog, branchPick } from "./branch.ts";
import { loadStatus } from "./status-service.ts";
import { renderStatus } from "./status-view.ts";

/** Always the asker's own record: any argument after /me is ignored, never treated as someone else. */
async function showStatus(ctx: Context) {
  if (!ctx.member) return ctx.say("membership-bind-first");
  const view = await loadStatus(ctx.deps, ctx.member);
  ctx.reply(renderStatus(ctx.t, ctx.locale, ctx.deps.config.TZ, view, "self"), [
    [
      ctx.button("membership-button-dues", "go:dues.status"),
      ctx.button("membership-button-transfer", "go:transfer.status"),
    ],
  ]);
}

const status: Action = { intent: "membership.status", handler: showStatus, needsMember: true };
const branchAction: Action = { intent: "membership.branch", handler: branch, needsMember: true };

export const membershipFeature: Feature = {
  name: "membership",
  commands: { me: status, branch: branchAction },
  buttons: { "branch-member": buttonAction("membership.branch", idArg, branchPick) },
  intents: { "membership.status": status, "membership.branch": branchAction },
  dialogs: { [BRANCH_DIALOG]: branchDialog },
};
