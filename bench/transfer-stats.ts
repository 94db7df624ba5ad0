// `npm run bench:stats -- [organisations] [events] [weeks]`: the weekly transfer statistics of every organisation
// (default 100,000 organisations and about 1,000,000 events, all in the measured week: the hardest case), the way
// reports compute them (bot/features/reports/transfer-stats.ts), against one hand-written SQL aggregate over the
// same data with the same definitions. Prints both times, the ratio (target ≤ 1.5×) and the time as a ratio to the
// 5 s target, plus one committee's league table and the Monday job's look-up of active committees. Checks that
// both give the same figures. Uses its own database and drops it afterwards.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  activeCommittees,
  type GroupFigures,
  REPORT_TRANSACTION,
  reportSettings,
  weekFigures,
} from "../bot/features/reports/transfer-stats.ts";
import { weekByKey } from "../bot/features/reports/week.ts";
import { PrismaClient } from "../prisma/generated/client.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { benchDatabase } from "./bench-db.ts";

const ORGS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 1_000_000);
const WEEKS = Number(process.argv[4] ?? 1);
const TARGET_MS = 5_000;
const TARGET_RATIO = 1.5;
const RUNS = 5;
const week = weekByKey("2026-11-09", "Asia/Shanghai");
const asOf = new Date(week.end.getTime() + 33 * 3600_000); // the Monday after, 09:00

// BENCH_REUSE=<database> measures again on a database kept by an earlier run (BENCH_KEEP=1), without setting up.
const reuse = process.env.BENCH_REUSE;
const database = reuse
  ? { ...benchDatabase(), name: reuse, url: benchDatabase().url.replace(/tz_bench_\w+$/, reuse) }
  : benchDatabase();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
const sql = (text: string) => db.$executeRawUnsafe(text);

/** A tree of exactly ORGS organisations: province → 20 cities → 10 counties each → 10 committees each → 5 general
 * branches each → branches for the rest. */
async function buildTree() {
  await sql(`INSERT INTO organisations (id, code, name, level, kind, ancestor_ids, depth, updated_at)
             VALUES (1, 'P', 'province', 'PROVINCE', 'COMMITTEE', '{1}', 0, now())`);
  const levels: [string, number][] = [
    ["CITY", 20],
    ["COUNTY", 10],
    ["GRASSROOTS_COMMITTEE", 10],
    ["GENERAL_BRANCH", 5],
    ["BRANCH", 20],
  ];
  let parentLevel = "PROVINCE";
  for (const [level, fanout] of levels) {
    const count = Number((await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM organisations"))[0]!.n);
    if (count >= ORGS) break;
    await sql(`
      INSERT INTO organisations (id, code, name, level, kind, parent_id, ancestor_ids, depth, updated_at)
      SELECT ${count} + row_number() OVER (ORDER BY p.id, g), 'O' || (${count} + row_number() OVER (ORDER BY p.id, g)),
             'org', '${level}', 'OTHER', p.id,
             p.ancestor_ids || (${count} + row_number() OVER (ORDER BY p.id, g))::int, p.depth + 1, now()
      FROM organisations p, generate_series(1, ${fanout}) g
      WHERE p.level = '${parentLevel}'
      LIMIT ${ORGS} - ${count}`);
    parentLevel = level;
  }
  await sql("SELECT setval(pg_get_serial_sequence('organisations', 'id'), (SELECT max(id) FROM organisations))");
}

/** One staff member per organisation above the general branches (the committees the Monday job writes to). */
async function addStaff() {
  await sql(`INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
             SELECT lpad(id::text, 12, '0'), 'staff', md5(id::text), '0000', DATE '1998-01-01', DATE '2017-05-04',
                    'SALARIED', id, now()
             FROM organisations WHERE level NOT IN ('GENERAL_BRANCH', 'BRANCH')`);
  await sql(`INSERT INTO role_assignments (member_id, org_id, role) SELECT id, org_id, 'COMMITTEE_STAFF' FROM members`);
}

/**
 * Transfers of two steps at random organisations, started through the weeks; each step decided (85% approved,
 * 10% rejected, 5% assigned) after an exponential time with a 30-hour mean, or left pending (10%), sometimes
 * claimed, nudged, escalated; 10% cancelled. About 8 events per transfer.
 */
async function addTransfers() {
  const transfers = Math.round(EVENTS / 8);
  await sql("SELECT setseed(0.42)");
  await sql(`CREATE UNLOGGED TABLE gen AS
    SELECT t, seq, (t - 1) * 2 + seq AS step_id,
           1 + floor(random() * ${ORGS})::int AS org_id,
           started, started + make_interval(secs => -ln(1 - random()) * 30 * 3600) AS decided,
           random() AS r1, random() AS r2, random() AS r3, random() < 0.1 AS business
    FROM (SELECT t, seq, TIMESTAMPTZ '${week.start.toISOString()}'
                 + make_interval(secs => random() * ${WEEKS} * 7 * 86400 + (seq - 1) * 3600) AS started
          FROM generate_series(1, ${transfers}) t, generate_series(1, 2) seq) x`);
  await sql(`INSERT INTO transfer_requests (id, member_id, from_org_id, to_org_id, reason, initiated_by_id, created_at)
             SELECT t, 1, min(org_id), max(org_id), 'FURTHER_STUDY', 1, min(started) FROM gen GROUP BY t`);
  await sql(`INSERT INTO transfer_steps (id, transfer_id, seq, kind, org_id, status, started_at, due_at, sla_hours,
                                         sla_business_hours, decided_at)
             SELECT step_id, t, seq, CASE seq WHEN 1 THEN 'SENDER_APPROVAL' ELSE 'RECEIVER_APPROVAL' END::"TransferStepKind",
                    org_id, CASE WHEN r1 < 0.1 THEN 'PENDING' ELSE 'APPROVED' END::"StepStatus", started,
                    started + CASE WHEN business THEN interval '120 hours' ELSE interval '72 hours' END, 72, business,
                    CASE WHEN r1 >= 0.1 THEN decided END
             FROM gen`);
  await sql(`INSERT INTO transfer_events (transfer_id, step_id, type, org_id, actor_id, at)
    SELECT t, step, kind::"TransferEventType", org, actor, at FROM (
    SELECT t, NULL::int AS step, 'SUBMITTED' AS kind, org_id AS org, 1 AS actor, started - interval '1 minute' AS at
    FROM gen WHERE seq = 1
    UNION ALL SELECT t, step_id, 'STEP_STARTED', org_id, NULL, started FROM gen
    UNION ALL SELECT t, step_id,
                     CASE WHEN r1 < 0.95 THEN 'APPROVED' WHEN r1 < 0.99 THEN 'REJECTED' ELSE 'BRANCH_ASSIGNED' END,
                     org_id, 1, decided FROM gen WHERE r1 >= 0.1 AND r3 >= 0.1
    UNION ALL SELECT t, step_id, 'CANCELLED', NULL, 1, started + (decided - started) / 2 FROM gen WHERE r1 >= 0.1 AND r3 < 0.1
    UNION ALL SELECT t, step_id, 'CLAIMED', org_id, 1, started + interval '2 hours' FROM gen WHERE r2 < 0.3
    UNION ALL SELECT t, step_id, 'NUDGED', org_id, NULL, started + interval '24 hours' FROM gen WHERE decided > started + interval '24 hours' OR r1 < 0.1
    UNION ALL SELECT t, step_id, 'NUDGED', org_id, NULL, started + interval '48 hours' FROM gen WHERE decided > started + interval '48 hours' OR r1 < 0.1
    UNION ALL SELECT g.t, g.step_id, 'ESCALATED', o.parent_id, NULL, started + interval '72 hours'
              FROM gen g JOIN organisations o ON o.id = g.org_id
              WHERE (decided > started + interval '72 hours' OR r1 < 0.1) AND o.parent_id IS NOT NULL
    UNION ALL SELECT t, NULL, 'COMPLETED', NULL, NULL, max(decided) FROM gen WHERE r1 >= 0.1 AND r3 >= 0.1
              GROUP BY t HAVING count(*) = 2) u`);
  await sql("DROP TABLE gen");
  await sql("ANALYZE");
}

/**
 * The same figures for every organisation in one plain statement: decisions pre-aggregated per step. Run with the
 * same session settings as the reports' statement, so the ratio compares the statements, not the settings.
 */
async function handWritten(): Promise<GroupFigures[]> {
  const [, , rows] = await db.$transaction([...reportSettings(db), handWrittenQuery()], REPORT_TRANSACTION);
  return rows;
}

function handWrittenQuery() {
  return db.$queryRawUnsafe<GroupFigures[]>(
    `
    WITH first_decision AS (
      SELECT step_id, min(at) FILTER (WHERE type IN ('APPROVED', 'REJECTED', 'BRANCH_ASSIGNED')) AS decided_at,
             min(at) AS closed_at
      FROM transfer_events
      WHERE type IN ('APPROVED', 'REJECTED', 'BRANCH_ASSIGNED', 'CANCELLED') AND at <= $3
      GROUP BY step_id
    ),
    started AS (
      SELECT e.org_id, e.at, s.sla_hours, s.sla_business_hours, s.due_at, d.decided_at
      FROM transfer_events e JOIN transfer_steps s ON s.id = e.step_id LEFT JOIN first_decision d ON d.step_id = e.step_id
      WHERE e.type = 'STEP_STARTED' AND e.at >= $1 AND e.at < $2 AND e.at <= $3
    ),
    facts AS (
      SELECT org_id, 1 AS r,
             (decided_at IS NOT NULL AND CASE WHEN sla_business_hours THEN decided_at <= due_at
                                              ELSE decided_at <= at + sla_hours * interval '1 hour' END)::int AS w,
             extract(epoch FROM decided_at - at) / 3600.0 AS h, 0 AS b, 0 AS x
      FROM started
      UNION ALL
      SELECT s.org_id, 0, 0, NULL, 1, 0 FROM transfer_steps s LEFT JOIN first_decision d ON d.step_id = s.id
      WHERE s.due_at >= $1 AND s.due_at < $2 AND s.due_at <= $3 AND (d.closed_at IS NULL OR d.closed_at > s.due_at)
      UNION ALL
      SELECT org_id, 0, 0, NULL, 0, 1 FROM transfer_events WHERE type = 'ESCALATED' AND at >= $1 AND at < $2 AND at <= $3
    )
    SELECT org_id AS "orgId", sum(r)::int AS received, sum(w)::int AS "withinSla", count(h)::int AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS "medianHours",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS "p90Hours",
           sum(b)::int AS breaches, sum(x)::int AS escalations
    FROM facts GROUP BY org_id`,
    week.start,
    week.end,
    asOf,
  );
}

async function best<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    value = await fn();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, value };
}

const fingerprint = (rows: GroupFigures[]) =>
  rows
    .map((r) =>
      [
        r.orgId,
        r.received,
        r.withinSla,
        r.decided,
        r.breaches,
        r.escalations,
        r.medianHours?.toFixed(6),
        r.p90Hours?.toFixed(6),
      ].join(","),
    )
    .sort()
    .join("\n");

try {
  const setup = performance.now();
  if (!reuse) {
    await migrate(database.url);
    console.log(`setting up ${ORGS.toLocaleString()} organisations and about ${EVENTS.toLocaleString()} events…`);
    await buildTree();
    await addStaff();
    await addTransfers();
  }
  const [{ orgs, events, inWeek }] = (await db.$queryRawUnsafe<{ orgs: number; events: number; inWeek: number }[]>(
    `SELECT (SELECT count(*)::int FROM organisations) AS orgs, (SELECT count(*)::int FROM transfer_events) AS events,
            (SELECT count(*)::int FROM transfer_events WHERE at >= $1 AND at < $2) AS "inWeek"`,
    week.start,
    week.end,
  )) as [{ orgs: number; events: number; inWeek: number }];
  console.log(
    `${orgs.toLocaleString()} organisations, ${events.toLocaleString()} events (${inWeek.toLocaleString()} in the week), set up in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );

  // Warm both once (caches, plans), then take the best of RUNS each, alternating is not needed: same connection.
  await weekFigures(db, { kind: "all" }, week, asOf);
  await handWritten();
  // Alternating, so a busy machine slows both alike.
  const ours = { ms: Number.POSITIVE_INFINITY, value: [] as GroupFigures[] };
  const baseline = { ms: Number.POSITIVE_INFINITY, value: [] as GroupFigures[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [into, fn] of [
      [ours, () => weekFigures(db, { kind: "all" }, week, asOf)],
      [baseline, handWritten],
    ] as const) {
      const started = performance.now();
      into.value = await fn();
      into.ms = Math.min(into.ms, performance.now() - started);
    }
  }
  if (fingerprint(ours.value) !== fingerprint(baseline.value)) throw new Error("the two computations disagree");
  const received = ours.value.reduce((a, r) => a + r.received, 0);
  console.log(
    `weekly figures, every organisation: ${ours.value.length.toLocaleString()} rows, ${received.toLocaleString()} steps received (same figures both ways)`,
  );
  console.log(
    `  reports (weekFigures): ${ours.ms.toFixed(0)} ms — ratio to the 5 s target: ${(ours.ms / TARGET_MS).toFixed(2)}`,
  );
  console.log(`  hand-written aggregate: ${baseline.ms.toFixed(0)} ms`);
  console.log(`  ratio reports / hand-written: ${(ours.ms / baseline.ms).toFixed(2)} (target ≤ ${TARGET_RATIO})`);

  const province = await db.organisation.findUniqueOrThrow({ where: { id: 1 } });
  const league = await best(() =>
    weekFigures(db, { kind: "children", committeeId: 1, committeeAncestorIds: province.ancestorIds }, week, asOf, {
      total: true,
    }),
  );
  console.log(
    `the province's league table (whole tree rolled up to ${league.value.length - 1} children): ${league.ms.toFixed(0)} ms`,
  );
  const committees = await best(async () => {
    const all: number[] = [];
    for (let after: number | null = 0; after !== null; ) {
      const batch = await activeCommittees(db, week, after, 500);
      all.push(...batch.committees);
      after = batch.next;
    }
    return all;
  });
  console.log(
    `the Monday job's committees with activity: ${committees.value.length.toLocaleString()} in ${committees.ms.toFixed(0)} ms (batches of 500)`,
  );
} finally {
  await db.$disconnect();
  if (!process.env.BENCH_KEEP && !reuse) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
