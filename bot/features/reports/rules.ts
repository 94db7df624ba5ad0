// The league table as numbers and lines: response rate, worst-first order and locale-neutral rows. Pure.
// Rows hold only names and figures (the column headings come from the catalogue), so one stored table reads right
// in each recipient's language when the delivery worker renders it.

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

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

export function formatHours(hours: number | null): string {
  return hours === null ? "—" : `${hours.toFixed(1)}h`;
}

/** "3. 电子与信息学院团总支 | 50% | 1/2 | 40.0h | 70.0h | 1 | 1": number, name, rate, within/received, median, P90, breaches, escalations. */
export function formatRow(index: number, row: LeagueRow): string {
  return [
    `${index}. ${row.name}`,
    formatPercent(responseRate(row)),
    `${row.withinSla}/${row.received}`,
    formatHours(row.medianHours),
    formatHours(row.p90Hours),
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

export const formatRows = (table: LeagueTable) => table.shown.map((r, i) => formatRow(i + 1, r)).join("\n");
