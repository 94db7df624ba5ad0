// `npx tsx bench/notice-variants.ts [members] [variants]`: the notice fan-out written in different ways, on one
// set of members, each variant timed in the same run so the figures compare under the same machine load
// (bench:notice measures the way the worker does it; this is how its design was chosen, issue #19).
// Variants (comma-separated, in order; repeat `base` at the end to see the drift of the machine):
//   base     — the worker's statements (a CTE per range of 10,000 members, two lanes);
//   lean     — the same, without the indexes the hot path does not need (outbox image_id, delivery member_id);
//   staging  — the audience into an UNLOGGED staging table, then one INSERT…SELECT for each table;
//   copy     — per range: read the recipients, reserve outbox ids, COPY both tables' rows in.
// Between variants the two tables are emptied and a CHECKPOINT is taken, so each starts alike. Uses BENCH_DB or a
// throw-away database (dropped at the end) and its own Redis prefix.
import type { Job } from "bullmq";
import pg from "pg";
import { createApp } from "../bot/app.ts";
import type { JobData } from "../bot/core/queues.ts";
import type { Platform } from "../bot/infra/db.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { createNoticeProcessor, NOTICE_BATCH, NOTICE_LANES } from "../workers/notices/notice-processor.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 300_000);
const variants = (process.argv[3] ?? "base,lean,staging,copy,base").split(",");
const LEAN_INDEXES = {
  outbox_messages_image_id_idx: `CREATE INDEX outbox_messages_image_id_idx ON outbox_messages (image_id)`,
  notice_deliveries_member_id_idx: `CREATE INDEX notice_deliveries_member_id_idx ON notice_deliveries (member_id)`,
};
const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database);
const app = createApp(config);
const { db } = app.deps;
const sql = (text: string) => db.$executeRawUnsafe(text);
const client = new pg.Client({ connectionString: database.url });
await client.connect();

/** COPY … FROM STDIN without a dependency: pg's client takes any object that speaks its query protocol. */
function copyIn(text: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    type Connection = { query(text: string): void; sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void };
    const submittable = {
      submit(connection: Connection) {
        connection.query(text);
      },
      handleCopyInResponse(connection: Connection) {
        connection.sendCopyFromChunk(Buffer.from(data));
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(err: Error) {
        failed = err;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    };
    client.query(submittable as unknown as string);
  });
}

const audience = (noticeId: number, lo: number, hi: number) => `
  SELECT m.id, m.org_id FROM members m JOIN organisations o ON o.id = m.org_id
  WHERE o.ancestor_ids && ARRAY(SELECT org_id FROM notice_audiences WHERE notice_id = ${noticeId})
    AND m.status = 'ACTIVE' AND m.id > ${lo} AND m.id <= ${hi}`;
const BUTTONS = (noticeId: number) =>
  JSON.stringify([[{ labelKey: "notices-got-it", payload: `notice-read:${noticeId}` }]]);

async function staging(noticeId: number) {
  await sql(`CREATE UNLOGGED TABLE IF NOT EXISTS notice_fanout_stage
             (member_id int, org_id int, identity_id int, platform "Platform")`);
  await sql("TRUNCATE notice_fanout_stage");
  await sql(`INSERT INTO notice_fanout_stage
             SELECT a.id, a.org_id, ci.id, ci.platform FROM (${audience(noticeId, 0, 2 ** 31 - 1)}) a
             LEFT JOIN chat_identities ci ON ci.member_id = a.id AND NOT ci.blocked`);
  await sql(`INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at)
             SELECT identity_id, 'notices-message', jsonb_build_object('noticeId', ${noticeId}), '${BUTTONS(noticeId)}'::jsonb,
                    'notice:${noticeId}:identity:' || identity_id, 'HELD', now(), now()
             FROM notice_fanout_stage WHERE identity_id IS NOT NULL ORDER BY member_id
             ON CONFLICT (dedupe_key) DO NOTHING`);
  await sql(`INSERT INTO notice_deliveries (notice_id, member_id, org_id, status, outbox_id)
             SELECT ${noticeId}, s.member_id, s.org_id,
                    (CASE WHEN x.id IS NULL THEN 'UNREACHABLE' ELSE 'QUEUED' END)::"DeliveryStatus", x.id
             FROM notice_fanout_stage s
             LEFT JOIN outbox_messages x ON x.dedupe_key = 'notice:${noticeId}:identity:' || s.identity_id
             ORDER BY s.member_id
             ON CONFLICT (notice_id, member_id) DO NOTHING`);
  // The first window to the delivery queue, as the lanes do after each batch.
  await app.deps.outbox.feed(new Date());
}

async function copyRange(noticeId: number, lo: number, hi: number): Promise<void> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{
      id: number;
      org_id: number;
      identity_id: number | null;
      platform: Platform | null;
    }>(
      `SELECT a.id, a.org_id, ci.id AS identity_id, ci.platform FROM (${audience(noticeId, lo, hi)}) a
       LEFT JOIN chat_identities ci ON ci.member_id = a.id AND NOT ci.blocked
       WHERE NOT EXISTS (SELECT 1 FROM notice_deliveries d WHERE d.notice_id = ${noticeId} AND d.member_id = a.id)
       ORDER BY a.id`,
    );
    const reachable = rows.filter((r) => r.identity_id !== null);
    const ids = (
      await client.query<{ id: string }>(
        `SELECT nextval(pg_get_serial_sequence('outbox_messages', 'id')) AS id FROM generate_series(1, $1)`,
        [reachable.length],
      )
    ).rows.map((r) => r.id);
    const now = new Date().toISOString();
    const args = JSON.stringify({ noticeId });
    const buttons = BUTTONS(noticeId).replaceAll("\\", "\\\\");
    const outboxOf = new Map<number, string>();
    let outbox = "";
    reachable.forEach((r, i) => {
      outboxOf.set(r.id, ids[i]!);
      outbox += `${ids[i]}\t${r.identity_id}\tnotices-message\t${args}\t${buttons}\tnotice:${noticeId}:identity:${r.identity_id}\tHELD\t${now}\t${now}\n`;
    });
    let deliveries = "";
    for (const r of rows) {
      const x = outboxOf.get(r.id);
      deliveries += `${noticeId}\t${r.id}\t${r.org_id}\t${x ? "QUEUED" : "UNREACHABLE"}\t${x ?? "\\N"}\n`;
    }
    if (outbox) {
      await copyIn(
        "COPY outbox_messages (id, identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at) FROM STDIN",
        outbox,
      );
    }
    if (deliveries) {
      await copyIn("COPY notice_deliveries (notice_id, member_id, org_id, status, outbox_id) FROM STDIN", deliveries);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

async function copy(noticeId: number) {
  const bounds = (
    await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
                       FROM (${audience(noticeId, 0, 2 ** 31 - 1)}) s) r
       WHERE n % ${NOTICE_BATCH} = 0 OR n = total ORDER BY id`,
    )
  ).map((r) => r.id);
  // One connection, so one range at a time (COPY streams on it); each range's feed overlaps the next COPY.
  let lo = 0;
  let feeding: Promise<unknown> = Promise.resolve();
  for (const hi of bounds) {
    await copyRange(noticeId, lo, hi);
    await feeding;
    feeding = app.deps.outbox.feed(new Date());
    lo = hi;
  }
  await feeding;
}

try {
  await seedDemo(db, config);
  const province = await db.organisation.findUniqueOrThrow({ where: { code: "GD" } });
  const branches = (await db.organisation.findMany({ where: { level: "BRANCH" }, select: { id: true } })).map(
    (b) => b.id,
  );
  console.log(`setting up ${members.toLocaleString()} members (4 in 5 bound to a chat)…`);
  await sql(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
    SELECT lpad((300000000000 + g)::text, 12, '0'), 'bench', md5(g::text), '0000', DATE '2002-01-01', DATE '2019-05-04',
           'STUDENT', (ARRAY[${branches.join(",")}])[1 + g % ${branches.length}], now()
    FROM generate_series(1, ${members}) g`);
  await sql(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
    SELECT 'TELEGRAM', 'bench-' || id, 'bench-' || id, id FROM members WHERE name = 'bench' AND id % 5 <> 0`);
  await sql("ANALYZE");
  const results: { variant: string; ms: number }[] = [];
  for (const variant of variants) {
    await sql("TRUNCATE notice_deliveries, outbox_messages");
    await sql("CHECKPOINT");
    await app.deps.queues["delivery-telegram"].obliterate({ force: true });
    if (variant === "lean") for (const name of Object.keys(LEAN_INDEXES)) await sql(`DROP INDEX ${name}`);
    const notice = await db.notice.create({
      data: {
        orgId: province.id,
        createdById: 1,
        text: "bench",
        status: "SENDING",
        audiences: { create: [{ orgId: province.id }] },
      },
    });
    const started = performance.now();
    if (variant === "base" || variant === "lean") {
      const job = {
        data: { noticeId: notice.id, mode: "send" } as JobData<"notices">,
        async updateData(next: JobData<"notices">) {
          job.data = next;
        },
      } as unknown as Job<JobData<"notices">>;
      await createNoticeProcessor(app.deps, NOTICE_BATCH, NOTICE_LANES)(job);
    } else if (variant === "staging") await staging(notice.id);
    else if (variant === "copy") await copy(notice.id);
    else throw new Error(`no variant ${variant}`);
    const ms = performance.now() - started;
    if (variant === "lean") for (const create of Object.values(LEAN_INDEXES)) await sql(create);
    const deliveries = await db.noticeDelivery.count({ where: { noticeId: notice.id } });
    const outbox = await db.outboxMessage.count();
    const jobs = await app.deps.queues["delivery-telegram"].count();
    results.push({ variant, ms });
    const load = (await import("node:os")).loadavg()[0]!.toFixed(2);
    console.log(
      `${variant.padEnd(8)} ${(ms / 1000).toFixed(1)} s — ratio to the first: ${(ms / results[0]!.ms).toFixed(2)} (deliveries ${deliveries.toLocaleString()}, outbox ${outbox.toLocaleString()}, jobs ${jobs.toLocaleString()}; load ${load})`,
    );
  }
  await app.deps.queues["delivery-telegram"].obliterate({ force: true });
} finally {
  await client.end();
  await app.close();
  if (!process.env.BENCH_KEEP) await database.drop();
}
process.exit();
