// How many PostgreSQL connections each process of a bench may hold (DATABASE_POOL_SIZE), so that all of them fit
// the server. Every process has its own pool; on a shared server (max_connections 100, everyone's tests) four
// processes of 10 plus the bench's own pool did not fit, and the processes' pools timed out connecting.
// The budget: max_connections, less the slots kept for superusers, less the connections open now (anyone's), less
// this bench's own pool at its full size, less headroom for others' tests that start meanwhile; shared out equally
// and never more than one process is given in production (`wanted`), so one and several processes compare fairly.
import type pg from "pg";

export interface PoolBudget {
  maxConnections: number;
  reserved: number;
  /** Open now, not counting the bench's own pool (counted at its full size in `own`). */
  inUse: number;
  own: number;
  headroom: number;
  processes: number;
  wanted: number;
  perProcess: number;
}

/** Fewer connections than this per process and the bench would measure waiting for a pool slot. */
const LEAST = 2;

export async function poolBudget(
  pool: pg.Pool,
  options: { processes: number; wanted: number; ownPoolMax: number; headroom?: number },
): Promise<PoolBudget> {
  const { rows } = await pool.query<{ max: string; reserved: string; open: string }>(
    `SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved,
            (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS open`,
  );
  const row = rows[0]!;
  const headroom = options.headroom ?? 10;
  // The query's own connection is one of the pool's, so the pool's open connections come off what is open.
  const inUse = Math.max(0, Number(row.open) - pool.totalCount);
  const free = Number(row.max) - Number(row.reserved) - inUse - options.ownPoolMax - headroom;
  const budget: PoolBudget = {
    maxConnections: Number(row.max),
    reserved: Number(row.reserved),
    inUse,
    own: options.ownPoolMax,
    headroom,
    processes: options.processes,
    wanted: options.wanted,
    perProcess: Math.min(options.wanted, Math.floor(free / options.processes)),
  };
  if (budget.perProcess < LEAST) {
    throw new Error(
      `PostgreSQL has too few connections free for ${options.processes} process(es): ${describeBudget(budget)}; ` +
        `each needs at least ${LEAST}. Wait for a quieter server or raise its max_connections.`,
    );
  }
  return budget;
}

export function describeBudget(b: PoolBudget): string {
  const free = b.maxConnections - b.reserved - b.inUse - b.own - b.headroom;
  return (
    `max_connections ${b.maxConnections} − ${b.reserved} reserved − ${b.inUse} in use − ${b.own} this bench's own ` +
    `− ${b.headroom} headroom = ${free} free → ${b.processes} process(es) × DATABASE_POOL_SIZE ${b.perProcess}` +
    (b.perProcess < b.wanted ? ` (of ${b.wanted} wanted)` : "")
  );
}
