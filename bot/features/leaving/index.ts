// 离团: the 团支书's confirm button on a member who has turned 28 (the daily check in workers/leaving sends it), and a
// member's own 退团 / 离团 request, which goes to their 团支书 — the bot never ends a membership by itself.
import { idArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
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
/** Typed answers to "pass it on?": a question about leaving must never reach the 团支书 by itself. */
const YES = /^(是|是的|好|好的|对|确认|确定|发送|转告|嗯|yes|y|ok|okay|send|sure)[。.!！]*$/i;
const NO = /^(不|不用|不要|否|算了|取消|先不|no|n|cancel|not now)了?[。.!！]*$/i;

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

async function onRequestText(ctx: Context) {
  const text = ctx.incoming.text?.trim() ?? "";
  if (YES.test(text)) return answer(ctx, "send");
  if (NO.test(text)) return answer(ctx, "cancel");
  return "pass";
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
