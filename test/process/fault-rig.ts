// The pieces of a fault run, shared by the fault tests (test/process/faults.test.ts) and `npm run bench:faults`:
// a redis-server of its own on a free port (never the machine's shared one) that can be flushed, killed and started
// again empty; the workers (`npm run workers`) as a separate process that can be killed with SIGKILL; a fake Bot
// API that enforces Telegram's 30/s and 1/s per chat with 429s and counts what each chat received; and a notice to
// N members, whose outcome is read back per recipient.
import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { startFakeBotApi } from "../../bench/fake-bot-api.ts";
import { createQueues, enqueue, queueNames } from "../../bot/core/queues.ts";
import type { Db } from "../../bot/infra/db.ts";
import { freePort, type OwnRedis, startOwnRedis } from "../helpers/redis-server.ts";
import { root } from "../helpers/run-script.ts";
import { type RedisGate, startRedisGate } from "./redis-gate.ts";

// Whatever happens to the run (a test timing out), no workers process outlives this process.
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Members of one new branch, each bound to a Telegram chat; the notice goes to that branch. */
export async function seedAudience(db: Db, members: number, tag: string) {
  const parent = await db.organisation.findFirstOrThrow({ where: { level: "PROVINCE" } });
  const branch = await db.organisation.create({
    data: {
      code: `FAULT-${tag}`,
      name: `故障演练团支部 ${tag}`,
      level: "BRANCH",
      parentId: parent.id,
      ancestorIds: [],
      depth: parent.depth + 1,
    },
  });
  // From the root down to the branch itself (Organisation.ancestorIds).
  await db.organisation.update({ where: { id: branch.id }, data: { ancestorIds: [...parent.ancestorIds, branch.id] } });
  await db.$executeRawUnsafe(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
    SELECT lpad((400000000000 + ${branch.id} * 100000 + g)::text, 12, '0'), 'fault', md5('${tag}' || g::text), '0000',
           DATE '2002-01-01', DATE '2019-05-04', 'STUDENT', ${branch.id}, now()
    FROM generate_series(1, ${members}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
    SELECT 'TELEGRAM', (800000000 + id)::text, (800000000 + id)::text, id FROM members WHERE org_id = ${branch.id}`);
  const author = await db.member.findFirstOrThrow({ where: { org: { level: { not: "BRANCH" } } } });
  return { branchId: branch.id, authorId: author.id };
}

export interface WorkersProcess {
  child: ChildProcess;
  /** Resolves once it logged that it runs. */
  ready: Promise<void>;
  httpPort: number;
  /** The last stderr lines, for a failure's message. */
  tail(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkersProcess(env: Record<string, string>): Promise<WorkersProcess> {
  const httpPort = await freePort();
  // Node itself with tsx's loader, so SIGKILL reaches the process that holds the jobs.
  const child = track(
    spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", HTTP_HOST: "127.0.0.1", WORKERS_HTTP_PORT: String(httpPort), ...env },
      stdio: ["ignore", "ignore", "pipe"],
    }),
  );
  const lines: string[] = [];
  let partial = "";
  let onLine = () => {};
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    const all = (partial + chunk).split("\n");
    partial = all.pop() ?? "";
    lines.push(...all);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    onLine();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    onLine = () => {
      if (lines.some((l) => l.includes("Tuanzhu workers are running"))) resolve();
    };
    void exited.then(() => reject(new Error(`workers exited: ${lines.slice(-10).join("\n")}`)));
  });
  ready.catch(() => {});
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    ready,
    httpPort,
    tail: () => lines.slice(-15).join("\n"),
    async kill9() {
      if (alive()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (alive()) child.kill("SIGTERM");
      const timer = setTimeout(() => alive() && child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Outcome {
  recipients: number;
  /** Chats that received the notice exactly once / never / more than once (from the fake Bot API). */
  exactlyOnce: number;
  lost: number;
  duplicated: number;
  /** Reasons of the rows that ended FAILED, with how many (lost or not: "outcome unknown" may have arrived). */
  failedReasons: Record<string, number>;
  /** Chats never reached whose row does not say FAILED: a silent loss. */
  silentlyLost: number;
  /** Rows not finished when the run stopped waiting. */
  unfinished: number;
  /** Notice delivery rows whose status disagrees with their outbox row's. */
  progressDisagrees: number;
  elapsedMs: number;
  /** The last workers process's /readyz at the end, and how many schedules it re-created (its metrics). */
  readyz: unknown;
  schedulesRecreated: number;
}

export interface FaultRun {
  /** The fault, started when `atFraction` of the recipients have their message; resolves when it is over. */
  fault?: (ctx: FaultContext) => Promise<void>;
  atFraction?: number;
  /**
   * Worker processes started besides the first (all before the notice, so none is still starting when the faults
   * come): each `killWorkers` kills the oldest one left with SIGKILL, mid-send, and the others take over its jobs.
   */
  spares?: number;
  /** The workers reach PostgreSQL through a TCP gate the fault can cut (`ctx.database`). */
  gateDatabase?: boolean;
}

export interface FaultContext {
  redis: OwnRedis;
  /** The gate between the workers and PostgreSQL, with `gateDatabase`: cut() is PostgreSQL down, open() back. */
  database?: RedisGate;
  /** SIGKILL to the oldest worker process still running (never the last one). */
  killWorkers(): Promise<void>;
  /** Accepted messages so far. */
  delivered(): number;
}

export interface RigOptions {
  db: Db;
  databaseUrl: string;
  members: number;
  /** Extra settings for the workers process. */
  env?: Record<string, string>;
  /** Gives up waiting for the notice to finish after this long. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** One notice to `members` people with the workers running beside, and `fault` injected along the way. */
export async function runNotice(options: RigOptions, run: FaultRun = {}): Promise<Outcome> {
  const { db, members } = options;
  const tag = Math.random().toString(36).slice(2, 8);
  const redis = await startOwnRedis();
  const fake = await startFakeBotApi({ perSecond: 30, chatGapMs: 1_000 });
  const prefix = `fault-${tag}`;
  // A TCP relay, so it serves PostgreSQL as well as Redis.
  const pgGate = run.gateDatabase ? await startRedisGate(options.databaseUrl) : undefined;
  const workersDbUrl = new URL(options.databaseUrl);
  if (pgGate) workersDbUrl.port = new URL(pgGate.url).port;
  const env = {
    DATABASE_URL: workersDbUrl.toString(),
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    TELEGRAM_BOT_TOKEN: "123456:fault",
    METRICS_TOKEN: "",
    TELEGRAM_API_ROOT: fake.apiRoot,
    WECHATY_PUPPET: "",
    QUIET_HOURS_START: "00:00",
    QUIET_HOURS_END: "00:00",
    WORKER_LOCK_MS: "2000",
    // The fake Bot API answers within milliseconds, even on a loaded machine within seconds: a send whose answer is
    // not recorded 10 s after it began never will be (its worker died), whatever the production setting.
    DELIVERY_OUTCOME_WAIT_MS: "10000",
    ...options.env,
  };
  const pool = await Promise.all(Array.from({ length: 1 + (run.spares ?? 0) }, () => startWorkersProcess(env)));
  const workers = () => pool.at(-1)!;
  options.log?.(`workers starting (redis ${redis.url})`);
  const queueRedis = new Redis(redis.url, { maxRetriesPerRequest: null });
  queueRedis.on("error", () => {});
  const queues = createQueues(queueRedis, prefix);
  // Redis is meant to go away here: no unhandled 'error' events for it.
  for (const name of queueNames) queues[name].on("error", () => {});
  try {
    await Promise.all(pool.map((w) => w.ready));
    options.log?.("workers ready");
    const { branchId, authorId } = await seedAudience(db, members, tag);
    const notice = await db.notice.create({
      data: { orgId: branchId, createdById: authorId, text: `演练通知 ${tag}`, status: "SENDING" },
    });
    await db.noticeAudience.create({ data: { noticeId: notice.id, orgId: branchId } });
    const started = Date.now();
    await enqueue(queues, "notices", { noticeId: notice.id, mode: "send" }, { jobId: `notice-${notice.id}` });

    const rowsOf = { messageKey: "notices-message", args: { path: ["noticeId"], equals: notice.id } } as const;
    const open = () =>
      db.outboxMessage.count({ where: { ...rowsOf, status: { in: ["PENDING", "HELD", "QUEUED", "SENDING"] } } });
    // The fan-out is done once every member has a row (the fault is for the delivery, not the fan-out).
    for (const deadline = Date.now() + 30_000; (await db.outboxMessage.count({ where: rowsOf })) < members; ) {
      if (Date.now() > deadline) throw new Error("fan-out did not finish");
      await sleep(100);
    }

    options.log?.("fan-out done");
    let faultDone: Promise<void> = Promise.resolve();
    if (run.fault) {
      const ctx: FaultContext = {
        redis,
        ...(pgGate ? { database: pgGate } : {}),
        delivered: () => fake.stats.accepted,
        async killWorkers() {
          if (pool.length > 1) await pool.shift()!.kill9();
        },
      };
      const at = Math.round(members * (run.atFraction ?? 0.3));
      while (fake.stats.accepted < at) await sleep(20);
      options.log?.(`fault at ${fake.stats.accepted} delivered`);
      faultDone = run.fault(ctx);
    }
    await faultDone;
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    while ((await open()) > 0 && Date.now() < deadline) await sleep(100);
    const elapsedMs = Date.now() - started;
    const readyz = await fetch(`http://127.0.0.1:${workers().httpPort}/readyz`).then((r) => r.json());
    const metricsText = await fetch(`http://127.0.0.1:${workers().httpPort}/metrics`).then((r) => r.text());
    const schedulesRecreated = metricsText
      .split("\n")
      .filter((l) => l.startsWith("tuanzhu_schedules_recreated_total{"))
      .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);

    const rows = await db.outboxMessage.findMany({
      where: rowsOf,
      select: { status: true, lastError: true, identity: { select: { chatId: true } } },
    });
    const failedReasons: Record<string, number> = {};
    let exactlyOnce = 0;
    let lost = 0;
    let duplicated = 0;
    let silentlyLost = 0;
    for (const row of rows) {
      const got = fake.stats.perChat[row.identity.chatId] ?? 0;
      if (got === 1) exactlyOnce++;
      else if (got === 0) lost++;
      else duplicated++;
      if (got === 0 && row.status !== "FAILED") silentlyLost++;
      if (row.status === "FAILED") {
        const reason = (row.lastError ?? "").split(":")[0]!;
        failedReasons[reason] = (failedReasons[reason] ?? 0) + 1;
      }
    }
    const [disagree] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM notice_deliveries d JOIN outbox_messages x ON x.id = d.outbox_id
      WHERE d.notice_id = ${notice.id}
        AND d.status::text <> (CASE x.status::text WHEN 'BLOCKED' THEN 'UNREACHABLE'
                                                   WHEN 'PENDING' THEN 'QUEUED' WHEN 'HELD' THEN 'QUEUED'
                                                   WHEN 'SENDING' THEN 'QUEUED'
                                                   ELSE x.status::text END)`;
    return {
      recipients: rows.length,
      exactlyOnce,
      lost,
      duplicated,
      failedReasons,
      silentlyLost,
      unfinished: rows.filter((r) => ["PENDING", "HELD", "QUEUED", "SENDING"].includes(r.status)).length,
      progressDisagrees: Number(disagree?.n ?? 0),
      elapsedMs,
      readyz,
      schedulesRecreated,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nworkers: ${workers().tail()}`);
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
    await queues.close().catch(() => {});
    queueRedis.disconnect();
    await fake.close();
    await redis.close();
    await pgGate?.close();
  }
}

/** The faults. */
export const faults = {
  flushAll: (): FaultRun => ({ fault: (ctx) => ctx.redis.flushAll() }),
  redisDown: (downMs = 15_000): FaultRun => ({
    fault: async (ctx) => {
      await ctx.redis.stop();
      await sleep(downMs);
      await ctx.redis.start();
    },
  }),
  postgresDown: (downMs = 10_000): FaultRun => ({
    gateDatabase: true,
    fault: async (ctx) => {
      ctx.database!.cut();
      await sleep(downMs);
      ctx.database!.open();
    },
  }),
  kill9: (times: number, everyMs: number): FaultRun => ({
    atFraction: 0.1,
    spares: times,
    fault: async (ctx) => {
      for (let i = 0; i < times; i++) {
        if (i > 0) await sleep(everyMs);
        await ctx.killWorkers();
      }
    },
  }),
};
