// `npm run bench:notice -- [members] [lanes]`: a notice to a whole province of N members (default 1,000,000),
// written by `lanes` concurrent batches (default: what the worker uses).
// Measures, in one run, the time to write the delivery and outbox rows and queue the delivery jobs, and the peak
// RSS of the process doing it; prints both as ratios to the targets (60 s, 1 GB). Uses its own database and
// Redis prefix and removes both afterwards.
import type { Job } from "bullmq";
import { createApp } from "../bot/app.ts";
import { loadConfig } from "../bot/config.ts";
import type { JobData } from "../bot/core/queues.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createNoticeProcessor, NOTICE_BATCH, NOTICE_LANES } from "../workers/notices/notice-processor.ts";
import { benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 1_000_000);
const lanes = Number(process.argv[3] ?? NOTICE_LANES);
const TARGET_MS = 60_000;
const TARGET_RSS = 1024 ** 3;
const database = benchDatabase();
const dbName = database.name;
const url = database.url;

await migrate(url);
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  REDIS_PREFIX: `bench-${dbName}`,
  LOG_LEVEL: "warn",
});
const app = createApp(config);
const { db } = app.deps;
try {
  await seedDemo(db, config);
  const province = await db.organisation.findUniqueOrThrow({ where: { code: "GD" } });
  const branches = (await db.organisation.findMany({ where: { level: "BRANCH" }, select: { id: true } })).map(
    (b) => b.id,
  );
  console.log(`setting up ${members.toLocaleString()} members (4 in 5 bound to a chat)…`);
  await db.$executeRawUnsafe(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
    SELECT lpad((300000000000 + g)::text, 12, '0'), 'bench', md5(g::text), '0000', DATE '2002-01-01', DATE '2019-05-04',
           'STUDENT', (ARRAY[${branches.join(",")}])[1 + g % ${branches.length}], now()
    FROM generate_series(1, ${members}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
    SELECT 'TELEGRAM', 'bench-' || id, 'bench-' || id, id FROM members WHERE name = 'bench' AND id % 5 <> 0`);
  await db.$executeRawUnsafe("ANALYZE");

  const notice = await db.notice.create({
    data: {
      orgId: province.id,
      createdById: 1,
      text: "bench",
      status: "SENDING",
      audiences: { create: [{ orgId: province.id }] },
    },
  });
  const job = {
    data: { noticeId: notice.id, mode: "send" } as JobData<"notices">,
    async updateData(next: JobData<"notices">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"notices">>;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  // Lane time spent queueing the delivery jobs (Redis), the rest of the lane time is writing rows (PostgreSQL).
  let queueingMs = 0;
  const timedOutbox = {
    ...app.deps.outbox,
    async enqueue(rows: Parameters<typeof app.deps.outbox.enqueue>[0]) {
      const t = performance.now();
      await app.deps.outbox.enqueue(rows);
      queueingMs += performance.now() - t;
    },
  };
  const started = performance.now();
  await createNoticeProcessor({ ...app.deps, outbox: timedOutbox }, NOTICE_BATCH, lanes)(job);
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const deliveries = await db.noticeDelivery.count({ where: { noticeId: notice.id } });
  const outbox = await db.outboxMessage.count({ where: { messageKey: "notices-message" } });
  const jobs = await app.deps.queues["delivery-telegram"].count();
  console.log(
    `delivery rows ${deliveries.toLocaleString()}, outbox rows ${outbox.toLocaleString()}, jobs queued ${jobs.toLocaleString()}`,
  );
  console.log(`time ${(elapsed / 1000).toFixed(1)} s — ratio to the 60 s target: ${(elapsed / TARGET_MS).toFixed(2)}`);
  console.log(
    `lane time: queueing jobs ${(queueingMs / 1000).toFixed(1)} s of ${((lanes * elapsed) / 1000).toFixed(1)} s (${lanes} lanes)`,
  );
  console.log(
    `peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB — ratio to the 1 GB target: ${(peakRss / TARGET_RSS).toFixed(2)}`,
  );
  await app.deps.queues["delivery-telegram"].obliterate({ force: true });
} finally {
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", dbName);
}
process.exit();
