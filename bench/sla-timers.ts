// `npm run bench:sla -- [steps] [firing] [window seconds] [concurrency]`: N open transfer steps (default 100,000), each with its
// service-level timer pending in Redis as a delayed job; `firing` of them (default 2,000) fall due spread over a
// window (default 20 s) while the rest wait. Measures, in one run:
//   - lateness of the nudges that fell due: when the worker started the job, and when the nudge was written
//     (outbox row committed), minus the stage's due time — p50/p99/max, p99 as a ratio to the 5 s target;
//   - Redis memory per pending timer (INFO memory used_memory before/after adding the waiting timers, and
//     MEMORY USAGE of a sample of job hashes);
//   - the time to schedule the timers and one reconciler pass over every open step (with some timers deleted).
// Uses its own database and Redis prefix and removes both afterwards. Redis is shared with whatever else runs on
// it, so the used_memory difference is noisy when other work is going on; the sampled figure is not.
import { type Job, Worker } from "bullmq";
import { createApp } from "../bot/app.ts";
import type { JobData } from "../bot/core/queues.ts";
import { stageDueAt } from "../bot/features/transfers/sla/stages.ts";
import { scheduleStepTimers, slaJobId } from "../bot/features/transfers/sla/timers.ts";
import { createRedis } from "../bot/infra/redis.ts";
import { quitRedis } from "../bot/lifecycle.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { reconcileSla } from "../workers/transfers/reconcile-sla.ts";
import { createSlaProcessor } from "../workers/transfers/sla-processor.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const steps = Number(process.argv[2] ?? 100_000);
const firing = Math.min(steps, Number(process.argv[3] ?? 2_000));
const windowMs = Number(process.argv[4] ?? 20) * 1000;
const TARGET_P99_MS = 5_000;
const CONCURRENCY = Number(process.argv[5] ?? 20);
const H = 3_600_000;

const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database);
const app = createApp(config);
const { db, redis, queues } = app.deps;
const queue = queues["transfer-sla"];
const workerConnection = createRedis(config.REDIS_URL, "worker");
let worker: Worker | undefined;

const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? 0);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function scheduleAll(ids: number[]) {
  for (let i = 0; i < ids.length; i += 5000) await scheduleStepTimers(app.deps, ids.slice(i, i + 5000));
}

try {
  await seedDemo(db, config);
  const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
  const committee = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });
  // The branch's 团支书 gets the nudges: give her a chat so every nudge writes an outbox row.
  const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
  await db.chatIdentity.upsert({
    where: { memberId_platform: { memberId: secretary.id, platform: "TELEGRAM" } },
    create: {
      platform: "TELEGRAM",
      externalUserId: "bench-secretary",
      chatId: "bench-secretary",
      memberId: secretary.id,
    },
    update: {},
  });
  const members = (await db.member.findMany({ where: { orgId: branch.id }, select: { id: true } })).map((m) => m.id);

  console.log(`setting up ${steps.toLocaleString()} open transfer steps…`);
  const now = Date.now();
  // Waiting steps: their first nudge falls due between 1 h and 47 h from now.
  await db.$executeRawUnsafe(`
    INSERT INTO transfer_requests (member_id, from_org_id, to_org_id, reason, initiated_by_id, created_at)
    SELECT m, ${branch.id}, ${committee.id}, 'FURTHER_STUDY', m, now()
    FROM (SELECT (ARRAY[${members.join(",")}])[1 + g % ${members.length}] AS m FROM generate_series(1, ${steps}) g) s`);
  await db.$executeRawUnsafe(`
    INSERT INTO transfer_steps (transfer_id, seq, kind, org_id, status, started_at, due_at, sla_hours, sla_business_hours)
    SELECT id, 1, 'SENDER_APPROVAL', ${branch.id}, 'PENDING', t, t + interval '72 hours', 72, false
    FROM (SELECT id, to_timestamp((${now} + 3600000 * (1 + id % 46) - ${24 * H}) / 1000.0) AS t FROM transfer_requests) r`);
  await db.$executeRawUnsafe("ANALYZE");
  const allIds = (await db.transferStep.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
  const firingIds = allIds.slice(0, firing);
  const waitingIds = allIds.slice(firing);

  await queue.obliterate({ force: true });
  const before = await usedMemory();
  let started = performance.now();
  await scheduleAll(waitingIds);
  const scheduleMs = performance.now() - started;
  const after = await usedMemory();
  const pending = await queue.getDelayedCount();
  const sample = waitingIds.filter((_, i) => i % Math.max(1, Math.floor(waitingIds.length / 200)) === 0);
  let sampled = 0;
  for (const id of sample) sampled += Number((await redis.call("MEMORY", "USAGE", queue.toKey(slaJobId(id, 1)))) ?? 0);
  console.log(
    `scheduled ${pending.toLocaleString()} pending timers in ${secs(scheduleMs)} (${((waitingIds.length / scheduleMs) * 1000).toFixed(0)}/s)`,
  );
  console.log(
    `Redis memory per pending timer: ${((after - before) / waitingIds.length).toFixed(0)} B (used_memory before/after: ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MB); job hash alone (MEMORY USAGE, ${sample.length} sampled): ${(sampled / sample.length).toFixed(0)} B`,
  );

  // The worker, recording when each job starts and when its nudge is committed, against the stage's due time.
  const dueOf = new Map<number, number>();
  const startLate: number[] = [];
  const doneLate: number[] = [];
  const runTimes: number[] = [];
  const fire = createSlaProcessor(app.deps);
  worker = new Worker(
    "transfer-sla",
    async (job: Job<JobData<"transfer-sla">>, token?: string) => {
      const due = dueOf.get(job.data.stepId);
      const t = Date.now();
      const outcome = await fire(job, token);
      if (due !== undefined && job.data.stage === 1 && outcome.status === "sent") {
        startLate.push(t - due);
        doneLate.push(Date.now() - due);
        runTimes.push(Date.now() - t);
      }
      return outcome;
    },
    { connection: workerConnection, prefix: `{${config.REDIS_PREFIX}}`, concurrency: CONCURRENCY },
  );
  worker.on("error", () => {});
  await worker.waitUntilReady();

  // The firing steps fall due spread over the window, which opens once they have surely been scheduled (a timer
  // added after its due time would count the scheduling as lateness).
  const lead = 10_000 + 10 * firingIds.length;
  const base = Date.now() + lead;
  for (let i = 0; i < firingIds.length; i++) {
    const due = base + Math.floor((i * windowMs) / firingIds.length);
    dueOf.set(firingIds[i]!, due);
  }
  for (let i = 0; i < firingIds.length; i += 1000) {
    const chunk = firingIds.slice(i, i + 1000);
    const values = chunk.map((id) => `(${id}, ${dueOf.get(id)! - 24 * H})`).join(",");
    await db.$executeRawUnsafe(`
      UPDATE transfer_steps s SET started_at = to_timestamp(v.t / 1000.0), due_at = to_timestamp(v.t / 1000.0) + interval '72 hours'
      FROM (VALUES ${values}) AS v(id, t) WHERE s.id = v.id`);
  }
  // Check the timetable agrees with the due times set (the processor computes stage 1 from started_at).
  const probe = await db.transferStep.findUniqueOrThrow({ where: { id: firingIds[0]! } });
  if (stageDueAt(probe, 1, new Map()).getTime() !== dueOf.get(probe.id)) throw new Error("bench due time mismatch");
  const scheduling = performance.now();
  await scheduleAll(firingIds);
  const schedulingMs = performance.now() - scheduling;
  if (Date.now() > base) console.log(`warning: the firing timers were scheduled after the first fell due`);
  console.log(
    `(the firing timers were updated and scheduled in ${secs(schedulingMs)}; the window opens ${secs(base - Date.now())} from now)`,
  );
  console.log(
    `${firing.toLocaleString()} nudges fall due over ${windowMs / 1000} s while ${waitingIds.length.toLocaleString()} timers wait; worker concurrency ${CONCURRENCY}…`,
  );

  const deadline = Date.now() + windowMs + 120_000;
  while (doneLate.length < firing && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const nudges = await db.transferEvent.count({ where: { type: "NUDGED" } });
  const rows = await db.outboxMessage.count({ where: { messageKey: "sla-nudge" } });
  startLate.sort((a, b) => a - b);
  doneLate.sort((a, b) => a - b);
  console.log(
    `nudges fired ${doneLate.length.toLocaleString()} / ${firing.toLocaleString()} (events ${nudges}, outbox rows ${rows})`,
  );
  if (doneLate.length) {
    console.log(
      `lateness at job start: p50 ${secs(pct(startLate, 50))}, p99 ${secs(pct(startLate, 99))}, max ${secs(startLate.at(-1)!)}`,
    );
    console.log(
      `lateness when the nudge is written: p50 ${secs(pct(doneLate, 50))}, p99 ${secs(pct(doneLate, 99))}, max ${secs(doneLate.at(-1)!)} — p99 ratio to the 5 s target: ${(pct(doneLate, 99) / TARGET_P99_MS).toFixed(2)}`,
    );
  }
  runTimes.sort((a, b) => a - b);
  if (runTimes.length) {
    console.log(
      `one nudge job takes p50 ${pct(runTimes, 50)} ms, p99 ${pct(runTimes, 99)} ms (${CONCURRENCY} at a time: about ${((CONCURRENCY * 1000) / pct(runTimes, 50)).toFixed(0)} jobs/s at most; ${(firing / (windowMs / 1000)).toFixed(0)}/s fall due)`,
    );
  }
  await worker.close();
  worker = undefined;

  // One reconciler pass over every open step, with 1% of the timers lost.
  const lostIds = waitingIds.filter((_, i) => i % 100 === 0);
  for (const id of lostIds) await queue.remove(slaJobId(id, 1));
  started = performance.now();
  const report = await reconcileSla(app.deps);
  console.log(
    `reconciler: ${report.checked.toLocaleString()} open steps checked, ${report.restored.toLocaleString()} timers restored (${lostIds.length.toLocaleString()} deleted) in ${secs(performance.now() - started)}`,
  );
  started = performance.now();
  const again = await reconcileSla(app.deps);
  console.log(`reconciler again: ${again.restored} restored in ${secs(performance.now() - started)}`);
} finally {
  await worker?.close();
  await queue.obliterate({ force: true }).catch(() => {});
  await quitRedis(workerConnection);
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
