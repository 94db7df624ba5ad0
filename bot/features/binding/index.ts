// Who is this chat? Binding a chat identity to a member record, a leader's one-time codes, and unbinding.
import { idArg, wordArg } from "../../core/args.ts";
import { buttonAction, type Feature } from "../../core/feature.ts";
import {
  askUnbind,
  BIND_DIALOG,
  bindCommand,
  bindDialog,
  bindRequired,
  chooseCode,
  confirmUnbind,
  ISSUE_DIALOG,
  issueCommand,
  issueDialog,
  issueForMember,
  startBind,
} from "./dialog.ts";

export const bindingFeature: Feature = {
  name: "binding",
  commands: {
    bind: { intent: "bind", handler: bindCommand },
    unbind: { intent: "unbind", handler: askUnbind },
    code: { intent: "bind.code", handler: issueCommand, needsMember: true },
  },
  buttons: {
    // "bind:code": the "I have a code" choice in the bind dialog.
    bind: buttonAction("bind", wordArg(["code"]), chooseCode, {}),
    // `unbind:<memberId>` or `unbind:keep`.
    unbind: buttonAction("unbind", idArg.or(wordArg(["keep"])), confirmUnbind, {}),
    "code-for": buttonAction("bind.code", idArg, issueForMember),
  },
  intents: {
    bind: { intent: "bind", handler: startBind },
    unbind: { intent: "unbind", handler: askUnbind },
    // The router runs this when an action that needs a member is used by an unbound chat.
    "bind.required": { intent: "bind.required", handler: bindRequired },
  },
  dialogs: {
    [BIND_DIALOG]: bindDialog,
    [ISSUE_DIALOG]: issueDialog,
  },
};
