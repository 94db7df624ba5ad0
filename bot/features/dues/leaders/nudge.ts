// /duesnudge (催交团费, "帮我催一下没交团费的", or the button under /duesbranch): which organisation, as /duesbranch
// picks it; then who the bot will remind, who was reminded lately and who must be reminded in person; then
// 发送提醒. Only leaders, only inside their scope; what was sent is audited.
import type { Context } from "../../../core/feature.ts";
import { formatYuan } from "../money.ts";
import { type NudgePlan, nudgePlan, type Owing, sendNudges } from "./nudge-service.ts";
import { pickLeaderOrg } from "./org-pick.ts";
import { leaderScope, scopedOrg } from "./scope.ts";

/** Names shown in one line; the rest are counted. */
const MAX_NAMES = 30;

/** `/duesnudge [code or name]`, its intent, and the `dl-nudge:<orgId>` buttons. */
export async function startNudge(ctx: Context, arg: string | number) {
  const org = await pickLeaderOrg(ctx, arg, {
    action: "duesleaders.nudge",
    buttonPrefix: "dl-nudge",
    command: "duesnudge",
  });
  if (!org) return;
  const plan = await nudgePlan(ctx.deps.db, org.id, ctx.member!.id, ctx.deps.now(), ctx.deps.config.TZ);
  const owing = plan.reachable.length + plan.recent.length + plan.unbound.length;
  if (owing === 0) return ctx.say("duesleaders-nudge-none", { org: org.name });
  const lines = [ctx.t("duesleaders-nudge-preview", { org: org.name, owing }), ...groups(ctx, plan)];
  if (plan.reachable.length === 0) {
    lines.push(ctx.t("duesleaders-nudge-nobody-to-send"));
    return ctx.reply(lines.join("\n"));
  }
  lines.push(ctx.t("duesleaders-nudge-what"));
  ctx.reply(lines.join("\n"), [
    [
      ctx.button("duesleaders-button-nudge-send", `dl-nudge-send:${org.id}:yes`),
      ctx.button("duesleaders-button-nudge-cancel", `dl-nudge-send:${org.id}:no`),
    ],
  ]);
}

/** Button under the preview: send (the plan worked out again as it stands now), or not. */
export async function confirmNudge(ctx: Context, [orgId, answer]: readonly [number, "yes" | "no"]) {
  if (answer === "no") return ctx.say("duesleaders-nudge-cancelled");
  const { db } = ctx.deps;
  const scope = await leaderScope(db, ctx.member!.id);
  const org = await scopedOrg(db, scope.roles, orgId);
  // Out of scope (a forged id, or the role since taken away): as if the button had expired.
  if (!org) return ctx.say("core-input-stale-button");
  const plan = await sendNudges(ctx.deps, ctx.member!, org);
  const lines = [
    plan.reachable.length
      ? ctx.t("duesleaders-nudge-sent", { count: plan.reachable.length, names: names(ctx, plan.reachable) })
      : ctx.t("duesleaders-nudge-sent-none"),
  ];
  ctx.reply([...lines, ...inPerson(ctx, plan)].join("\n"));
}

function groups(ctx: Context, plan: NudgePlan): string[] {
  return [
    ...group(ctx, "duesleaders-nudge-will", plan.reachable),
    ...group(ctx, "duesleaders-nudge-recent", plan.recent),
    ...inPerson(ctx, plan),
  ];
}

/** Those without a chat, and how to have them reminded here next time. */
function inPerson(ctx: Context, plan: NudgePlan): string[] {
  const line = group(ctx, "duesleaders-nudge-unbound", plan.unbound);
  return line.length ? [...line, ctx.t("duesleaders-nudge-invite")] : [];
}

function group(ctx: Context, key: string, list: Owing[]): string[] {
  return list.length ? [ctx.t(key, { count: list.length, names: names(ctx, list) })] : [];
}

function names(ctx: Context, list: Owing[]): string {
  const shown = list
    .slice(0, MAX_NAMES)
    .map((m) => ctx.t("duesleaders-nudge-name", { name: m.name, months: m.owedMonths, amount: formatYuan(m.owedFen) }));
  const more = list.length - shown.length;
  return shown.join(ctx.t("duesleaders-list-separator")) + (more > 0 ? ctx.t("duesleaders-nudge-more", { more }) : "");
}
