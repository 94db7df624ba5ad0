// `npm run bench:season -- [graduates] [lanes] [tick minutes]`: a graduate season (default 100,000 graduates) lived
// through a compressed June on a virtual clock. Graduates submit their transfers (75% 升学 to another school's 团支部,
// two steps; 25% to an employer's 团委, three steps) on days that crowd towards the end of June; each step's leader
// acts after a realistic delay (most within a day, 4% beyond 72 h, some claim first, 2% reject). The SLA timers
// (nudges at 24/48 h, escalations from 72 h), the daily graduate reminders and the Monday league tables run as the
// workers would, through the same services and processors. Time moves in ticks (default 5 virtual minutes): every
// event due in a tick runs at once on `lanes` concurrent lanes (default 4), so a tick is a burst of that much work.
//
// Measures, in one run, each as a ratio to its goal:
//   - late timers: wall time from the tick that made an SLA timer due to its nudge/escalation written, p99 ≤ 60 s;
//   - the Monday report: wall time of the weekly job and every committee's table, the longest Monday ≤ 60 s;
//   - queue depths: timers waiting never more than one per open step plus one per step decided in the last 24 h
//     (a decided step leaves its next stage's timer, due within 24 h, to fire and do nothing), and the delivery backlog (outbox rows
//     queued, drained at the platform's rate) empties within an hour;
//   - nudges and escalations sent (reported as counts).
// The timers port is replaced by a virtual one (a heap in this process) and the clock is injected; delivery jobs are
// counted, not put into Redis (rows are still written and marked QUEUED). Uses its own database; drops it afterwards.
import { createApp } from "../bot/app.ts";
import type { CoreDeps } from "../bot/core/feature.ts";
import type { JobData, QueueName } from "../bot/core/queues.ts";
import type { Timer, Timers } from "../bot/core/timers.ts";
import { claimStep, decideStep, submitTransfer } from "../bot/features/transfers/workflow.ts";
import type { Platform } from "../bot/infra/db.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createGraduatesProcessor } from "../workers/graduates/graduates-processor.ts";
import { createReportProcessor } from "../workers/reports/report-processor.ts";
import { createSlaProcessor } from "../workers/transfers/sla-processor.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";
import { collectingReports, fakeJob } from "./fake-jobs.ts";
import { seasonTree } from "./season-tree.ts";

const GRADUATES = Number(process.argv[2] ?? 100_000);
const LANES = Number(process.argv[3] ?? 4);
const TICK = Number(process.argv[4] ?? 5) * 60_000;
const GOAL_LATE_MS = 60_000;
const GOAL_MONDAY_MS = 60_000;
const GOAL_DRAIN_MS = 3_600_000;
const H = 3_600_000;
const DAY = 24 * H;
// June 2026 in Asia/Shanghai (UTC+8, no daylight saving): 1 June is a Monday.
const JUNE = Date.parse("2026-05-31T16:00:00Z");
const END = JUNE + 45 * DAY;

// A seeded generator, so two runs live the same June.
let seed = 20260601;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** How long a leader takes to act on a step: most within the day, a tail beyond 72 h. */
function leaderDelay(): number {
  const r = rand();
  if (r < 0.7) return -Math.log(1 - rand()) * 4 * H;
  if (r < 0.9) return (12 + rand() * 36) * H;
  if (r < 0.96) return (48 + rand() * 24) * H;
  return (72 + rand() * 96) * H;
}

/** A submission time in June, crowding towards graduation at the month's end, in waking hours (08–22 CST). */
function submitTime(): number {
  const day = Math.floor(30 * Math.sqrt(rand()));
  return JUNE + day * DAY + (8 + rand() * 14) * H;
}

type Event =
  | {
      kind: "submit";
      at: number;
      memberId: number;
      toOrgId: number;
      reason: "FURTHER_STUDY" | "EMPLOYED_WITH_LEAGUE_ORG";
    }
  | { kind: "act"; at: number; stepId: number; leaderId: number; act: "approve" | "reject" | "assign" | "claim" }
  | { kind: "timer"; at: number; queue: QueueName; id: string; data: unknown; cancelled?: boolean }
  | { kind: "monday"; at: number }
  | { kind: "daily"; at: number; day: string };

/** A min-heap of events by time. */
class Heap {
  private items: Event[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Event | undefined {
    return this.items[0];
  }
  push(e: Event) {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= a[i]!.at) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): Event | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database, { TZ: "Asia/Shanghai" });
let vnow = JUNE;
const app = createApp(config, { now: () => new Date(vnow) });
const { db } = app.deps;
const heap = new Heap();

// The timers port on the virtual clock: one waiting timer per id, as BullMQ job ids give.
const waitingTimers = new Map<string, Event & { kind: "timer" }>();
let peakTimers = 0;
const timers: Timers = {
  async set<Q extends QueueName>(queue: Q, list: Timer<Q>[]) {
    for (const t of list) {
      if (waitingTimers.has(t.id)) continue;
      const e = { kind: "timer" as const, at: t.at.getTime(), queue, id: t.id, data: t.data };
      waitingTimers.set(t.id, e);
      heap.push(e);
    }
    peakTimers = Math.max(peakTimers, waitingTimers.size);
  },
  async cancel(_queue, id) {
    const e = waitingTimers.get(id);
    if (e) e.cancelled = true;
    waitingTimers.delete(id);
  },
};

// Delivery jobs counted, not queued: the backlog is modelled as drained at the platform's rate.
let queuedRows = 0;
const outbox = {
  ...app.deps.outbox,
  async enqueue(rows: { id: bigint; platform: Platform }[]) {
    queuedRows += rows.length;
  },
  async dispatch(ids: bigint[]) {
    if (!ids.length) return;
    await db.outboxMessage.updateMany({ where: { id: { in: ids }, status: "PENDING" }, data: { status: "QUEUED" } });
    queuedRows += ids.length;
  },
};
const committeeJobs: JobData<"reports">[] = [];
const queues = collectingReports(app.deps.queues, committeeJobs);
const deps: CoreDeps = { ...app.deps, timers, outbox, queues };

async function main() {
  await seasonTree(db, GRADUATES);
  const orgs = await db.organisation.findMany({ select: { id: true, code: true, ancestorIds: true, parentId: true } });
  const leaderRows = await db.roleAssignment.findMany({ select: { memberId: true, orgId: true } });
  const leaderOf = new Map(leaderRows.map((r) => [r.orgId, r.memberId]));
  const schoolOf = new Map(orgs.map((o) => [o.id, o.ancestorIds[2]]));
  const schoolBranches = orgs.filter((o) => /^B\d/.test(o.code)).map((o) => o.id);
  const employers = orgs.filter((o) => /^E\d/.test(o.code)).map((o) => o.id);
  const employerBranches = new Map<number, number[]>();
  for (const o of orgs.filter((o) => /^EB\d/.test(o.code))) {
    employerBranches.set(o.parentId!, [...(employerBranches.get(o.parentId!) ?? []), o.id]);
  }
  const graduates = await db.member.findMany({ where: { hasLeaguePost: false }, select: { id: true, orgId: true } });
  for (const g of graduates) {
    if (rand() < 0.75) {
      let to = pick(schoolBranches);
      while (schoolOf.get(to) === schoolOf.get(g.orgId)) to = pick(schoolBranches);
      heap.push({ kind: "submit", at: submitTime(), memberId: g.id, toOrgId: to, reason: "FURTHER_STUDY" });
    } else {
      heap.push({
        kind: "submit",
        at: submitTime(),
        memberId: g.id,
        toOrgId: pick(employers),
        reason: "EMPLOYED_WITH_LEAGUE_ORG",
      });
    }
  }
  for (let d = 0; d < 45; d++) {
    const at = JUNE + d * DAY;
    if (new Date(at + 8 * H).getUTCDay() === 1) heap.push({ kind: "monday", at: at + 9 * H });
    heap.push({ kind: "daily", at: at + 10 * H, day: new Date(at + 8 * H).toISOString().slice(0, 10) });
  }

  // A step just started: its leader acts later (claiming first, sometimes, when it will be slow).
  async function plan(stepId: number) {
    const step = await db.transferStep.findUniqueOrThrow({
      where: { id: stepId },
      select: { orgId: true, kind: true },
    });
    const leaderId = leaderOf.get(step.orgId)!;
    const delay = leaderDelay();
    if (delay > 30 * H && rand() < 0.4) heap.push({ kind: "act", at: vnow + 25 * H, stepId, leaderId, act: "claim" });
    const act = step.kind === "BRANCH_ASSIGNMENT" ? "assign" : rand() < 0.02 ? "reject" : "approve";
    heap.push({ kind: "act", at: vnow + delay, stepId, leaderId, act });
  }
  /** What autovacuum's ANALYZE has not yet seen of the tables the Monday reads (the season grows them from empty). */
  const staleness = async () =>
    (
      await db.$queryRaw<{ relname: string; changed: bigint; live: bigint }[]>`
        SELECT relname, n_mod_since_analyze AS changed, n_live_tup AS live FROM pg_stat_user_tables
        WHERE relname IN ('transfer_events', 'transfer_steps', 'transfer_requests') ORDER BY relname`
    )
      .map((r) => `${r.relname} ${r.changed.toLocaleString()} of ${r.live.toLocaleString()}`)
      .join(", ");
  const pendingStepOf = async (transferId: number) =>
    (await db.transferStep.findFirst({ where: { transferId, status: "PENDING" }, select: { id: true } }))?.id;

  const sla = createSlaProcessor(deps);
  const report = createReportProcessor(deps);
  const reminders = createGraduatesProcessor(deps);
  const late: number[] = [];
  const mondays: { day: string; ms: number; committees: number }[] = [];
  const dailies: number[] = [];
  let submitted = 0;
  let refused = 0;
  let dailyRetries = 0;
  let timerRetries = 0;
  const dailyFailures: string[] = [];
  let reportRetries = 0;
  let events = 0;
  let failed = 0;
  let decided = 0;
  let slaFired = 0;
  let peakReady = 0;
  let backlog = 0;
  let peakBacklog = 0;
  let peakOpen = 0;
  // Steps decided in the last 24 h: each may leave its next stage's timer waiting (it fires and does nothing).
  const recentDecisions: number[] = [];
  let decisionsFrom = 0;
  let peakTimerRatio = 0;
  let open = 0;

  async function run(e: Event, releasedAt: number) {
    switch (e.kind) {
      case "submit": {
        const r = await submitTransfer(deps, {
          memberId: e.memberId,
          initiatorId: e.memberId,
          toOrgId: e.toOrgId,
          reason: e.reason,
        });
        if (!r.ok) {
          refused++;
          return;
        }
        submitted++;
        open++;
        const stepId = await pendingStepOf(r.transferId);
        if (stepId) await plan(stepId);
        return;
      }
      case "act": {
        if (e.act === "claim") {
          await claimStep(deps, e.leaderId, e.stepId);
          return;
        }
        const step = await db.transferStep.findUniqueOrThrow({
          where: { id: e.stepId },
          select: { transferId: true, orgId: true },
        });
        const act =
          e.act === "assign"
            ? { action: "assign" as const, branchId: pick(employerBranches.get(step.orgId) ?? [0]) }
            : e.act === "reject"
              ? { action: "reject" as const, code: "INCOMPLETE_INFO" as const, note: null }
              : { action: "approve" as const };
        const r = await decideStep(deps, e.leaderId, e.stepId, act);
        if (!r.ok) {
          if (failed++ < 5) console.log(`  a leader's ${e.act} on step ${e.stepId} failed: ${JSON.stringify(r)}`);
          return;
        }
        decided++;
        recentDecisions.push(vnow);
        if (r.transferStatus === "IN_PROGRESS") {
          const next = await pendingStepOf(step.transferId);
          if (next) await plan(next);
        } else open--;
        return;
      }
      case "timer": {
        if (e.cancelled) return;
        waitingTimers.delete(e.id);
        if (e.queue !== "transfer-sla") throw new Error(`unexpected timer on ${e.queue}`);
        // Retried as BullMQ would, and counted: a stage and a leader's decision on the same step once deadlocked here
        // (the stage now locks the transfer first, as decisions do), so a retry now means something new.
        let outcome: Awaited<ReturnType<typeof sla>>;
        for (let attempt = 1; ; attempt++) {
          try {
            outcome = await sla(fakeJob(e.data as JobData<"transfer-sla">));
            break;
          } catch (err) {
            timerRetries++;
            if (attempt === 5) throw err;
          }
        }
        if (outcome.status === "sent") {
          slaFired++;
          late.push(performance.now() - releasedAt);
        }
        return;
      }
      case "monday": {
        const t = performance.now();
        committeeJobs.length = 0;
        const stale = await staleness();
        await report(fakeJob<JobData<"reports">>({ task: "weekly" }));
        const weeklyMs = performance.now() - t;
        const jobs = [...committeeJobs];
        const jobMs: number[] = [];
        let next = 0;
        // Two committee jobs at a time, each retried as BullMQ would, and counted (two identical charts stored at once
        // once collided on the media row's unique hash; storing by hash is now idempotent).
        const worker = async () => {
          while (next < jobs.length) {
            const job = fakeJob(jobs[next++]!);
            const started = performance.now();
            for (let attempt = 1; ; attempt++) {
              try {
                await report(job);
                jobMs.push(performance.now() - started);
                break;
              } catch (err) {
                reportRetries++;
                if (attempt === 5) throw err;
              }
            }
          }
        };
        await Promise.all([worker(), worker()]);
        mondays.push({
          day: new Date(vnow + 8 * H).toISOString().slice(0, 10),
          ms: performance.now() - t,
          committees: jobs.length,
        });
        jobMs.sort((a, b) => a - b);
        console.log(
          `  Monday ${mondays.at(-1)!.day}: ${secs(mondays.at(-1)!.ms)} — weekly job ${secs(weeklyMs)}, ${jobs.length} committee jobs p50 ${secs(pct(jobMs, 50))}, max ${secs(jobMs.at(-1) ?? 0)}; rows changed since the planner's last statistics: ${stale}`,
        );
        return;
      }
      case "daily": {
        const t = performance.now();
        // Retried as BullMQ would (5 attempts), resuming from the job's cursor; the failed tries are counted.
        const job = fakeJob<JobData<"graduates">>({ task: "daily", day: e.day });
        for (let attempt = 1; ; attempt++) {
          try {
            await reminders(job);
            break;
          } catch (err) {
            dailyRetries++;
            if (attempt === 5) {
              // Given up, as BullMQ would after its attempts: counted and reported, the month goes on.
              dailyFailures.push(`${e.day}: ${(err as Error).message.split("\n").at(-1)}`);
              break;
            }
          }
        }
        dailies.push(performance.now() - t);
        return;
      }
    }
  }

  // What autovacuum would do, in the background as its workers do: this machine's PostgreSQL runs with
  // `autovacuum = off`, and without it the planner keeps the statistics of the empty tables the season started
  // with (the Monday of 8 June took 22.6 s, its weekly statement 5.6 s, against 1.4 s for a larger month in
  // bench:monday). Every minute, each table past autovacuum's default threshold (50 rows + 10% changed) is analysed.
  const autovacuumOff =
    (await db.$queryRaw<{ on: string }[]>`SELECT current_setting('autovacuum') AS on`)[0]?.on === "off";
  const analysed = new Map<string, number>();
  let lastAnalyse = performance.now();
  let analysing: Promise<void> = Promise.resolve();
  const autoanalyse = async () => {
    const due = await db.$queryRaw<{ relname: string }[]>`
      SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) ORDER BY s.relname`;
    for (const { relname } of due) {
      await db.$executeRawUnsafe(`ANALYZE "${relname}"`);
      analysed.set(relname, (analysed.get(relname) ?? 0) + 1);
    }
  };

  // SIGINT/SIGTERM stops the month where it has got to and still prints the figures (and drops the database).
  let stop = false;
  const halt = () => {
    stop = true;
  };
  process.once("SIGINT", halt);
  process.once("SIGTERM", halt);
  const wallStart = performance.now();
  let lastReport = wallStart;
  let tickEnd = JUNE;
  while (heap.size && tickEnd < END && !stop) {
    const first = heap.peek()!.at;
    const prev = tickEnd;
    tickEnd = Math.max(tickEnd + TICK, Math.ceil(first / TICK) * TICK);
    // The delivery backlog drains at the platform's rate over the virtual time that passed.
    backlog = Math.max(0, backlog - ((tickEnd - prev) / 1000) * config.TELEGRAM_SENDS_PER_SECOND);
    vnow = tickEnd;
    const released = performance.now();
    let ready = 0;
    const lane = async () => {
      for (;;) {
        const top = heap.peek();
        if (!top || top.at > tickEnd) return;
        heap.pop();
        ready++;
        events++;
        await run(top, released);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    if (autovacuumOff && performance.now() - lastAnalyse > 60_000) {
      lastAnalyse = performance.now();
      analysing = analysing.then(autoanalyse);
    }
    peakReady = Math.max(peakReady, ready);
    peakOpen = Math.max(peakOpen, open);
    while (decisionsFrom < recentDecisions.length && recentDecisions[decisionsFrom]! <= vnow - DAY) decisionsFrom++;
    const bound = open + (recentDecisions.length - decisionsFrom);
    if (bound) peakTimerRatio = Math.max(peakTimerRatio, waitingTimers.size / bound);
    backlog += queuedRows;
    queuedRows = 0;
    peakBacklog = Math.max(peakBacklog, backlog);
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(
        `  ${new Date(vnow + 8 * H).toISOString().slice(0, 16)} CST: late p99 so far ${secs(
          pct(
            [...late].sort((a, b) => a - b),
            99,
          ),
        )}, ${submitted.toLocaleString()} submitted, ${open.toLocaleString()} open, ${waitingTimers.size.toLocaleString()} timers waiting, ${events.toLocaleString()} events (${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
      );
    }
  }
  const wallMs = performance.now() - wallStart;
  await analysing;

  const nudges = await db.transferEvent.count({ where: { type: "NUDGED" } });
  const escalations = await db.transferEvent.count({
    where: { type: "ESCALATED", NOT: { data: { path: ["stage"], equals: 0 } } },
  });
  const completed = await db.transferRequest.count({ where: { status: "COMPLETED" } });
  const stillOpen = await db.transferRequest.count({ where: { status: "IN_PROGRESS" } });
  late.sort((a, b) => a - b);
  const worstMonday = mondays.reduce((a, b) => (b.ms > a.ms ? b : a), { day: "-", ms: 0, committees: 0 });
  console.log(
    `June lived in ${secs(wallMs)} (${TICK / 60_000}-minute ticks, ${LANES} lanes): ${submitted.toLocaleString()} transfers submitted (${refused} refused), ${decided.toLocaleString()} decisions (${failed} failed), ${completed.toLocaleString()} completed, ${stillOpen} still open on ${new Date(vnow + 8 * H).toISOString().slice(0, 16)} CST${stop ? " (stopped early)" : ""}`,
  );
  console.log(
    `nudges sent ${nudges.toLocaleString()}, escalations ${escalations.toLocaleString()} (SLA timers that wrote something: ${slaFired.toLocaleString()}; tries that failed and were retried ${timerRetries})`,
  );
  console.log(
    `late timers (tick due → nudge written): p50 ${secs(pct(late, 50))}, p99 ${secs(pct(late, 99))}, max ${secs(late.at(-1) ?? 0)} — p99 ratio to the 60 s goal: ${(pct(late, 99) / GOAL_LATE_MS).toFixed(3)}`,
  );
  console.log(
    `Monday report: ${mondays.map((m) => `${m.day} ${secs(m.ms)} (${m.committees} committees)`).join(", ")} — longest ratio to the 60 s goal: ${(worstMonday.ms / GOAL_MONDAY_MS).toFixed(3)}; committee tries that failed and were retried ${reportRetries}`,
  );
  console.log(
    `daily graduate reminders: longest run ${secs(Math.max(0, ...dailies))}, tries that failed and were retried ${dailyRetries}; days given up after 5 tries: ${dailyFailures.length ? dailyFailures.join("; ") : "none"}`,
  );
  console.log(
    `queue depth: timers waiting peak ${peakTimers.toLocaleString()} (open transfers peak ${peakOpen.toLocaleString()}) — worst ratio to the bound of one per open step plus one per step decided in the last 24 h: ${peakTimerRatio.toFixed(2)}; events due in one tick peak ${peakReady.toLocaleString()}`,
  );
  console.log(
    autovacuumOff
      ? `autovacuum is off on this server; its ANALYZE was done for it: ${[...analysed].map(([t, n]) => `${t} ×${n}`).join(", ") || "nothing was due"}`
      : "autovacuum is on: the server kept the statistics",
  );
  const drainMs = (peakBacklog / config.TELEGRAM_SENDS_PER_SECOND) * 1000;
  console.log(
    `delivery backlog peak ${Math.round(peakBacklog).toLocaleString()} rows at ${config.TELEGRAM_SENDS_PER_SECOND}/s = ${(drainMs / 60_000).toFixed(1)} min to drain — ratio to the 1 h goal: ${(drainMs / GOAL_DRAIN_MS).toFixed(2)}`,
  );
}

try {
  await main();
} finally {
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
