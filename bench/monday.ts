// `npm run bench:monday -- [graduates]`: one Monday's league tables at the height of the graduate season, without
// living the month (bench:season takes about 100 minutes at 100,000). The season's tree (season-tree.ts) and its
// transfers up to Monday 29 June 09:00 are written straight into the event log with the season's shapes (75% 升学 in
// two steps, 25% to an employer's 团委 in three; leaders acting after the season's delays, 4% beyond 72 h, 2%
// rejecting; nudges at 24/48 h, escalations from 72 h one level higher every 24 h; 10% business-hour steps), crowding
// towards the month's end as the season's submissions do. Then the weekly job and every committee job run through
// the reports processor, two committee jobs at a time as the reports worker runs them (start-workers.ts), with the
// queue and the delivery faked as bench:season fakes them. Prints the Monday's wall time (the weekly job, the
// committee jobs, the slowest committee) and its ratio to the 60 s goal.
// BENCH_KEEP=1 keeps the database; BENCH_REUSE=1 with BENCH_DB=<kept> measures again without setting up (the
// week's tables, facts and report rows are deleted first, so the Monday runs as the first time). BENCH_LANES=<n>
// runs n committee jobs at a time instead of the worker's two, to see what a higher concurrency would give.
import { createApp } from "../bot/app.ts";
import type { JobData } from "../bot/core/queues.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createReportProcessor } from "../workers/reports/report-processor.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";
import { collectingReports, fakeJob } from "./fake-jobs.ts";
import { seasonTree } from "./season-tree.ts";

const GRADUATES = Number(process.argv[2] ?? 100_000);
const GOAL_MS = 60_000;
const LANES = Number(process.env.BENCH_LANES ?? 2);
// June 2026 in Asia/Shanghai: 1 June is a Monday; the Monday measured is 29 June, 09:00, the week 22–28 June.
const JUNE = "2026-06-01T00:00:00+08:00";
const MONDAY = new Date("2026-06-29T09:00:00+08:00");
const WEEK = "2026-06-22";

const database = benchDatabase();
const reuse = Boolean(process.env.BENCH_REUSE);
// Also on a kept database: it may predate a migration.
await migrate(database.url);
const config = benchConfig(database, { TZ: "Asia/Shanghai" });
const app = createApp(config, { now: () => MONDAY });
const { db } = app.deps;
const sql = (text: string) => db.$executeRawUnsafe(text);

/** A leader's delay in hours from two uniform numbers, as bench:season draws it (leaderDelay there). */
const delay = (r: string, u: string) => `make_interval(secs => 3600 * CASE WHEN ${r} < 0.7 THEN -ln(1 - ${u}) * 4
  WHEN ${r} < 0.9 THEN 12 + ${u} * 36 WHEN ${r} < 0.96 THEN 48 + ${u} * 24 ELSE 72 + ${u} * 96 END)`;

async function transfers() {
  const asOf = `TIMESTAMPTZ '${MONDAY.toISOString()}'`;
  await sql("SELECT setseed(0.2026)");
  // One transfer per graduate submitting by the Monday: the day as bench:season draws it (crowding towards the end),
  // in waking hours.
  // The destination by its code ('B<k>', 'E<k>'): an array of every 团支部's id beside each row was carried through
  // the numbering's sort, 200 KB a row at 1,000,000 graduates, and ran the server out of disk.
  await sql(`CREATE UNLOGGED TABLE bench_transfers AS
    WITH n AS (SELECT count(*) FILTER (WHERE code ~ '^B\\d') AS branches,
                      count(*) FILTER (WHERE code ~ '^E\\d') AS employers FROM organisations),
         g AS (SELECT m.id AS member_id, m.org_id AS from_org, random() < 0.75 AS study, random() AS pick,
                      TIMESTAMPTZ '${JUNE}' + make_interval(days => floor(30 * sqrt(random()))::int,
                                                            secs => (8 + random() * 14) * 3600) AS submitted
               FROM members m WHERE NOT m.has_league_post)
    SELECT row_number() OVER (ORDER BY g.member_id)::int AS id, g.member_id, g.from_org, g.study, g.submitted,
           o.id AS to_org
    FROM g CROSS JOIN n
    JOIN organisations o ON o.code = CASE WHEN g.study THEN 'B' || (1 + floor(g.pick * n.branches))::int
                                          ELSE 'E' || (1 + floor(g.pick * n.employers))::int END
    WHERE g.submitted <= ${asOf}`);
  // Each transfer's steps one after another: the sender's approval, the receiver's, and for an employer's 团委 the
  // assignment of a 团支部. A step starts when the one before is approved; 2% of approvals are rejections instead.
  await sql(`CREATE UNLOGGED TABLE bench_steps AS
    WITH r AS (
      SELECT t.*, ARRAY[random(), random(), random()] AS r, ARRAY[random(), random(), random()] AS u
      FROM bench_transfers t),
    s AS (
      SELECT r.id AS transfer_id, r.submitted,
             ARRAY[r.from_org, r.to_org, r.to_org] AS orgs, CASE WHEN r.study THEN 2 ELSE 3 END AS n,
             ARRAY[${delay("r.r[1]", "r.u[1]")}, ${delay("r.r[2]", "r.u[2]")}, ${delay("r.r[3]", "r.u[3]")}] AS d,
             ARRAY[random() < 0.02, random() < 0.02, false] AS rejects, random() < 0.1 AS business
      FROM r),
    steps AS (
      SELECT s.transfer_id, k AS seq, s.n, s.orgs[k] AS org_id, s.business, s.rejects[k] AS rejects,
             s.submitted + COALESCE((SELECT sum(x) FROM unnest(s.d[1:k - 1]) x), interval '0') AS started,
             s.submitted + (SELECT sum(x) FROM unnest(s.d[1:k]) x) AS decided,
             COALESCE((SELECT bool_or(r) FROM unnest(s.rejects[1:k - 1]) r), false) AS after_reject
      FROM s, generate_series(1, 3) k WHERE k <= s.n)
    SELECT transfer_id, seq, n, org_id, business, started, CASE WHEN decided <= ${asOf} THEN decided END AS decided,
           CASE WHEN seq = 3 THEN 'BRANCH_ASSIGNED' WHEN rejects THEN 'REJECTED' ELSE 'APPROVED' END AS outcome
    FROM steps WHERE NOT after_reject AND started <= ${asOf}`);
  await sql(`INSERT INTO transfer_requests (id, member_id, from_org_id, to_org_id, reason, status, initiated_by_id,
                                            created_at, closed_at)
    SELECT t.id, t.member_id, t.from_org, t.to_org,
           CASE WHEN t.study THEN 'FURTHER_STUDY' ELSE 'EMPLOYED_WITH_LEAGUE_ORG' END::"TransferReason",
           CASE WHEN last.outcome = 'REJECTED' AND last.decided IS NOT NULL THEN 'REJECTED'
                WHEN last.seq = last.n AND last.decided IS NOT NULL THEN 'COMPLETED' ELSE 'IN_PROGRESS' END::"TransferStatus",
           t.member_id, t.submitted, last.decided
    FROM bench_transfers t
    JOIN (SELECT DISTINCT ON (transfer_id) * FROM bench_steps ORDER BY transfer_id, seq DESC) last
      ON last.transfer_id = t.id`);
  await sql(`INSERT INTO transfer_steps (transfer_id, seq, kind, org_id, status, started_at, due_at, sla_hours,
                                         sla_business_hours, decided_at)
    SELECT transfer_id, seq, (ARRAY['SENDER_APPROVAL', 'RECEIVER_APPROVAL', 'BRANCH_ASSIGNMENT'])[seq]::"TransferStepKind",
           org_id, CASE WHEN decided IS NULL THEN 'PENDING' WHEN outcome = 'REJECTED' THEN 'REJECTED'
                        ELSE 'APPROVED' END::"StepStatus",
           started, started + CASE WHEN business THEN interval '120 hours' ELSE interval '72 hours' END, 72, business,
           decided
    FROM bench_steps`);
  // The log: submitted, each step started and decided, nudges at 24/48 h and escalations from 72 h while undecided
  // (one level higher every 24 h, up to the province), completions.
  await sql(`INSERT INTO transfer_events (transfer_id, step_id, type, org_id, at)
    SELECT transfer_id, step_id, type::"TransferEventType", org_id, at FROM (
      SELECT id AS transfer_id, NULL::int AS step_id, 'SUBMITTED' AS type, from_org AS org_id, submitted AS at
      FROM bench_transfers
      UNION ALL SELECT s.transfer_id, s.id, 'STEP_STARTED', s.org_id, s.started_at FROM transfer_steps s
      UNION ALL SELECT s.transfer_id, s.id, b.outcome, s.org_id, s.decided_at
                FROM transfer_steps s JOIN bench_steps b USING (transfer_id, seq) WHERE s.decided_at IS NOT NULL
      UNION ALL SELECT s.transfer_id, s.id, 'NUDGED', s.org_id, s.started_at + make_interval(hours => h)
                FROM transfer_steps s, unnest(ARRAY[24, 48]) h
                WHERE s.started_at + make_interval(hours => h) < COALESCE(s.decided_at, ${asOf})
      UNION ALL SELECT s.transfer_id, s.id, 'ESCALATED', o.ancestor_ids[cardinality(o.ancestor_ids) - k],
                       s.started_at + make_interval(hours => 72 + 24 * (k - 1))
                FROM transfer_steps s JOIN organisations o ON o.id = s.org_id,
                     generate_series(1, cardinality(o.ancestor_ids) - 1) k
                WHERE s.started_at + make_interval(hours => 72 + 24 * (k - 1)) < COALESCE(s.decided_at, ${asOf})
      UNION ALL SELECT id, NULL, 'COMPLETED', to_org_id, closed_at FROM transfer_requests WHERE status = 'COMPLETED'
    ) e`);
  await sql(
    "SELECT setval(pg_get_serial_sequence('transfer_requests', 'id'), (SELECT max(id) FROM transfer_requests))",
  );
  await sql("DROP TABLE bench_transfers, bench_steps");
  await sql("ANALYZE");
}

/** A kept database measured again: the week's tables as if never sent. */
async function forgetTheMonday() {
  await sql(`DELETE FROM outbox_messages WHERE message_key = 'reports-table'`);
  // The week's facts, when there are any (they are written by the weekly job).
  await sql(`DO $$ BEGIN
    IF to_regclass('report_weeks') IS NOT NULL THEN DELETE FROM report_weeks WHERE week = DATE '${WEEK}'; END IF;
  END $$`);
}

async function monday() {
  const committeeJobs: JobData<"reports">[] = [];
  const queues = collectingReports(app.deps.queues, committeeJobs);
  // Rows written and marked queued, not put into Redis (as bench:season).
  const outbox = {
    ...app.deps.outbox,
    async dispatch(ids: bigint[]) {
      if (ids.length) {
        await db.outboxMessage.updateMany({
          where: { id: { in: ids }, status: "PENDING" },
          data: { status: "QUEUED" },
        });
      }
    },
  };
  const report = createReportProcessor({ ...app.deps, queues, outbox });
  const started = performance.now();
  await report(fakeJob<JobData<"reports">>({ task: "weekly" }));
  const weeklyMs = performance.now() - started;
  const times: number[] = [];
  let next = 0;
  let written = 0;
  const lane = async () => {
    while (next < committeeJobs.length) {
      const job = committeeJobs[next++]!;
      const t = performance.now();
      const result = (await report(fakeJob(job))) as { written: number };
      written += result.written;
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    `Monday ${WEEK}: ${s(ms)} for ${committeeJobs.length} committees (${written} messages) — weekly job ${s(weeklyMs)}, committee jobs ${s(ms - weeklyMs)} on ${LANES} lanes (median ${(times[times.length >> 1] ?? 0).toFixed(0)} ms, slowest ${(times.at(-1) ?? 0).toFixed(0)} ms) — ratio to the 60 s goal: ${(ms / GOAL_MS).toFixed(3)}`,
  );
}

try {
  if (reuse) await forgetTheMonday();
  else {
    const t = performance.now();
    await seasonTree(db, GRADUATES);
    await transfers();
    const [counts] = await db.$queryRawUnsafe<{ transfers: number; events: number; week: number }[]>(
      `SELECT (SELECT count(*)::int FROM transfer_requests) AS transfers,
              (SELECT count(*)::int FROM transfer_events) AS events,
              (SELECT count(*)::int FROM transfer_events WHERE at >= DATE '${WEEK}' AND at < DATE '${WEEK}' + 7) AS week`,
    );
    console.log(
      `set up in ${((performance.now() - t) / 1000).toFixed(0)} s: ${counts!.transfers.toLocaleString()} transfers, ${counts!.events.toLocaleString()} events (${counts!.week.toLocaleString()} in the week)`,
    );
  }
  await monday();
} finally {
  await app.close();
  if (process.env.BENCH_KEEP || reuse) console.log("kept", database.name);
  else await database.drop();
}
process.exit();
