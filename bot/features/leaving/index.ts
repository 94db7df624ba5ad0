// 离团: the 团支书's confirm button on a member who has turned 28 (the daily check in workers/leaving sends it), and a
// member's own 退团 / 离团 request, which goes to their 团支书 — the bot never ends a membership by itself.
import { idArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { MemberStatus } from "../../infra/db.ts";
import { localDateOf } from "../membership/rules.ts";
import {
  confirmLeaving,
  DUE_LEADER,
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

/** "我要退团": routed to the 团支书 with the member's words; nothing changes until a person acts. */
async function request(ctx: Context) {
  const member = ctx.member!;
  if (member.status !== MemberStatus.ACTIVE) return ctx.say("leaving-request-not-active");
  const told = await requestLeaving(ctx.deps, member, ctx.incoming.text ?? "");
  if (!told.length) return ctx.say("leaving-request-nobody");
  ctx.say("leaving-request-sent", { names: told.join("、") });
}

const requestAction: Action = { intent: "leaving.request", handler: request, needsMember: true };

const ageMessage = { broadcast: true, stillWanted: stillActive };

export const leavingFeature: Feature = {
  name: "leaving",
  commands: { leave: requestAction },
  buttons: { "leave-confirm": buttonAction("leaving.confirm", idArg, confirm) },
  intents: { "leaving.request": requestAction },
  delivery: {
    [NOTICE_MEMBER]: ageMessage,
    [NOTICE_LEADER]: ageMessage,
    [DUE_LEADER]: ageMessage,
    [POST_COMMITTEE]: ageMessage,
  },
};
