// The league table as numbers and lines: response rate, worst-first order and the rows as text. Pure.
// Durations read in the recipient's units, so rows are formatted once per locale (see leagueArgs) and each
// catalogue shows its own; the column headings come from the catalogue.
import type { Translate } from "../../core/i18n.ts";

/** One organisation's (or one child's rolled-up subtree's) transfer figures for a week. */
export interface WeekFigures {
  received: number;
  /** Steps received this week that were decided within their service level. */
  withinSla: number;
  /** Steps received this week that have been decided (approved, rejected or assigned). */
  decided: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Steps whose deadline fell this week with no decision by then. */
  breaches: number;
  escalations: number;
}

export interface LeagueRow extends WeekFigures {
  orgId: number;
  name: string;
}

/** At most this many rows (and bars) in a table: the worst ones, which are the ones to act on. */
export const MAX_ROWS = 30;

export const emptyFigures = (): WeekFigures => ({
  received: 0,
  withinSla: 0,
  decided: 0,
  medianHours: null,
  p90Hours: null,
  breaches: 0,
  escalations: 0,
});

/** Handled within the service level / received; null when nothing was received. */
export function responseRate(f: Pick<WeekFigures, "received" | "withinSla">): number | null {
  return f.received ? f.withinSla / f.received : null;
}

export const hadActivity = (f: WeekFigures) => f.received > 0 || f.breaches > 0 || f.escalations > 0;

/**
 * Worst first: the lowest response rate, then the most breaches, then the most escalations. Rows that received
 * nothing have no rate and come after those that did (the most breaches first among them). Ties by name, then id,
 * so the order never depends on the database.
 */
export function rankWorstFirst<T extends LeagueRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    const ra = responseRate(a);
    const rb = responseRate(b);
    if ((ra === null) !== (rb === null)) return ra === null ? 1 : -1;
    if (ra !== null && rb !== null && ra !== rb) return ra - rb;
    return (
      b.breaches - a.breaches ||
      b.escalations - a.escalations ||
      a.name.localeCompare(b.name, "zh-CN") ||
      a.orgId - b.orgId
    );
  });
}

/** One decimal, rounded half up: 200/216 → "92.6%"; whole numbers without ".0" ("50%"); below 1 never "100%". */
export function formatPercent(rate: number | null): string {
  if (rate === null) return "—";
  const rounded = Math.round(Number((rate * 1000).toPrecision(12)));
  // Not "100%" while something was missed.
  const tenths = rate < 1 ? Math.min(rounded, 999) : rounded;
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

export type DurationUnit = "seconds" | "minutes" | "hours";

/**
 * A response time in the unit a person reads it in: under a minute in whole seconds ("20 秒", not "0.0h"), under an
 * hour in whole minutes, otherwise hours with at most one decimal. The number and the unit's catalogue key.
 */
export function durationOf(hours: number): { unit: DurationUnit; n: number } {
  const seconds = Math.round(hours * 3600);
  if (seconds < 60) return { unit: "seconds", n: seconds };
  // 59 min 40 s rounds to 60 minutes: that is "1 小时".
  if (Math.round(seconds / 60) < 60) return { unit: "minutes", n: Math.round(seconds / 60) };
  return { unit: "hours", n: Math.round(hours * 10) / 10 };
}

/** "7.5 小时" / "7.5 hours" through the catalogue's plural-aware unit messages; "—" when there is nothing. */
export function formatDuration(hours: number | null, t: Translate): string {
  if (hours === null) return "—";
  const { unit, n } = durationOf(hours);
  return t(`reports-duration-${unit}`, { n });
}

/** "3. 电子与信息学院团总支 | 66.7% | 2/3 | 3 小时 | 64.6 小时 | 1 | 2": number, name, rate, within/received, median, nine in ten within, breaches, escalations. */
export function formatRow(index: number, row: LeagueRow, t: Translate): string {
  return [
    `${index}. ${row.name}`,
    formatPercent(responseRate(row)),
    `${row.withinSla}/${row.received}`,
    formatDuration(row.medianHours, t),
    formatDuration(row.p90Hours, t),
    String(row.breaches),
    String(row.escalations),
  ].join(" | ");
}

export interface LeagueTable {
  /** The rows shown, worst first and numbered from 1 (the chart's bars carry the same numbers). */
  shown: LeagueRow[];
  /** Rows with activity left out beyond MAX_ROWS. */
  more: number;
  /** Child organisations with no transfer activity this week. */
  quiet: number;
}

/** Rows with activity, ranked; children without any only counted. `childIds` = every child of the committee. */
export function leagueTable(rows: readonly LeagueRow[], childIds: readonly number[], max = MAX_ROWS): LeagueTable {
  const active = rankWorstFirst(rows.filter(hadActivity));
  const activeIds = new Set(active.map((r) => r.orgId));
  return {
    shown: active.slice(0, max),
    more: Math.max(0, active.length - max),
    quiet: childIds.filter((id) => !activeIds.has(id)).length,
  };
}

export const formatRows = (table: LeagueTable, t: Translate) =>
  table.shown.map((r, i) => formatRow(i + 1, r, t)).join("\n");
