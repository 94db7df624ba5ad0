// 离团: the 团支书's confirm button on a member who has turned 28 (the daily check in workers/leaving sends it), and a
// member's own 退团 / 离团 request, which goes to their 团支书 — the bot never ends a membership by itself.
import { idArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature, otherRequest } from "../../core/feature.ts";
import { isPhraseAmong } from "../../core/nlu/cancel.ts";
import { MemberStatus } from "../../infra/db.ts";
import { localDateOf } from "../membership/rules.ts";
import {
  confirmLeaving,
  DUE_LEADER,
  leadersFor,
  NOTICE_LEADER,
  NOTICE_MEMBER,
  POST_COMMITTEE,
  requestLeaving,
  stillActive,
} from "./leaving-service.ts";

async function confirm(ctx: Context, memberId: number) {
  const outcome = await confirmLeaving(
    ctx.deps,
    ctx.member!.id,
    memberId,
    localDateOf(ctx.deps.now(), ctx.deps.config.TZ),
  );
  switch (outcome.kind) {
    case "done":
      return ctx.say("leaving-confirmed", { name: outcome.name });
    case "already":
      return ctx.say("leaving-already", { name: outcome.name });
    case "not-due":
      return ctx.say("leaving-not-due", { name: outcome.name });
    case "self":
      return ctx.say("leaving-not-self");
    case "not-found":
      return ctx.say("leaving-not-found");
  }
}

export const REQUEST_DIALOG = "leaving.request";

/**
 * "我要退团": first asks whether to pass the request (and the words typed) on to the 团支书, named; only a yes
 * sends it. Nothing about the membership changes either way.
 */
async function request(ctx: Context) {
  const member = ctx.member!;
  if (member.status !== MemberStatus.ACTIVE) return ctx.say("leaving-request-not-active");
  const leaders = await leadersFor(ctx.deps.db, member.orgId, member.id);
  if (!leaders.length) return ctx.say("leaving-request-nobody");
  await ctx.dialog.start(REQUEST_DIALOG, "confirm", { note: (ctx.incoming.text ?? "").slice(0, 200) });
  ctx.say("leaving-request-ask", { names: leaders.map((l) => l.name).join("、") }, [
    [
      ctx.button("leaving-button-send", "leave-request:send"),
      ctx.button("leaving-button-cancel", "leave-request:cancel"),
    ],
  ]);
}

async function answer(ctx: Context, choice: "send" | "cancel") {
  const dialog = ctx.dialog.current;
  // A second tap, or a tap after the question expired: nothing is sent twice.
  if (dialog?.name !== REQUEST_DIALOG) return ctx.say("leaving-request-expired");
  await ctx.dialog.end();
  if (choice === "cancel") return ctx.say("leaving-request-cancelled");
  const told = await requestLeaving(ctx.deps, ctx.member!, String(dialog.data.note ?? ""));
  if (!told.length) return ctx.say("leaving-request-nobody");
  ctx.say("leaving-request-sent", { names: told.join("、") });
}

/**
 * Typed answers to "pass it on?" ("好吧，那就告诉吧", "先不用"; the words are the locale's). Only a yes sends: a
 * question ("为啥要告诉团支书") is answered and asked again, another request is answered while the question waits.
 */
async function onRequestText(ctx: Context) {
  const text = ctx.incoming.text?.trim() ?? "";
  if (isPhraseAmong(text, ctx.t("leaving-yes-words"))) return answer(ctx, "send");
  if (isPhraseAmong(text, ctx.t("leaving-no-words"))) return answer(ctx, "cancel");
  const said = text.toLowerCase();
  if (
    ctx
      .t("leaving-why-markers")
      .split(/[,，]\s*/)
      .some((w) => said.includes(w))
  ) {
    return ctx.say("leaving-request-why");
  }
  // Asked again in other words: asked afresh, those words being the ones passed on.
  if (ctx.textIntent === "leaving.request") return "pass";
  if (otherRequest(ctx)) return "aside";
  return ctx.say("leaving-request-yes-or-no");
}

const requestAction: Action = { intent: "leaving.request", handler: request, needsMember: true };

const ageMessage = { broadcast: true, stillWanted: stillActive };

export const leavingFeature: Feature = {
  name: "leaving",
  commands: { leave: requestAction },
  buttons: {
    "leave-confirm": buttonAction("leaving.confirm", idArg, confirm),
    "leave-request": buttonAction("leaving.request", wordArg(["send", "cancel"]), answer),
  },
  intents: { "leaving.request": requestAction },
  dialogs: { [REQUEST_DIALOG]: onRequestText },
  delivery: {
    [NOTICE_MEMBER]: ageMessage,
    [NOTICE_LEADER]: ageMessage,
    [DUE_LEADER]: ageMessage,
    [POST_COMMITTEE]: ageMessage,
  },
};
