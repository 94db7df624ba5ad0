// Someone without a league post who asks in words for a leader's dues list ("我这个月团费交了没" reads much like
// 收缴情况, "我的缴费确认了吗" like 待确认缴费) was asking about their own dues, and is shown those; a command or a
// button is refused as what it is.
import type { Context } from "../../../core/feature.ts";
import { showDues } from "../own-dues.ts";

export async function answerNotLeader(ctx: Context, refusal = "duesleaders-not-leader") {
  if (ctx.from !== "text") return ctx.say(refusal);
  ctx.intent = "dues.status";
  await showDues(ctx);
}
