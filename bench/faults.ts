// `npm run bench:faults -- [members] [kills]`: the fault matrix of issue 13, rerun. A notice to `members` people
// (default 3,000) is delivered by the workers (`npm run workers`, a separate process) through a fake Bot API that
// enforces 30 messages/s and 1/s per chat, once without a fault and once per fault: Redis FLUSHALL mid-broadcast,
// Redis down 15 s and back empty, PostgreSQL down 10 s (a TCP gate cut), and `kills` (default 5) SIGKILLs of a
// worker process mid-send (spare processes take over). Each run has its own redis-server on a free port (never the
// shared one). Prints, per fault: recipients reached exactly once / never (and whether their row says FAILED, with
// its reason) / more than once, whether the notice's progress agrees with the outbox, and the time to complete as
// a ratio to the no-fault run. Uses its own database and removes it afterwards.

import { loadConfig } from "../bot/config.ts";
import { createDb } from "../bot/infra/db.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { type FaultRun, faults, type Outcome, runNotice } from "../test/process/fault-rig.ts";
import { benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 3_000);
const kills = Number(process.argv[3] ?? 5);
if (!(members >= 50) || !(kills >= 1)) {
  console.error("Usage: npm run bench:faults -- [members ≥ 50] [kills ≥ 1]");
  process.exit(2);
}

const database = benchDatabase();
await database.create();
await migrate(database.url);
const db = createDb(database.url, 4);
const config = loadConfig({ ...process.env, DATABASE_URL: database.url });

const matrix: [string, FaultRun][] = [
  ["no fault", {}],
  ["Redis FLUSHALL mid-broadcast", faults.flushAll()],
  ["Redis down 15 s, back empty", faults.redisDown(15_000)],
  ["PostgreSQL down 10 s", faults.postgresDown(10_000)],
  [`kill -9 ×${kills}`, faults.kill9(kills, Math.round((members / 24 / (kills + 2)) * 1000))],
];

const row = (name: string, o: Outcome, base: number) => {
  const failed = Object.entries(o.failedReasons)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  return [
    name.padEnd(30),
    String(o.exactlyOnce).padStart(7),
    `${o.lost}${o.silentlyLost ? ` (${o.silentlyLost} silently!)` : ""}`.padStart(6),
    String(o.duplicated).padStart(5),
    String(o.unfinished).padStart(6),
    String(o.progressDisagrees).padStart(9),
    `${(o.elapsedMs / 1000).toFixed(1)} s`.padStart(8),
    (o.elapsedMs / base).toFixed(2).padStart(6),
    `  ${failed || "-"}`,
  ].join(" ");
};

try {
  await seedDemo(db, config);
  console.log(`a notice to ${members.toLocaleString()} Telegram members; fake Bot API at 30/s and 1/s per chat`);
  console.log(
    `${"fault".padEnd(30)} ${"exactly".padStart(7)} ${"lost".padStart(6)} ${"twice".padStart(5)} ${"open".padStart(6)} ${"progress≠".padStart(9)} ${"time".padStart(8)} ${"ratio".padStart(6)}   FAILED rows`,
  );
  let base = 0;
  for (const [name, run] of matrix) {
    const outcome = await runNotice(
      { db, databaseUrl: database.url, members, timeoutMs: 15 * 60_000, env: { WORKER_LOCK_MS: "5000" } },
      run,
    );
    if (!base) base = outcome.elapsedMs;
    console.log(row(name, outcome, base));
  }
} finally {
  await db.$disconnect();
  if (!process.env.BENCH_KEEP) await database.drop();
  else console.log("kept", database.name);
}
process.exit();
