// /duesorgs: for a committee, each organisation below it by this year's collection rate, worst first. Audited.
import { idIn } from "../../../core/args.ts";
import type { Context } from "../../../core/feature.ts";
import { childRates } from "./orgs-service.ts";
import { collectionRate, worstFirst } from "./rules.ts";
import { leaderScope, scopedOrg } from "./scope.ts";

const MAX_ORG_BUTTONS = 12;

/** `/duesorgs [code or name]`, its intent, and the `dl-orgs:<orgId>` buttons. */
export async function showOrgRates(ctx: Context, arg: string | number) {
  const { db } = ctx.deps;
  const scope = await leaderScope(db, ctx.member!.id);
  const record = (outcome: string, orgId: number | null) =>
    ctx.deps.audit.record({ actorId: ctx.member!.id, action: "duesleaders.orgs", orgId, data: { outcome } });
  if (scope.orgs.length === 0) {
    await record("not-leader", null);
    return ctx.say("duesleaders-not-leader");
  }
  const query = typeof arg === "number" ? arg : (idIn(arg) ?? arg.trim());
  let org: { id: number; name: string } | null = scope.orgs.length === 1 ? scope.orgs[0]! : null;
  if (query) {
    org = await scopedOrg(db, scope.roles, query);
    if (!org) {
      await record("denied", null);
      return ctx.say("duesleaders-branch-not-found", { query: String(query).slice(0, 40) });
    }
  }
  if (!org) {
    return ctx.say(
      "duesleaders-orgs-choose",
      {},
      scope.orgs.slice(0, MAX_ORG_BUTTONS).map((o) => [{ label: o.name, payload: `dl-orgs:${o.id}` }]),
    );
  }
  const { current, rows } = await childRates(db, org.id, ctx.deps.now(), ctx.deps.config.TZ);
  await record("allowed", org.id);
  if (rows.length === 0) return ctx.say("duesleaders-orgs-none", { org: org.name });
  const lines = [
    ctx.t("duesleaders-orgs-title", {
      org: org.name,
      year: String(Math.floor(current / 100)),
      mon: String(current % 100),
    }),
    ...worstFirst(rows).map((r, i) =>
      ctx.t("duesleaders-orgs-line", {
        rank: i + 1,
        name: r.name,
        rate: collectionRate(r.paid, r.due) ?? ctx.t("duesleaders-rate-none"),
        members: r.members,
        paid: r.paid,
        due: r.due,
        owing3: r.owing3,
      }),
    ),
  ];
  ctx.reply(lines.join("\n"));
}
