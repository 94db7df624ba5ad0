// The leaders' volunteer-hours sheet: an organisation in their scope, every active member with this year's and the
// total hours, as a CSV file for Excel (UTF-8 with BOM, like the dues sheet). Every export is audited.
import { idIn } from "../../core/args.ts";
import type { Context } from "../../core/feature.ts";
import { OrgLevel } from "../../infra/db.ts";
import { csvCell, csvDigits, toCsv } from "../dues/leaders/rules.ts";
import { leaderScope, scopedOrg } from "../dues/leaders/scope.ts";
import { orgsInSubtree } from "../orgs/scope.ts";
import { type MemberHours, orgHours } from "./ledger.ts";
import { formatHours, yearOf } from "./rules.ts";

const MAX_ORG_BUTTONS = 12;

async function audit(ctx: Context, outcome: string, orgId: number | null, data: Record<string, unknown> = {}) {
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "volunteer.export",
    orgId,
    data: { outcome, ...data },
  });
}

/** `/hours export [code or name]`, its intent, and the `hours-csv:<orgId>` buttons. */
export async function startExport(ctx: Context, arg: string | number) {
  ctx.intent = "volunteer.export";
  const { db } = ctx.deps;
  const scope = await leaderScope(db, ctx.member!.id);
  if (scope.orgs.length === 0) {
    await audit(ctx, "not-leader", null);
    return ctx.say("volunteer-not-leader");
  }
  const query = typeof arg === "number" ? arg : (idIn(arg) ?? arg.trim());
  if (query) {
    const org = await scopedOrg(db, scope.roles, query);
    if (!org) {
      const shown = String(query).slice(0, 40);
      await audit(ctx, "denied", null, { query: shown });
      return ctx.say("volunteer-export-not-found", { query: shown });
    }
    return exportOrg(ctx, org);
  }
  const only = scope.orgs.length === 1 ? scope.orgs[0]! : null;
  if (only && only.level === OrgLevel.BRANCH) return exportOrg(ctx, only);
  // A committee (or several scopes): its whole subtree, or one branch below it.
  const branches = await db.organisation.findMany({
    where: { level: OrgLevel.BRANCH, OR: scope.orgs.map((o) => orgsInSubtree(o.id)) },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
    take: MAX_ORG_BUTTONS,
  });
  const choices = [...scope.orgs, ...branches.filter((b) => !scope.orgs.some((o) => o.id === b.id))];
  ctx.say(
    "volunteer-export-choose",
    {},
    choices.slice(0, MAX_ORG_BUTTONS).map((o) => [{ label: o.name, payload: `hours-csv:${o.id}` }]),
  );
}

async function exportOrg(ctx: Context, org: { id: number; name: string }) {
  const now = ctx.deps.now();
  const rows = await orgHours(ctx.deps.db, org.id, now, ctx.deps.config.TZ);
  await audit(ctx, "allowed", org.id, { members: rows.length });
  if (rows.length === 0) return ctx.say("volunteer-export-empty", { org: org.name });
  const year = String(yearOf(now, ctx.deps.config.TZ).year);
  const sum = (pick: (r: MemberHours) => number) => formatHours(rows.reduce((s, r) => s + pick(r), 0));
  ctx.replyFile(
    ctx.t("volunteer-csv-file", { org: org.name, year }),
    "text/csv",
    csvOf(ctx, rows, year),
    ctx.t("volunteer-csv-caption", {
      org: org.name,
      year,
      members: rows.length,
      yearHours: sum((r) => r.yearMinutes),
      totalHours: sum((r) => r.totalMinutes),
    }),
  );
}

/** 编号, 姓名, this year's hours, total hours: one row per member, in 编号 order. */
function csvOf(ctx: Context, rows: MemberHours[], year: string): Uint8Array {
  const header = [
    ctx.t("volunteer-csv-code"),
    ctx.t("volunteer-csv-name"),
    ctx.t("volunteer-csv-year", { year }),
    ctx.t("volunteer-csv-total"),
  ].map(csvCell);
  const lines = rows.map((r) => [
    csvDigits(r.code),
    csvCell(r.name),
    formatHours(r.yearMinutes),
    formatHours(r.totalMinutes),
  ]);
  return toCsv([header, ...lines]);
}
