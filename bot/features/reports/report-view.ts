// `/report` and "转接统计": last full week's league table of a subtree the person leads, on demand, audited.
import type { Context } from "../../core/feature.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { buildLeague, hasRows, leagueArgs, leagueChart, REPORT_ROLES } from "./report-service.ts";
import { lastFullWeek } from "./week.ts";

/** Drill-down buttons under a table: the worst children that have a table of their own. */
const MAX_DRILL_BUTTONS = 5;

export async function showReport(ctx: Context, asked: number | null) {
  const { db, audit } = ctx.deps;
  const actorId = ctx.member!.id;
  const roles = await rolesOf(db, actorId);
  const scope = scopeOrgIds(roles, REPORT_ROLES);
  if (!scope.length) {
    await audit.record({ actorId, action: "report.denied", data: { roles: roles.length } });
    return ctx.say("reports-not-allowed");
  }
  if (asked === null && scope.length > 1) {
    const orgs = await db.organisation.findMany({ where: { id: { in: scope } }, orderBy: { id: "asc" } });
    return ctx.say(
      "reports-choose-org",
      {},
      orgs.map((o) => [{ label: o.name, payload: `report-org:${o.id}` }]),
    );
  }
  const orgId = asked ?? scope[0]!;
  const org = await db.organisation.findUnique({
    where: { id: orgId },
    select: { id: true, name: true, ancestorIds: true },
  });
  if (!org || !canAct(roles, org.ancestorIds, REPORT_ROLES)) {
    await audit.record({
      actorId,
      action: "report.denied",
      orgId: org?.id ?? null,
      targetType: "organisation",
      targetId: orgId,
    });
    return ctx.say("reports-out-of-scope");
  }

  const week = lastFullWeek(ctx.deps.now(), ctx.deps.config.TZ);
  const league = await buildLeague(db, org, week, ctx.deps.now());
  await audit.record({
    actorId,
    action: "report.view",
    orgId: org.id,
    targetType: "organisation",
    targetId: org.id,
    data: { week: week.key },
  });
  if (!hasRows(league)) return ctx.say("reports-none", { org: org.name, from: week.key, to: week.lastDay });

  const drill = league.table.shown
    .filter((r) => league.drillable.has(r.orgId))
    .slice(0, MAX_DRILL_BUTTONS)
    .map((r) => [{ label: r.name, payload: `report-org:${r.orgId}` }]);
  ctx.say("reports-table", leagueArgs(league, ctx.deps.i18n), drill.length ? drill : undefined);
  ctx.replies.at(-1)!.image = await leagueChart(league, ctx.deps.config.CHART_FONT_FILE, ctx.t);
}
