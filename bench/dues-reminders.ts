// `npm run bench:dues -- [members]`: the monthly dues reminder over a province of N members (default 1,000,000)
// in 10,000 branches under 100 团总支, each member with a paid history, four in five bound to a chat.
// Measures, in one run, the whole campaign job — who owes (worked out in SQL per batch), the reminders' outbox rows
// and delivery jobs, and the 团支书 / committee lists — and the peak RSS of the process doing it; prints both as
// ratios to the targets (60 s, 1 GB). Uses its own database and Redis prefix and removes both afterwards.
import type { Job } from "bullmq";
import { createApp } from "../bot/app.ts";
import type { JobData } from "../bot/core/queues.ts";
import { addMonths, monthOf } from "../bot/features/dues/months.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createDuesProcessor } from "../workers/dues/dues-processor.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 1_000_000);
const GENERAL_BRANCHES = 100;
const BRANCHES_EACH = 100;
const TARGET_MS = 60_000;
const TARGET_RSS = 1024 ** 3;
const database = benchDatabase();

await migrate(database.url);
const config = benchConfig(database);
const app = createApp(config);
const { db } = app.deps;
const sql = (text: string) => db.$executeRawUnsafe(text);
try {
  await seedDemo(db, config);
  const now = new Date();
  const month = monthOf(now, config.TZ);
  const joined = addMonths(month, -22);
  const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });
  const branches = GENERAL_BRANCHES * BRANCHES_EACH;
  console.log(`setting up ${members.toLocaleString()} members in ${branches.toLocaleString()} branches…`);
  const setup = performance.now();
  // 团总支 with a staff member each, and their 团支部; ancestor ids filled in once the ids exist.
  await sql(`
    INSERT INTO organisations (code, name, level, parent_id, ancestor_ids, depth, updated_at)
    SELECT 'B-' || g, '团总支' || g, 'GENERAL_BRANCH', ${scut.id}, '{}', ${scut.depth + 1}, now()
    FROM generate_series(1, ${GENERAL_BRANCHES}) g`);
  await sql(`UPDATE organisations SET ancestor_ids = ARRAY[${scut.ancestorIds.join(",")}] || id WHERE code LIKE 'B-%'`);
  await sql(`
    INSERT INTO organisations (code, name, level, parent_id, ancestor_ids, depth, updated_at)
    SELECT p.code || '-' || g, p.name || '团支部' || g, 'BRANCH', p.id, p.ancestor_ids, p.depth + 1, now()
    FROM organisations p CROSS JOIN generate_series(1, ${BRANCHES_EACH}) g WHERE p.code LIKE 'B-%'`);
  await sql(`UPDATE organisations SET ancestor_ids = ancestor_ids || id WHERE code LIKE 'B-%-%'`);
  // Members spread over the branches: a mix of categories, joined 22 months ago.
  await sql(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, monthly_income_fen,
                         org_id, updated_at)
    SELECT lpad((300000000000 + g)::text, 12, '0'), 'bench' || g, md5(g::text), '0000', DATE '2002-01-01',
           make_date(${Math.floor(joined / 100)}, ${joined % 100}, 4),
           (ARRAY['STUDENT', 'NO_INCOME', 'SALARIED'])[1 + g % 3]::"DuesCategory",
           CASE WHEN g % 3 = 2 THEN 150000 + (g % 7) * 100000 END,
           b.id, now()
    FROM generate_series(1, ${members}) g
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM organisations WHERE code LIKE 'B-%-%') b
      ON b.n = g % ${branches}`);
  // A paid history: one imported payment each, paid up to 0–7 months before this one (the seed's mix).
  await sql("SET session_replication_role = replica");
  await sql(`
    INSERT INTO dues_payments (member_id, reference, method, status, months, amount_fen, settled_at)
    SELECT id, 'BENCH-' || id, 'CASH', 'CONFIRMED', 1, 0, now() FROM members WHERE name LIKE 'bench%'`);
  await sql(`
    INSERT INTO dues_months (member_id, month, amount_fen, payment_id)
    SELECT m.id, (extract(year FROM d)::int * 100 + extract(month FROM d)::int), 20, p.id
    FROM members m JOIN dues_payments p ON p.member_id = m.id
    CROSS JOIN LATERAL generate_series(date_trunc('month', m.joined_at),
      make_date(${Math.floor(month / 100)}, ${month % 100}, 1)
        - make_interval(months => (ARRAY[0, 0, 0, 1, 2, 0, 3, 0, 0, 7])[1 + m.id % 10]), interval '1 month') d
    WHERE m.name LIKE 'bench%'`);
  await sql("SET session_replication_role = DEFAULT");
  await sql(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
    SELECT 'TELEGRAM', 'bench-' || id, 'bench-' || id, id FROM members WHERE name LIKE 'bench%' AND id % 5 <> 0`);
  // The first member of each branch is its 团支书; of each 团总支, a staff member.
  await sql(`
    INSERT INTO role_assignments (member_id, org_id, role)
    SELECT min(m.id), m.org_id, 'BRANCH_SECRETARY' FROM members m JOIN organisations o ON o.id = m.org_id
    WHERE o.code LIKE 'B-%-%' GROUP BY m.org_id`);
  await sql(`
    INSERT INTO role_assignments (member_id, org_id, role)
    SELECT min(m.id), o.parent_id, 'COMMITTEE_STAFF' FROM members m JOIN organisations o ON o.id = m.org_id
    WHERE o.code LIKE 'B-%-%' GROUP BY o.parent_id`);
  await sql("VACUUM ANALYZE");
  const paidRows = await db.duesMonth.count();
  console.log(
    `set up in ${((performance.now() - setup) / 1000).toFixed(0)} s: ${paidRows.toLocaleString()} paid months`,
  );

  // The job's data moving to the organisations phase marks the end of the members' reminders.
  let membersDoneAt = 0;
  const job = {
    data: { task: "campaign", month } as JobData<"dues">,
    async updateData(next: JobData<"dues">) {
      if (next.task === "campaign" && next.phase === "orgs" && !membersDoneAt) membersDoneAt = performance.now();
      job.data = next;
    },
  } as unknown as Job<JobData<"dues">>;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  await createDuesProcessor(app.deps)(job);
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const count = (messageKey: string) => db.outboxMessage.count({ where: { messageKey } });
  const reminders = await count("duesleaders-reminder");
  const branchLists = await count("duesleaders-arrears-branch");
  const committeeLists = await count("duesleaders-risk-committee");
  const jobs = await app.deps.queues["delivery-telegram"].count();
  console.log(
    `reminders ${reminders.toLocaleString()}, 团支书 lists ${branchLists.toLocaleString()}, committee lists ${committeeLists.toLocaleString()}, delivery jobs queued ${jobs.toLocaleString()}`,
  );
  console.log(`time ${(elapsed / 1000).toFixed(1)} s — ratio to the 60 s target: ${(elapsed / TARGET_MS).toFixed(2)}`);
  console.log(
    `  members' reminders ${((membersDoneAt - started) / 1000).toFixed(1)} s, leaders' lists ${((started + elapsed - membersDoneAt) / 1000).toFixed(1)} s`,
  );
  console.log(
    `peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB — ratio to the 1 GB target: ${(peakRss / TARGET_RSS).toFixed(2)}`,
  );

  // A re-run of the month's campaign writes nothing: timed too, since it is what a retry costs.
  const rerun = performance.now();
  await createDuesProcessor(app.deps)({ ...job, data: { task: "campaign", month } } as Job<JobData<"dues">>);
  const again = (await count("duesleaders-reminder")) - reminders;
  console.log(`re-run: ${again} new reminders in ${((performance.now() - rerun) / 1000).toFixed(1)} s`);
  await app.deps.queues["delivery-telegram"].obliterate({ force: true });
} finally {
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
