// `npm run bench:campaign -- [members]`: a committee opens 团籍注册 for an audience of N members (default 100,000),
// 4 in 5 bound to a chat; the opening fan-out writes every entry and opening message and queues the delivery jobs,
// then the first reminder round does the same for everyone who has not answered (9 in 10, by then).
// Measures, in one run, the time from the committee's "open" to every reminder job queued, and the peak RSS of the
// process doing it; prints both as ratios to the targets (60 s, 1 GB). Uses its own database (tuanzhu_campaigns)
// and Redis prefix and removes both afterwards (BENCH_KEEP=1 keeps the database).
import type { Job } from "bullmq";
import { createApp } from "../bot/app.ts";
import { loadConfig } from "../bot/config.ts";
import type { JobData } from "../bot/core/queues.ts";
import { openCampaign } from "../bot/features/campaigns/campaign-service.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createCampaignProcessor } from "../workers/campaigns/campaign-processor.ts";
import { benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 100_000);
const TARGET_MS = 60_000;
const TARGET_RSS = 1024 ** 3;
const database = benchDatabase("tuanzhu_campaigns");
const url = database.url;

await database.drop();
await migrate(url);
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  REDIS_PREFIX: `bench-${database.name}`,
  LOG_LEVEL: "warn",
});
const app = createApp(config);
const { db, queues } = app.deps;
try {
  await seedDemo(db, config);
  const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });
  const staff = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } });
  const branches = (
    await db.organisation.findMany({ where: { level: "BRANCH", ancestorIds: { has: scut.id } }, select: { id: true } })
  ).map((b) => b.id);
  console.log(`setting up ${members.toLocaleString()} members of ${branches.length} branches (4 in 5 bound)…`);
  await db.$executeRawUnsafe(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
    SELECT lpad((300000000000 + g)::text, 12, '0'), 'bench', md5(g::text), '0000', DATE '2002-01-01', DATE '2019-05-04',
           'STUDENT', (ARRAY[${branches.join(",")}])[1 + g % ${branches.length}], now()
    FROM generate_series(1, ${members}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
    SELECT 'TELEGRAM', 'bench-' || id, 'bench-' || id, id FROM members WHERE name = 'bench' AND id % 5 <> 0`);
  await db.$executeRawUnsafe("ANALYZE");

  const run = (data: JobData<"campaigns">) => {
    const job = {
      data,
      async updateData(next: JobData<"campaigns">) {
        job.data = next;
      },
    } as unknown as Job<JobData<"campaigns">>;
    return createCampaignProcessor(app.deps)(job);
  };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const today = { year: 2026, month: 11, day: 18 };
  const started = performance.now();
  const opened = await openCampaign(
    app.deps,
    staff.id,
    {
      kind: "registration",
      orgId: scut.id,
      childIds: [],
      label: "2026",
      opensOn: today,
      closesOn: { year: 2026, month: 12, day: 31 },
      remindEveryDays: 7,
    },
    today,
  );
  if (opened.kind !== "opened") throw new Error(`not opened: ${JSON.stringify(opened)}`);
  const campaignId = opened.campaign.id;
  await run({ task: "open", campaignId });
  const openedMs = performance.now() - started;
  // A tenth answer before the first reminder.
  await db.$executeRawUnsafe(`
    UPDATE campaign_entries SET response = '{"status":"confirmed"}', responded_at = now()
    WHERE campaign_id = ${campaignId} AND member_id % 10 = 3`);
  const remindStarted = performance.now();
  await run({ task: "remind", campaignId, round: 1 });
  const elapsed = openedMs + (performance.now() - remindStarted);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const entries = await db.campaignEntry.count({ where: { campaignId } });
  const opening = await db.outboxMessage.count({ where: { messageKey: "campaigns-registration-open" } });
  const reminders = await db.outboxMessage.count({ where: { messageKey: "campaigns-registration-remind" } });
  const jobs = await queues["delivery-telegram"].count();
  console.log(
    `entries ${entries.toLocaleString()}, opening messages ${opening.toLocaleString()}, reminders ${reminders.toLocaleString()}, delivery jobs queued ${jobs.toLocaleString()}`,
  );
  console.log(
    `open ${(openedMs / 1000).toFixed(1)} s, first reminder round ${((elapsed - openedMs) / 1000).toFixed(1)} s`,
  );
  console.log(`time ${(elapsed / 1000).toFixed(1)} s — ratio to the 60 s target: ${(elapsed / TARGET_MS).toFixed(2)}`);
  console.log(
    `peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB — ratio to the 1 GB target: ${(peakRss / TARGET_RSS).toFixed(2)}`,
  );
  await queues["delivery-telegram"].obliterate({ force: true });
  await queues.campaigns.obliterate({ force: true });
} finally {
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
