// The leaders' volunteer-hours sheet: an organisation in their scope, every active member with this year's and the
// total hours, as a CSV file for Excel (UTF-8 with BOM, like the dues sheet). Every export is audited.
import type { Context } from "../../core/feature.ts";
import { auditRequest, pickLeaderOrg } from "../dues/leaders/org-pick.ts";
import { csvCell, csvDigits, toCsv } from "../dues/leaders/rules.ts";
import { type MemberHours, orgHours } from "./ledger.ts";
import { formatHours, yearOf } from "./rules.ts";

/** `/hours export [code or name]`, its intent, and the `hours-csv:<orgId>` buttons. */
export async function startExport(ctx: Context, arg: string | number) {
  ctx.intent = "volunteer.export";
  const org = await pickLeaderOrg(ctx, arg, {
    action: "volunteer.export",
    buttonPrefix: "hours-csv",
    command: "hours export",
    messages: {
      notLeader: "volunteer-not-leader",
      notFound: "volunteer-export-not-found",
      choose: "volunteer-export-choose",
    },
  });
  if (org) await exportOrg(ctx, org);
}

async function exportOrg(ctx: Context, org: { id: number; name: string }) {
  const now = ctx.deps.now();
  const rows = await orgHours(ctx.deps.db, org.id, now, ctx.deps.config.TZ);
  await auditRequest(ctx, "volunteer.export", "allowed", org.id, { members: rows.length });
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
