// Committee notices: broadcast to a subtree, read receipts, per-branch progress, chasing the unread.
import { idArg, optionalIdArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../core/feature.ts";
import type { Db } from "../../infra/db.ts";
import { chooseAudience, chooseOrg, confirm, DIALOG, onDialogText, skipImage, startNotice } from "./dialog.ts";
import { NOTICE_MESSAGE, NOTICE_REMINDER, recordOutcome } from "./fanout.ts";
import { chase, gotIt, showProgress } from "./receipts.ts";

const create = { intent: "notice.create", handler: startNotice, needsMember: true };
const progressAction: Action<number | null> = {
  intent: "notice.progress",
  arg: optionalIdArg,
  handler: showProgress,
  needsMember: true,
};

/** The notice's text and organisation, loaded when each copy is sent (stored once, not per recipient). */
async function noticeArgs(db: Db, args: Record<string, unknown>) {
  const notice = await db.notice.findUniqueOrThrow({ where: { id: Number(args.noticeId) }, include: { org: true } });
  return { org: notice.org.name, text: notice.text };
}

export const noticesFeature: Feature = {
  name: "notices",
  commands: {
    notice: {
      ...create,
      // `/notice progress` (or 进度) shows the latest notice's progress instead of writing a new one.
      handler: (ctx) => {
        if (!["progress", "进度"].includes(ctx.arg.trim())) return startNotice(ctx);
        ctx.arg = "";
        ctx.intent = "notice.progress";
        return showProgress(ctx, null);
      },
    },
  },
  buttons: {
    "notice-org": buttonAction("notice.create", idArg, chooseOrg),
    "notice-img": buttonAction("notice.create", wordArg(["skip"]), skipImage),
    // A child organisation to toggle, or done.
    "notice-aud": buttonAction("notice.create", idArg.or(wordArg(["done"])), chooseAudience),
    "notice-send": buttonAction("notice.create", wordArg(["yes", "no"]), confirm),
    "notice-read": buttonAction("notice.read", idArg, gotIt),
    "notice-progress": buttonAction("notice.progress", idArg, showProgress),
    "notice-chase": buttonAction("notice.chase", idArg, chase),
  },
  intents: { "notice.create": create, "notice.progress": progressAction },
  dialogs: { [DIALOG]: onDialogText },
  delivery: {
    [NOTICE_MESSAGE]: { resolveArgs: noticeArgs, onOutcome: recordOutcome, broadcast: true },
    [NOTICE_REMINDER]: { resolveArgs: noticeArgs, broadcast: true },
  },
};
