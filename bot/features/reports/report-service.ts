// League tables in the database: who may see which, building a committee's table for a week, and sending it.
import type { CoreDeps } from "../../core/feature.ts";
import { type I18n, locales, type Translate } from "../../core/i18n.ts";
import { storeImage } from "../../core/images.ts";
import { type Db, OrgLevel, Role } from "../../infra/db.ts";
import {
  type CampaignPart,
  campaignChartSections,
  campaignParts,
  formatCampaignParts,
} from "../campaigns/report-part.ts";
import { drawLeagueChart } from "./chart.ts";
import { drawNamedLeagueChart } from "./named-chart.ts";
import {
  emptyFigures,
  formatDuration,
  formatPercent,
  formatRows,
  type LeagueRow,
  type LeagueTable,
  leagueTable,
  responseRate,
  type WeekFigures,
} from "./rules.ts";
import { weekFigures } from "./transfer-stats.ts";
import type { Week } from "./week.ts";
import { ensureWeekFacts, factsFigures } from "./week-facts.ts";

/** Who may look at a league table, within their own subtree. */
export const REPORT_ROLES: readonly Role[] = [Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.ADMIN];

export const REPORT_MESSAGE = "reports-table";

export interface LeagueOrg {
  id: number;
  name: string;
  ancestorIds: number[];
}

export interface League {
  org: LeagueOrg;
  week: Week;
  /** The whole subtree's figures (median and P90 over every response in it). */
  total: WeekFigures;
  table: LeagueTable;
  /** Children shown in the table that have children of their own (a table of theirs is worth opening). */
  drillable: Set<number>;
  /** The second part: each open campaign reaching into the subtree, completion per child organisation. */
  campaigns: CampaignPart[];
}

/**
 * The committee's subtree for the week, one row per child (its subtree rolled up), worst first. Figures as of
 * `asOf` from the event log, or with `fromFacts` from the week's stored facts (week-facts.ts: the caller has made
 * sure of them, and `asOf` is their moment).
 */
export async function buildLeague(
  db: Db,
  org: LeagueOrg,
  week: Week,
  asOf: Date,
  { fromFacts = false } = {},
): Promise<League> {
  const grouping = { kind: "children", committeeId: org.id, committeeAncestorIds: org.ancestorIds } as const;
  const [figures, children, campaigns] = await Promise.all([
    fromFacts ? factsFigures(db, grouping, week) : weekFigures(db, grouping, week, asOf, { total: true }),
    db.organisation.findMany({ where: { parentId: org.id }, select: { id: true, name: true, level: true } }),
    campaignParts(db, org),
  ]);
  const names = new Map([[org.id, org.name], ...children.map((c) => [c.id, c.name] as const)]);
  const rows: LeagueRow[] = figures
    .filter((f) => f.orgId !== null)
    .map((f) => ({ ...f, orgId: f.orgId!, name: names.get(f.orgId!) ?? `#${f.orgId}` }));
  const { orgId: _total, ...total } = figures.find((f) => f.orgId === null) ?? { orgId: null, ...emptyFigures() };
  const table = leagueTable(
    rows,
    children.map((c) => c.id),
  );
  const drillable = new Set(children.filter((c) => c.level !== OrgLevel.BRANCH).map((c) => c.id));
  return { org, week, total, table, drillable, campaigns };
}

/** "zh-CN" → "Zh", "en" → "En": the suffix of the arguments a locale's catalogue reads (`$rowsZh`, `$rowsEn`). */
export const localeSuffix = (locale: string) => locale.charAt(0).toUpperCase() + locale.slice(1, 2);

/**
 * The catalogue arguments of `reports-table`. Durations are words ("20 秒", "20 seconds"), so the rows and times
 * are written once per locale and each catalogue reads its own: one stored row reads right in any language.
 */
export function leagueArgs(league: League, i18n: I18n): Record<string, string | number> {
  const { total, table, week } = league;
  const perLocale: Record<string, string> = {};
  for (const locale of locales) {
    const t = i18n.translator(locale);
    const suffix = localeSuffix(locale);
    perLocale[`median${suffix}`] = formatDuration(total.medianHours, t);
    perLocale[`p90${suffix}`] = formatDuration(total.p90Hours, t);
    perLocale[`rows${suffix}`] = formatRows(table, t);
    perLocale[`campaigns${suffix}`] = formatCampaignParts(league.campaigns, t);
  }
  return {
    ...perLocale,
    org: league.org.name,
    from: week.key,
    to: week.lastDay,
    // A week without transfers (a table sent for its campaigns only) sums to nothing: zero, not a missing value.
    received: total.received ?? 0,
    within: total.withinSla ?? 0,
    rate: formatPercent(responseRate(total)),
    breaches: total.breaches ?? 0,
    escalations: total.escalations ?? 0,
    more: table.more,
    quiet: table.quiet,
  };
}

/** Something to report: transfers in the week, or an open campaign. */
export const hasRows = (league: League) => league.table.shown.length > 0 || league.campaigns.length > 0;

/** The bar chart of the rows shown, as PNG bytes: named bars with the CJK font file, numbered bars without it. */
export async function leagueChart(league: League, fontFile: string, t?: Translate): Promise<Buffer> {
  const caption = `${league.week.key} ~ ${league.week.lastDay}`;
  const sections = t ? campaignChartSections(league.campaigns, t) : [];
  return (
    (await drawNamedLeagueChart(caption, league.table.shown, fontFile, sections)) ??
    drawLeagueChart({ caption, rows: league.table.shown })
  );
}

/**
 * The Monday table for one committee, to each of its staff: one outbox row per staff member and chat, keyed by
 * organisation, week and member, so a re-run (a retried job, a second scheduler tick) writes nothing twice.
 * Returns the rows written (none when the subtree was quiet or everyone has it already).
 */
export async function sendWeeklyLeague(deps: CoreDeps, orgId: number, week: Week): Promise<bigint[]> {
  const { db } = deps;
  const org = await db.organisation.findUnique({
    where: { id: orgId },
    select: { id: true, name: true, ancestorIds: true, level: true },
  });
  if (!org || org.level === OrgLevel.BRANCH) return [];
  const staff = await db.roleAssignment.findMany({
    where: { orgId, role: Role.COMMITTEE_STAFF },
    select: { memberId: true },
    orderBy: { memberId: "asc" },
  });
  if (!staff.length) return [];
  // The week's facts, computed by the weekly job before it queued this one (or here, should they be missing).
  const asOf = await ensureWeekFacts(db, week, deps.now());
  const league = await buildLeague(db, org, week, asOf, { fromFacts: true });
  if (!hasRows(league)) return [];
  // Stored once per content: the same chart drawn again by a re-run is the same row.
  const chart = await leagueChart(league, deps.config.CHART_FONT_FILE, deps.i18n.translator(locales[0]));
  const imageId = await storeImage(db, chart, "image/png");
  const args = leagueArgs(league, deps.i18n);
  // Every staff member's rows in one INSERT (no transaction needed): a committee's job is one of thousands.
  const ids = await deps.outbox.toMembers(
    db,
    staff.map(({ memberId }) => ({
      memberId,
      message: {
        messageKey: REPORT_MESSAGE,
        args,
        imageId,
        dedupeKey: `report:${week.key}:org:${org.id}:member:${memberId}`,
      },
    })),
  );
  await deps.outbox.dispatch(ids);
  return ids;
}
