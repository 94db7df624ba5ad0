// `npm run bench:workflow -- [members] [pairs]`: what the transfer workflow itself costs the process, without the
// chat around it. On the chat bench's population (bench/chat-seed.ts; kept with BENCH_DB and BENCH_KEEP_DB=1), each
// pair is a member's submission (组织关系转接 to 华南理工大学团委) and their 团支书's approval of the first step,
// one after another, as the workflow runs them for a chat: PostgreSQL statements and CPU a pair — the main thread's
// (Linux: /proc) and the whole process's. No delivery worker runs: the messages are written and queued, not sent.
import { readFileSync } from "node:fs";
import pg from "pg";

// Counted before anything connects.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { createApp } = await import("../bot/app.ts");
const { createDb } = await import("../bot/infra/db.ts");
const { decideStep, submitTransfer } = await import("../bot/features/transfers/workflow.ts");
const { ensureDatabase } = await import("../prisma/tools/database.ts");
const { migrate } = await import("../prisma/tools/migrate.ts");
const { benchConfig, benchDatabase } = await import("./bench-db.ts");
const { seedChatBench } = await import("./chat-seed.ts");

const [members = 100_000, pairs = 800] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith("--"))
  .map(Number);
const WARM_UP = 50;
const database = benchDatabase(process.env.BENCH_DB ?? "tuanzhu_bench_workflow");
const config = benchConfig(database);

/** The main thread's CPU in ms, where Linux says (the process's otherwise). */
function mainThreadMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}
const processMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

await ensureDatabase(database.url);
await migrate(database.url);
const seedDb = createDb(database.url, 2);
await seedChatBench(seedDb, config, members, (line) => console.log(line));
await seedDb.$disconnect();

const app = createApp(config);
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
const destination = (await pool.query<{ id: number }>("SELECT id FROM organisations WHERE name = '华南理工大学团委'"))
  .rows[0]?.id;
if (destination === undefined) throw new Error("the bench population has no 华南理工大学团委");
// Members with a chat and a 团支书 (not themselves), none of whom leads anything.
const people = (
  await pool.query<{ id: number; leader: number }>(
    `SELECT DISTINCT ON (m.id) m.id, r.member_id AS leader
     FROM members m JOIN chat_identities c ON c.member_id = m.id
     JOIN role_assignments r ON r.org_id = m.org_id AND r.role = 'BRANCH_SECRETARY' AND r.member_id <> m.id
     WHERE m.status = 'ACTIVE' AND m.org_id <> $1 AND NOT EXISTS (SELECT 1 FROM role_assignments x WHERE x.member_id = m.id)
     ORDER BY m.id LIMIT $2`,
    [destination, WARM_UP + pairs],
  )
).rows;
if (people.length < WARM_UP + pairs) throw new Error(`only ${people.length} members to apply; ask for fewer pairs`);

const clean = async () => {
  await pool.query("DELETE FROM transfer_requests WHERE member_id = ANY($1::int[])", [people.map((p) => p.id)]);
  await pool.query("DELETE FROM outbox_messages");
};
await clean();

async function pair(person: { id: number; leader: number }) {
  const submitted = await submitTransfer(app.deps, {
    memberId: person.id,
    initiatorId: person.id,
    toOrgId: destination!,
    reason: "FURTHER_STUDY",
  });
  if (!submitted.ok) throw new Error(`submission refused: ${submitted.problem}`);
  const step = await app.deps.db.transferStep.findFirstOrThrow({
    where: { transferId: submitted.transferId, status: "PENDING" },
  });
  const decided = await decideStep(app.deps, person.leader, step.id, { action: "approve" });
  if (!decided.ok) throw new Error(`approval refused: ${decided.problem}`);
}

try {
  for (const person of people.slice(0, WARM_UP)) await pair(person);
  const before = { statements, main: mainThreadMs(), all: processMs(), at: performance.now() };
  for (const person of people.slice(WARM_UP)) await pair(person);
  // The step read between the two is the bench's, not the workflow's.
  const perPair = (statements - before.statements) / pairs - 1;
  console.log(
    `${pairs} submissions and approvals, one after another, in ${((performance.now() - before.at) / 1000).toFixed(1)} s: ` +
      `per pair ${perPair.toFixed(1)} PostgreSQL statements, ` +
      `${((mainThreadMs() - before.main) / pairs).toFixed(1)} ms of the main thread's CPU, ` +
      `${((processMs() - before.all) / pairs).toFixed(1)} ms of the process's`,
  );
} finally {
  await clean();
  await pool.end();
  const redis = app.deps.redis;
  for (let cursor = "0"; ; ) {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${config.REDIS_PREFIX}:*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
    if (cursor === "0") break;
  }
  await app.close();
  if (process.env.BENCH_KEEP_DB) console.log(`kept ${database.name}`);
  else await database.drop();
}
process.exit();
