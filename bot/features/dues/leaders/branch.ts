// /duesbranch: a branch's dues for the current year, member by member, with totals, and the same as a CSV file
// for Excel. Only for leaders, only inside their scope; every look is audited.
import type { Context } from "../../../core/feature.ts";
import { formatMonthName } from "../../membership/format.ts";
import { formatYuan } from "../money.ts";
import { type BranchCollection, branchCollection, type MemberCollection } from "./collection-service.ts";
import { auditRequest, pickLeaderOrg } from "./org-pick.ts";
import { collectionRate, csvCell, csvDigits, toCsv } from "./rules.ts";

/** Members listed in the chat; the CSV always has everyone. */
const MAX_LINES = 50;

/** `/duesbranch [code or name]`, its intent, and the `dl-branch:<orgId>` buttons. */
export async function showBranch(ctx: Context, arg: string | number) {
  const org = await pickLeaderOrg(ctx, arg, {
    action: "duesleaders.branch",
    buttonPrefix: "dl-branch",
    command: "duesbranch",
  });
  if (org) await report(ctx, org);
}

async function report(ctx: Context, org: { id: number; name: string }) {
  const { db, config } = ctx.deps;
  const collection = await branchCollection(db, org.id, ctx.deps.now(), config.TZ);
  await auditRequest(ctx, "duesleaders.branch", "allowed", org.id, { members: collection.totals.members });
  if (collection.members.length === 0) return ctx.say("duesleaders-branch-empty", { org: org.name });
  // The list is for chasing: the bot can do the reminding.
  const owing = collection.totals.owing > 0;
  ctx.reply(
    summaryText(ctx, org.name, collection),
    owing ? [[ctx.button("duesleaders-button-nudge", `dl-nudge:${org.id}`)]] : undefined,
  );
  const year = String(collection.year);
  ctx.replyFile(
    ctx.t("duesleaders-csv-file", { org: org.name, year }),
    "text/csv",
    csvOf(ctx, collection),
    ctx.t("duesleaders-csv-caption", { org: org.name, year }),
  );
}

function throughText(ctx: Context, through: number | null): string {
  return through === null ? ctx.t("duesleaders-through-none") : formatMonthName(through, ctx.locale);
}

const monthlyText = (ctx: Context, m: MemberCollection) =>
  m.monthlyFen === null ? ctx.t("duesleaders-rate-none") : formatYuan(m.monthlyFen);

function summaryText(ctx: Context, orgName: string, c: BranchCollection): string {
  const lines = [
    ctx.t("duesleaders-branch-title", { org: orgName, year: String(c.year), mon: String(c.current % 100) }),
  ];
  // Those who owe most first: the list is for chasing.
  const ordered = [...c.members].sort((a, b) => b.owedMonths - a.owedMonths || a.code.localeCompare(b.code));
  for (const m of ordered.slice(0, MAX_LINES)) {
    lines.push(
      ctx.t("duesleaders-branch-line", {
        code: m.code,
        name: m.name,
        monthly: monthlyText(ctx, m),
        paid: m.paid,
        due: m.due,
        through: throughText(ctx, m.paidThrough),
        owed: m.owedMonths,
        amount: formatYuan(m.owedFen),
      }),
    );
  }
  if (ordered.length > MAX_LINES) lines.push(ctx.t("duesleaders-branch-more", { more: ordered.length - MAX_LINES }));
  const t = c.totals;
  lines.push(
    ctx.t("duesleaders-branch-totals", {
      members: t.members,
      due: t.due,
      paid: t.paid,
      rate: collectionRate(t.paid, t.due) ?? ctx.t("duesleaders-rate-none"),
      owing: t.owing,
      owed: t.owedMonths,
      amount: formatYuan(t.owedFen),
    }),
  );
  return lines.join("\n");
}

/** 编号, 姓名, 月缴, 已缴至, 欠缴月数, 欠缴金额(元): one row per member, in 编号 order. */
function csvOf(ctx: Context, c: BranchCollection): Uint8Array {
  const header = [
    "duesleaders-csv-code",
    "duesleaders-csv-name",
    "duesleaders-csv-monthly",
    "duesleaders-csv-through",
    "duesleaders-csv-owed-months",
    "duesleaders-csv-owed-amount",
  ].map((key) => csvCell(ctx.t(key)));
  const rows = c.members.map((m) => [
    csvDigits(m.code),
    csvCell(m.name),
    csvCell(monthlyText(ctx, m)),
    csvCell(throughText(ctx, m.paidThrough)),
    String(m.owedMonths),
    formatYuan(m.owedFen),
  ]);
  return toCsv([header, ...rows]);
}
