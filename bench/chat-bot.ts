// One bot process of `npm run bench:chat`, composed as `npm start` composes it (bot/main.ts): the app, the Telegram
// channel long-polling the bench's fake Bot API with the reply budget, the delivery worker for its channel (and the
// other workers with RUN_WORKERS=1). Its proactive sends go to `<TELEGRAM_API_ROOT>/proactive`, so the fake tells
// them from replies. It counts every Redis command and round trip and every PostgreSQL statement it makes.
// Opens its whole PostgreSQL pool first (exit 1 when it cannot). Prints {"ready":true} once polling; answers a
// "stats" line on stdin with one JSON line; stops when stdin ends.
import { createInterface } from "node:readline";
import { Api } from "grammy";
import { Pipeline, Redis } from "ioredis";
import pg from "pg";
import { createApp } from "../bot/app.ts";
import { configOrExit } from "../bot/boot.ts";
import { startChannels } from "../bot/channels/start-channels.ts";
import { createTelegramSender } from "../bot/channels/telegram/sender.ts";
import { createHttpServer } from "../bot/http/server.ts";
import { createPacer } from "../workers/delivery/pacer.ts";
import { platformLimits } from "../workers/delivery/platform-limits.ts";
import { createReplyBudget } from "../workers/delivery/reply-budget.ts";
import { startWorkers } from "../workers/start-workers.ts";

// Counted before anything connects. A pipeline is one round trip however many commands it carries.
const counts = { redisCommands: 0, redisTrips: 0, coreRedisTrips: 0, pgQueries: 0 };
let coreRedis: unknown;
const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis["sendCommand"]>) {
  counts.redisCommands++;
  if (process.env.BENCH_LOG_REDIS) {
    const c = args[0] as { name?: string; args?: unknown[] };
    process.stderr.write(
      `REDIS ${c.name} ${(c.args ?? []).slice(0, 4).map(String).join(" ").slice(0, 200)} ${args[1] === undefined ? "" : "(pipelined)"}\n`,
    );
  }
  if (args[1] === undefined) {
    counts.redisTrips++;
    if (this === coreRedis) counts.coreRedisTrips++;
  }
  return sendCommand.apply(this, args);
} as Redis["sendCommand"];
const exec = Pipeline.prototype.exec;
Pipeline.prototype.exec = function (this: Pipeline & { redis: unknown }, ...args: Parameters<Pipeline["exec"]>) {
  counts.redisTrips++;
  if (this.redis === coreRedis) counts.coreRedisTrips++;
  return exec.apply(this, args);
} as Pipeline["exec"];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  counts.pgQueries++;
  if (process.env.BENCH_LOG_SQL) {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    process.stderr.write(`SQL ${String(text).replace(/\s+/g, " ").slice(0, 160)}\n`);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const config = configOrExit();
const app = createApp(config);
coreRedis = app.deps.redis;
// The whole pool opened before the bench measures (as many queries at once as it has connections): a server with no
// slot left stops this process here, in one line, rather than as answers that never come.
try {
  await Promise.all(
    Array.from({ length: config.DATABASE_POOL_SIZE }, () => app.deps.db.$queryRaw`SELECT 1 FROM pg_sleep(0.2)`),
  );
} catch (error) {
  const reason = String((error as Error).message)
    .replace(/\s+/g, " ")
    .trim();
  process.stderr.write(
    `bench bot: could not open ${config.DATABASE_POOL_SIZE} PostgreSQL connections (DATABASE_POOL_SIZE): ${reason}\n`,
  );
  process.exit(1);
}
const http = createHttpServer(app.deps);
// BENCH_REPLY_BUDGET: the replies' budget above the 1,000/s a bot can buy from Telegram (the configuration's
// maximum), so the bench measures what the bot can answer rather than the platform's cap; its Redis calls stay.
const budgetPerSecond = Number(process.env.BENCH_REPLY_BUDGET ?? config.TELEGRAM_SENDS_PER_SECOND);
const replyBudget = createReplyBudget(
  createPacer(
    app.deps.redis,
    config.REDIS_PREFIX,
    platformLimits({ ...config, TELEGRAM_SENDS_PER_SECOND: budgetPerSecond }),
  ),
);
const channels = await startChannels(app, http, { interactiveConsole: false, replyBudget });
const token = config.TELEGRAM_BOT_TOKEN!;
const proactive = new Api(token, { apiRoot: `${config.TELEGRAM_API_ROOT}/proactive`, timeoutSeconds: 30 });
const senders = new Map(channels.senders).set("telegram", createTelegramSender(proactive, app.deps.logger));
if (config.TELEGRAM_WEBHOOK_URL) await http.listen({ host: "127.0.0.1", port: config.HTTP_PORT });
const workers = await startWorkers(app.deps, senders, { background: config.RUN_WORKERS });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== "stats") continue;
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ ...counts, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}
await channels.stop();
await workers.close();
await http.close();
await app.close();
process.exit();
