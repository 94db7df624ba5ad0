// "我的志愿时长", /hours: the member's own credits, newest first, with this year's and the total hours.
import type { Context } from "../../core/feature.ts";
import { formatDate } from "../membership/format.ts";
import { rolesOf } from "../orgs/scope.ts";
import { startExport } from "./export.ts";
import { hoursTotals, recentCredits } from "./ledger.ts";
import { formatHours } from "./rules.ts";

/** Credits listed in the chat; the totals always count every one. */
const MAX_LINES = 20;
const EXPORT_WORDS = /^(export|csv|导出|表格?|汇总)/i;

/** `/hours` (and `/hours export [branch]` for leaders). */
export async function hoursCommand(ctx: Context, arg: string) {
  const text = arg.trim();
  if (EXPORT_WORDS.test(text)) return startExport(ctx, text.replace(EXPORT_WORDS, "").trim());
  return showMine(ctx);
}

export async function showMine(ctx: Context) {
  const member = ctx.member!;
  const { db, config } = ctx.deps;
  const [totals, credits, roles] = await Promise.all([
    hoursTotals(db, member.id, ctx.deps.now(), config.TZ),
    recentCredits(db, member.id, MAX_LINES + 1),
    rolesOf(db, member.id),
  ]);
  const leaderButtons = roles.length ? [[ctx.button("volunteer-button-export", "go:volunteer.export")]] : undefined;
  if (credits.length === 0) return ctx.say("volunteer-mine-none", {}, leaderButtons);
  const lines = [
    ctx.t("volunteer-mine-title", {
      year: String(totals.year),
      yearHours: formatHours(totals.yearMinutes),
      totalHours: formatHours(totals.totalMinutes),
    }),
    ...credits.slice(0, MAX_LINES).map((c) =>
      ctx.t("volunteer-mine-line", {
        date: formatDate(c.creditedAt, ctx.locale, config.TZ),
        hours: formatHours(c.minutes),
        source: c.activity ? "activity" : "entry",
        title: c.activity?.title ?? "",
        by: c.enteredBy?.name ?? "-",
        reason: c.reason ?? "",
      }),
    ),
  ];
  if (credits.length > MAX_LINES) lines.push(ctx.t("volunteer-mine-more"));
  ctx.reply(lines.join("\n"), leaderButtons);
}
