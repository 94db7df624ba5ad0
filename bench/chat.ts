// `npm run bench:chat -- [members] [chats] [seconds] [--scale] [--only=<kind>] [--prof]`: people chatting with the bot, end to end.
// N members (default 1,000,000; 4 in 5 bound to a Telegram chat) in a database of their own; the bot runs as
// `npm start` runs it (bench/chat-bot.ts, a process of its own) and long-polls a fake Bot API in this process, which
// plays `chats` people at once (default 200), each a fresh member per session so nobody passes the per-chat limit:
//   0. the ceiling: a grammY bot answering one fixed text with nothing behind it (bench/chat-echo-bot.ts)
//   1. status look-ups (/me, 查一下我的团籍) as fast as answers come: look-ups/s (goal ≥ 2,000), ratio to 0; the
//      answers' budget is above the 1,000/s Telegram allows one bot, so this is the bot's own rate, not the cap
//   2. the same look-ups as raw SQL over pg (identity, then the status view's one statement): ratio (goal ≥ 0.5×)
//   3. a realistic mix as fast as answers come: messages/s, per kind
//   4. the mix at 500 messages/s: p50/p99 reply latency (goal p99 < 300 ms)
//   5. with --scale: the mix again with two bot processes (each polling a bot of its own) and two `npm run workers`
//      processes against the same PostgreSQL and Redis: ratio to one process
// Each process's DATABASE_POOL_SIZE is what the server has free (pool-budget.ts; the budget is printed), and each
// must open its pool before the phase starts: a process that cannot reach PostgreSQL stops the bench with its
// reason, and so does a phase answered mostly "busy" or not at all, rather than printing a rate of 0.
// Latency is from the update being offered to the bot until the fake receives the answer. Redis round trips and
// PostgreSQL statements per message are counted inside the bot process. --prof writes a CPU profile of the bot
// process to bench/profiles/. BENCH_KEEP_DB=1 keeps the database (and reuses it when it holds N members).
// --only=<kind> (status, dues, "transfer status", activities, "small talk", stranger, apply) makes phases 3 and 4 that
// kind alone: what one kind of message costs.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { createInterface, type Interface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { loadConfig } from "../bot/config.ts";
import { createI18n } from "../bot/core/i18n.ts";
import { statusFacts } from "../bot/features/membership/status-service.ts";
import { createDb } from "../bot/infra/db.ts";
import { factsSql } from "../bot/infra/facts.ts";
import { ensureDatabase } from "../prisma/tools/database.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { CHAT_BASE, type Population, seedChatBench } from "./chat-seed.ts";
import { type Answer, startFakeChatApi } from "./fake-chat-api.ts";
import { describeBudget, poolBudget } from "./pool-budget.ts";

const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const members = Number(positional[0] ?? 1_000_000);
const chats = Number(positional[1] ?? 200);
const seconds = Number(positional[2] ?? 15);
const scale = process.argv.includes("--scale");
const prof = process.argv.includes("--prof");
/** Only phases 1 and 2 (for profiling the look-up). */
const statusOnly = process.argv.includes("--status-only");
const GOAL_LOOKUPS = 2_000;
/** The most messages a second Telegram lets one bot send (paid broadcasts); TELEGRAM_SENDS_PER_SECOND's maximum. */
const TELEGRAM_CAP = 1_000;
const GOAL_RAW_RATIO = 0.5;
const GOAL_P99_MS = 300;
const OPEN_RATE = 500;
/** The driver's own pool (raw SQL look-ups, finding leaders). */
const OWN_POOL = 10;

const admin = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbUrl = new URL(admin);
dbUrl.pathname = `/${process.env.BENCH_DB ?? "tuanzhu_bench_chat"}`;
const url = dbUrl.toString();
const prefix = `bench-chat-${randomBytes(3).toString("hex")}`;
const config = loadConfig({ ...process.env, DATABASE_URL: url, REDIS_PREFIX: prefix });

// ---- the bot's processes -------------------------------------------------------------------------------------

interface Counts {
  redisCommands: number;
  redisTrips: number;
  coreRedisTrips: number;
  pgQueries: number;
  cpuMs: number;
}
interface Proc {
  script: string;
  counted: boolean;
  /** Set when the process ended; before stop() was asked, that is a failure of the run. */
  exit?: string;
  stopping: boolean;
  child: ChildProcess;
  lines: Interface;
  stats(): Promise<Counts>;
  stop(): Promise<void>;
}

/** `ready` (processes that print no ready line): polled until true; the process ending first, or a minute passing,
 * is an error naming it. */
async function spawnProc(
  script: string,
  env: Record<string, string>,
  counted: boolean,
  ready?: () => Promise<boolean>,
): Promise<Proc> {
  // As `npm start` and `npm run workers` run them (package.json).
  const execArgv = [
    "--max-semi-space-size=64",
    "--import",
    "tsx",
    ...(prof && counted ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"] : []),
  ];
  const child = spawn(process.execPath, [...execArgv, script], {
    env: { ...process.env, DATABASE_URL: url, REDIS_PREFIX: prefix, LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const queue: ((line: string) => void)[] = [];
  lines.on("line", (line) => queue.shift()?.(line));
  const next = () => new Promise<string>((resolve) => queue.push(resolve));
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = signal ?? `code ${code}`;
      resolve();
    }),
  );
  const notReady = () => new Error(`${script} stopped before it was ready (${exit}); see its message above`);
  if (counted) {
    const line = await Promise.race([next(), exited.then(() => "exit")]);
    if (line === "exit") throw notReady();
  } else {
    const deadline = performance.now() + 60_000;
    while (!(await (ready?.() ?? Promise.resolve(true)).catch(() => false))) {
      if (exit) throw notReady();
      if (performance.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`${script} not ready within a minute`);
      }
      await sleep(250);
    }
    if (exit) throw notReady();
  }
  const proc: Proc = {
    script,
    counted,
    get exit() {
      return exit;
    },
    stopping: false,
    child,
    lines,
    async stats() {
      const line = next();
      child.stdin!.write("stats\n");
      return JSON.parse(await line) as Counts;
    },
    async stop() {
      proc.stopping = true;
      child.stdin!.end();
      if (!counted) child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000).then(() => child.kill("SIGKILL"))]);
    },
  };
  return proc;
}

/** `npm run workers` is ready once its /readyz finds PostgreSQL (with the pool this process got). */
const workersReady = (port: number) => async () => {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return ((await res.json()) as { checks?: { postgres?: string } }).checks?.postgres === "ok";
};

const botEnv = (token: string, apiRoot: string, runWorkers: boolean, poolSize: number) => ({
  DATABASE_POOL_SIZE: String(poolSize),
  TELEGRAM_BOT_TOKEN: token,
  TELEGRAM_API_ROOT: apiRoot,
  RUN_WORKERS: runWorkers ? "1" : "0",
  // The reply budget stays on (its Redis calls are part of each answer), at the most Telegram sells a bot for the
  // workers' sends, and above it for the answers (bench/chat-bot.ts): at 1,000/s the cap, not the bot, was measured.
  TELEGRAM_SENDS_PER_SECOND: String(TELEGRAM_CAP),
  BENCH_REPLY_BUDGET: "20000",
  CONSOLE: "off",
});

// ---- people ----------------------------------------------------------------------------------------------------

type Step = string | { press: RegExp };
type Kind = "status" | "dues" | "transfer status" | "activities" | "small talk" | "stranger" | "apply" | "approve";
interface Session {
  kind: Kind;
  steps: Step[];
  /** Members not bound to a chat (every fifth) are strangers. */
  bound: boolean;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const STATUS: Session[] = [
  { kind: "status", steps: ["/me"], bound: true },
  { kind: "status", steps: ["查一下我的团籍"], bound: true },
];
/** The mix, weights in percent. Approvals are queued by submissions, so their weight is implied. */
const MIX: [number, () => Session][] = [
  [22, () => pick(STATUS)],
  [8, () => ({ kind: "status", steps: [pick(["/me", "我的团籍"]), { press: /^go:dues\.status$/ }], bound: true })],
  [16, () => ({ kind: "dues", steps: [pick(["/dues", "我欠多少团费", "查团费"])], bound: true })],
  [12, () => ({ kind: "transfer status", steps: [pick(["我的转接到哪一步了", "转接进度"])], bound: true })],
  [16, () => ({ kind: "activities", steps: [pick(["/activities", "最近有什么活动"])], bound: true })],
  [12, () => ({ kind: "small talk", steps: [pick(["谢谢", "/help", "你好", "你能干嘛"])], bound: true })],
  [12, () => ({ kind: "stranger", steps: [pick(["/start", "查一下我的团籍", "绑定"])], bound: false })],
  [
    2,
    () => ({
      kind: "apply",
      steps: [
        "/transfer",
        { press: /^tr-reason:FURTHER_STUDY$/ },
        "华南理工",
        { press: /^tr-dest:/ },
        { press: /^tr-submit:yes$/ },
      ],
      bound: true,
    }),
  ],
];
const mixTotal = MIX.reduce((s, [w]) => s + w, 0);
const anyFromMix = () => {
  let r = Math.random() * mixTotal;
  for (const [w, make] of MIX) {
    r -= w;
    if (r < 0) return make();
  }
  return MIX[0]![1]();
};
/** `--only=<kind>`: the mix's sessions of one kind (the approvals an application queues still follow). */
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const MIX_KINDS: readonly string[] = [
  "status",
  "dues",
  "transfer status",
  "activities",
  "small talk",
  "stranger",
  "apply",
];
if (only !== undefined && !MIX_KINDS.includes(only)) {
  console.error(`--only: one of ${MIX_KINDS.map((k) => `"${k}"`).join(", ")}`);
  process.exit(2);
}
const fromMix = (): Session => {
  for (;;) {
    const session = anyFromMix();
    if (!only || session.kind === only) return session;
  }
};

class Recorder {
  latencies = new Map<Kind | "all", number[]>();
  messages = 0;
  failures = 0;
  /** Answered with the core's "busy" reply (PostgreSQL or Redis refused): not counted as messages. */
  busy = 0;
  /** Sessions that found every member of the population in a session and waited for one. */
  waitedForMember = 0;
  started = performance.now();
  add(kind: Kind, ms: number) {
    this.messages++;
    for (const k of [kind, "all"] as const) {
      const list = this.latencies.get(k) ?? [];
      list.push(ms);
      this.latencies.set(k, list);
    }
  }
  elapsedS() {
    return (performance.now() - this.started) / 1000;
  }
}

const quantile = (values: number[], q: number) => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function main() {
  await ensureDatabase(url);
  await migrate(url);
  const db = createDb(url, 2);
  const log = (line: string) => console.log(line);
  console.log(`database ${dbUrl.pathname.slice(1)}: ${members.toLocaleString()} members (4 in 5 bound to a chat)…`);
  const seedStart = performance.now();
  const population: Population = await seedChatBench(db, config, members, log);
  console.log(`ready in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  await db.$disconnect();
  const pool = new pg.Pool({ connectionString: url, max: OWN_POOL, options: "-c jit=off" });
  /** DATABASE_POOL_SIZE for each of `processes` processes, what the server has free now; printed. */
  const poolSize = async (processes: number) => {
    const budget = await poolBudget(pool, { processes, wanted: config.DATABASE_POOL_SIZE, ownPoolMax: OWN_POOL });
    console.log(`PostgreSQL connections: ${describeBudget(budget)}`);
    return budget.perProcess;
  };
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const busyTexts = new Set((["zh-CN", "en"] as const).map((locale) => i18n.t(locale, "core-busy")));
  // A kept database starts each run as the first: what an earlier run left to send would keep this run's workers
  // busy, its open transfers would have their timers set again at start, and its strangers would be known.
  await pool.query("DELETE FROM outbox_messages");
  await pool.query("DELETE FROM transfer_requests WHERE member_id BETWEEN $1 AND $2", [
    population.minId,
    population.maxId,
  ]);
  await pool.query(
    `DELETE FROM chat_identities WHERE platform = 'TELEGRAM' AND member_id IS NULL
       AND CASE WHEN external_user_id ~ '^[0-9]{1,18}$' THEN external_user_id::bigint > $1 ELSE false END`,
    [CHAT_BASE],
  );
  const busy = new Set<number>();
  const leaderOf = async (memberId: number) =>
    (
      await pool.query<{ id: number }>(
        `SELECT r.member_id AS id FROM role_assignments r JOIN members m ON m.org_id = r.org_id
         WHERE m.id = $1 AND r.role = 'BRANCH_SECRETARY'`,
        [memberId],
      )
    ).rows[0]?.id;
  const leaders = new Set(
    (await pool.query<{ id: number }>("SELECT member_id AS id FROM role_assignments")).rows.map((r) => r.id),
  );
  const approvals: number[] = [];

  const fake = await startFakeChatApi();
  const procs: Proc[] = [];
  const tokens: string[] = [];
  let recorder = new Recorder();
  const driverCpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };

  /** A member in no session now, marked busy. With a small population under the open loop every member can be in
   * a session: then it waits for one to end (counted), rather than spinning and freezing the driver. */
  async function takeMember(bound: boolean): Promise<number> {
    for (let waited = false; ; waited = true) {
      for (let tries = 0; tries < 1_000; tries++) {
        const id = population.minId + Math.floor(Math.random() * (population.maxId - population.minId + 1));
        if (busy.has(id) || leaders.has(id) || (id % 5 !== 0) !== bound) continue;
        busy.add(id);
        return id;
      }
      if (!waited) recorder.waitedForMember++;
      await sleep(10);
    }
  }

  /** One person's session; each step waits for the bot's answer. */
  async function play(session: Session, memberId: number) {
    const token = tokens[memberId % tokens.length]!;
    const user = CHAT_BASE + memberId;
    let last: Answer | undefined;
    busy.add(memberId);
    try {
      for (const step of session.steps) {
        let answer: Answer;
        if (typeof step === "string") answer = await fake.say(token, user, step);
        else {
          const payload = last?.buttons.find((b) => step.press.test(b));
          if (!payload || !last) break;
          answer = await fake.press(token, user, payload, last.messageId);
        }
        if (busyTexts.has(answer.text)) {
          recorder.busy++;
          return;
        }
        recorder.add(session.kind, answer.latencyMs);
        last = answer;
      }
      if (session.kind === "apply" && last?.buttons.some((b) => b.startsWith("tr-cancel:"))) {
        const leader = await leaderOf(memberId);
        if (leader) approvals.push(leader);
      }
    } catch {
      recorder.failures++;
    } finally {
      busy.delete(memberId);
    }
  }

  async function approve(leader: number) {
    const session: Session = {
      kind: "approve",
      steps: ["/pending", { press: /^tr-open:/ }, { press: /^tr-approve:/ }],
      bound: true,
    };
    while (busy.has(leader)) await sleep(5);
    await play(session, leader);
  }

  const next = (make: () => Session) => {
    const leader = approvals.shift();
    if (leader !== undefined) return approve(leader);
    const session = make();
    return takeMember(session.bound).then((id) => play(session, id));
  };

  /** `chats` people at once, each starting a new session as soon as the last ended. */
  async function closedLoop(make: () => Session, forS: number) {
    recorder = new Recorder();
    const deadline = performance.now() + forS * 1000;
    await Promise.all(
      Array.from({ length: chats }, async () => {
        while (performance.now() < deadline) await next(make);
      }),
    );
    return recorder;
  }

  /** Sessions started at a steady pace, so that about `rate` messages a second arrive. */
  async function openLoop(make: () => Session, rate: number, forS: number) {
    recorder = new Recorder();
    const perSession = MIX.reduce((s, [w, f]) => s + w * f().steps.length, 0) / mixTotal;
    const interval = 1000 / (rate / perSession);
    const running = new Set<Promise<void>>();
    const start = performance.now();
    for (let i = 0; performance.now() - start < forS * 1000; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const p = next(make);
      running.add(p);
      void p.then(() => running.delete(p));
    }
    await Promise.all(running);
    return recorder;
  }

  async function rawStatus(memberId: number) {
    const user = String(CHAT_BASE + memberId);
    const who = await pool.query({
      // Prepared once per connection, as the bot's are (bot/infra/statement-names.ts).
      name: "raw-identity",
      text: `SELECT m.*, ci.locale FROM chat_identities ci JOIN members m ON m.id = ci.member_id
               WHERE ci.platform = 'TELEGRAM' AND ci.external_user_id = $1`,
      values: [user],
    });
    const m = who.rows[0] as { id: number; org_id: number };
    // The statement the bot's status view reads, from the same facts.
    const facts = factsSql(statusFacts({ id: m.id, orgId: m.org_id }, new Date(), config.TZ));
    await pool.query({ name: "raw-status", text: facts.text, values: facts.values });
  }

  async function rawLoop(forS: number) {
    const deadline = performance.now() + forS * 1000;
    const started = performance.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: chats }, async () => {
        while (performance.now() < deadline) {
          const id = await takeMember(true);
          await rawStatus(id).finally(() => busy.delete(id));
          done++;
        }
      }),
    );
    return done / ((performance.now() - started) / 1000);
  }

  const sum = (list: Counts[]) =>
    list.reduce(
      (a, b) => ({
        redisCommands: a.redisCommands + b.redisCommands,
        redisTrips: a.redisTrips + b.redisTrips,
        coreRedisTrips: a.coreRedisTrips + b.coreRedisTrips,
        pgQueries: a.pgQueries + b.pgQueries,
        cpuMs: a.cpuMs + b.cpuMs,
      }),
      { redisCommands: 0, redisTrips: 0, coreRedisTrips: 0, pgQueries: 0, cpuMs: 0 },
    );
  const counted = async () => sum(await Promise.all(procs.filter((p) => p.counted).map((p) => p.stats())));

  async function phase(name: string, run: () => Promise<Recorder>) {
    const before = await counted();
    const cpuBefore = driverCpu();
    const r = await run();
    const s = r.elapsedS();
    const after = await counted();
    const per = (k: keyof Counts) => (after[k] - before[k]) / Math.max(1, r.messages);
    const all = r.latencies.get("all") ?? [];
    console.log(
      `${name}: ${r.messages.toLocaleString()} messages in ${s.toFixed(1)} s = ${(r.messages / s).toFixed(0)}/s; ` +
        `p50 ${quantile(all, 0.5).toFixed(0)} ms, p99 ${quantile(all, 0.99).toFixed(0)} ms; ` +
        `unanswered ${r.failures}, busy ${r.busy}` +
        (r.waitedForMember ? `; ${r.waitedForMember} sessions waited for a free member` : "") +
        `; load ${loadavg()[0]!.toFixed(1)}`,
    );
    const dead = procs.find((p) => p.exit && !p.stopping);
    if (dead) throw new Error(`${name}: ${dead.script} stopped during the phase (${dead.exit}); no figure from it`);
    if (r.messages === 0 || r.busy > r.messages) {
      throw new Error(
        `${name}: ${r.messages} answered, ${r.busy} answered "busy" (PostgreSQL or Redis refused), ${r.failures} ` +
          "unanswered: a process could not use its database; see the processes' messages above",
      );
    }
    console.log(
      `  per message: Redis round trips ${per("redisTrips").toFixed(1)} (core client ${per("coreRedisTrips").toFixed(1)}, ` +
        `commands ${per("redisCommands").toFixed(1)}), PostgreSQL statements ${per("pgQueries").toFixed(1)}, ` +
        `bot CPU ${per("cpuMs").toFixed(2)} ms; driver+fake CPU ${((driverCpu() - cpuBefore) / r.messages).toFixed(2)} ms`,
    );
    return { rate: r.messages / s, recorder: r, p99: quantile(all, 0.99), p50: quantile(all, 0.5) };
  }

  const kinds = (r: Recorder) => {
    for (const [kind, list] of r.latencies) {
      if (kind === "all") continue;
      console.log(
        `  ${kind.padEnd(16)} ${String(list.length).padStart(7)}  p50 ${quantile(list, 0.5).toFixed(0).padStart(4)} ms  p99 ${quantile(list, 0.99).toFixed(0).padStart(5)} ms`,
      );
    }
  };

  try {
    // 0. What a grammY bot that does nothing reaches on this machine against this fake: the ceiling for any bot.
    const echo = fake.addBot();
    tokens.push(echo);
    procs.push(
      await spawnProc("bench/chat-echo-bot.ts", { TELEGRAM_BOT_TOKEN: echo, TELEGRAM_API_ROOT: fake.apiRoot }, true),
    );
    await closedLoop(() => pick(STATUS), Math.min(3, seconds));
    const ceiling = await phase("0. ceiling: a grammY bot answering one fixed text (no PostgreSQL, no Redis)", () =>
      closedLoop(() => pick(STATUS), seconds),
    );
    await Promise.all(procs.splice(0).map((p) => p.stop()));
    tokens.length = 0;

    const token = fake.addBot();
    tokens.push(token);
    const size = await poolSize(1);
    procs.push(await spawnProc("bench/chat-bot.ts", botEnv(token, fake.apiRoot, true, size), true));
    console.log(`one bot process (npm start, workers in it); ${chats} people at once, ${seconds} s a phase`);
    await closedLoop(() => pick(STATUS), Math.min(5, seconds)); // warm-up: model, connections, JIT
    const status = await phase("1. status look-ups", () => closedLoop(() => pick(STATUS), seconds));
    const raw = await rawLoop(seconds / 2);
    console.log(`2. the same look-ups as raw SQL: ${raw.toFixed(0)}/s`);
    console.log(`  end to end / raw SQL: ${(status.rate / raw).toFixed(2)}`);
    console.log(
      `  status look-ups / the ceiling: ${(status.rate / ceiling.rate).toFixed(2)}; the goal / the ceiling: ` +
        `${(GOAL_LOOKUPS / ceiling.rate).toFixed(2)} (above 1: beyond what a bot that does nothing reaches here)`,
    );
    console.log(
      `  Telegram sends at most ${TELEGRAM_CAP} messages/s for one bot: ${GOAL_LOOKUPS} answers/s takes ` +
        `${Math.ceil(GOAL_LOOKUPS / TELEGRAM_CAP)} bots (this run's answers were not held to the cap)`,
    );
    if (statusOnly) return;
    const mix = await phase("3. the mix, as fast as answered", () => closedLoop(fromMix, seconds));
    kinds(mix.recorder);
    const paced = await phase(`4. the mix at ${OPEN_RATE} messages/s`, () => openLoop(fromMix, OPEN_RATE, seconds));
    kinds(paced.recorder);
    console.log(`fake: ${JSON.stringify(fake.stats)}`);
    console.log("ratios to the goals (≥ 1 meets the goal):");
    console.log(
      `  status look-ups/s ${status.rate.toFixed(0)} / ${GOAL_LOOKUPS}: ${(status.rate / GOAL_LOOKUPS).toFixed(2)}`,
    );
    console.log(
      `  end to end / raw SQL ${(status.rate / raw).toFixed(2)} / ${GOAL_RAW_RATIO}: ${(status.rate / raw / GOAL_RAW_RATIO).toFixed(2)}`,
    );
    const reached = paced.rate / OPEN_RATE;
    console.log(
      `  p99 at ${paced.rate.toFixed(0)}/s ${paced.p99.toFixed(0)} ms, goal < ${GOAL_P99_MS} ms: ${(GOAL_P99_MS / paced.p99).toFixed(2)}` +
        (reached < 0.95 ? ` (only ${(reached * 100).toFixed(0)}% of ${OPEN_RATE}/s reached)` : "") +
        (only ? ` — ${only} alone (--only), not the goal's mix` : ""),
    );

    if (scale) {
      await Promise.all(procs.splice(0).map((p) => p.stop()));
      const second = fake.addBot();
      tokens.push(second);
      const each = await poolSize(2 * tokens.length);
      for (const t of tokens) {
        procs.push(await spawnProc("bench/chat-bot.ts", botEnv(t, fake.apiRoot, false, each), true));
      }
      for (const [i, t] of tokens.entries()) {
        const port = 43_100 + i;
        const env = {
          DATABASE_POOL_SIZE: String(each),
          TELEGRAM_BOT_TOKEN: t,
          TELEGRAM_API_ROOT: `${fake.apiRoot}/proactive`,
          RUN_WORKERS: "1",
          WORKERS_HTTP_PORT: String(port),
        };
        procs.push(await spawnProc("workers/main.ts", env, false, workersReady(port)));
      }
      await closedLoop(() => pick(STATUS), Math.min(5, seconds));
      const two = await phase("5. the mix, two bot + two worker processes", () => closedLoop(fromMix, seconds));
      kinds(two.recorder);
      console.log(`  ratio to one process: ${(two.rate / mix.rate).toFixed(2)}`);
    }
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await fake.close();
    await pool.end();
    await cleanRedis();
    if (process.env.BENCH_KEEP_DB) console.log(`kept ${dbUrl.pathname.slice(1)}`);
    else await dropDatabase();
  }
}

/** This run's keys only (never FLUSHDB: the Redis is shared). */
async function cleanRedis() {
  const { Redis } = await import("ioredis");
  const redis = new Redis(config.REDIS_URL);
  let cursor = "0";
  do {
    const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = nextCursor;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  // BullMQ's keys are `bull:<prefix>…`-free here: queues use REDIS_PREFIX as their prefix.
  await redis.quit();
}

async function dropDatabase() {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbUrl.pathname.slice(1)} WITH (FORCE)`).finally(() => c.end());
}

await main();
process.exit();
