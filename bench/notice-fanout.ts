// `npm run bench:notice -- [members] [lanes] [runs]`: a notice to a whole province of N members (default
// 1,000,000), written by `lanes` concurrent batches (default: what the worker uses), `runs` times in a row (default
// 1; each run a new notice, the previous one's rows removed, no CHECKPOINT forced: the server's own come as they
// come). Measures each run's time to write the delivery and outbox rows (HELD) and feed the delivery queue its
// first window, and the peak RSS of the process doing it; prints both as ratios to the targets (60 s, 1 GB). Uses
// its own database and Redis prefix and removes both afterwards.
import { loadavg } from "node:os";
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
const runs = Number(process.argv[4] ?? 1);
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

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
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

    // Lane time spent feeding the delivery queue (Redis and the feeder's statement); the rest is writing rows.
    let feedingMs = 0;
    const timedOutbox = {
      ...app.deps.outbox,
      async feed(now: Date) {
        const t = performance.now();
        const fed = await app.deps.outbox.feed(now);
        feedingMs += performance.now() - t;
        return fed;
      },
    };
    const started = performance.now();
    await createNoticeProcessor({ ...app.deps, outbox: timedOutbox }, NOTICE_BATCH, lanes)(job);
    const elapsed = performance.now() - started;
    times.push(elapsed);

    const deliveries = await db.noticeDelivery.count({ where: { noticeId: notice.id } });
    const held = await db.outboxMessage.count({ where: { messageKey: "notices-message", status: "HELD" } });
    const outbox = await db.outboxMessage.count({ where: { messageKey: "notices-message" } });
    const jobs = await app.deps.queues["delivery-telegram"].count();
    console.log(
      `run ${run}: delivery rows ${deliveries.toLocaleString()}, outbox rows ${outbox.toLocaleString()} ` +
        `(${held.toLocaleString()} held for the feeder), jobs queued ${jobs.toLocaleString()}`,
    );
    console.log(
      `run ${run}: time ${(elapsed / 1000).toFixed(1)} s — ratio to the 60 s target: ` +
        `${(elapsed / TARGET_MS).toFixed(2)}; lane time feeding the queue ${(feedingMs / 1000).toFixed(1)} s of ` +
        `${((lanes * elapsed) / 1000).toFixed(1)} s (${lanes} lanes); load ${loadavg()[0]!.toFixed(1)}`,
    );
    await app.deps.queues["delivery-telegram"].obliterate({ force: true });
    await db.$executeRawUnsafe("TRUNCATE notice_deliveries, outbox_messages");
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const worst = Math.max(...times);
  const under = times.filter((t) => t < TARGET_MS).length;
  console.log(
    `${under} of ${runs} runs under 60 s; worst ${(worst / 1000).toFixed(1)} s — ratio ${(worst / TARGET_MS).toFixed(2)}`,
  );
  console.log(
    `peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB — ratio to the 1 GB target: ${(peakRss / TARGET_RSS).toFixed(2)}`,
  );
} finally {
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", dbName);
}
process.exit();
