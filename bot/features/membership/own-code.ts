// The member's own full 编号 (智慧团建 asks for it): the button under /me, or asked for in words by a bound member.
// The status message keeps it masked, since it is screenshotted and forwarded; this reply is the member's own
// request, in a private chat, and audited.
import type { Context } from "../../core/feature.ts";

export async function showOwnCode(ctx: Context) {
  const member = ctx.member!;
  await ctx.deps.audit.record({
    actorId: member.id,
    action: "membership.own-code",
    orgId: member.orgId,
    targetType: "member",
    targetId: member.id,
  });
  ctx.say("membership-own-code", { name: member.name, code: member.code });
}
