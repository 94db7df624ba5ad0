// `npm run workers`: the workers as a process of their own, beside `npm start` with RUN_WORKERS=0.
//
// What it can send: a delivery worker needs a sender, and a sender here must not take updates (only one process
// may poll Telegram or hold the WeChat session).
// - Telegram: sending needs only the token, so this process builds a sender from its own API client.
// - WeChat: the logged-in session lives in the process that runs the channel; no second process can send on it.
//   WeChat's jobs stay in their own queue (delivery-wechat) for the delivery worker of the process running the
//   WeChat channel: `npm start` delivers for its own channels whatever RUN_WORKERS says.
// - Official Account: like Telegram, sending needs only the app id and secret (the access token is shared in Redis).
// - Console: sends to its own terminal, so the same holds.
// Reconciliation and schedules (maintenance) and notice fan-out run here whatever the platforms.
import { Api } from "grammy";
import pg from "pg";
import { createApp } from "../bot/app.ts";
import { configOrExit } from "../bot/boot.ts";
import { officialAccountSender } from "../bot/channels/official-account/sender.ts";
import { createTelegramSender } from "../bot/channels/telegram/sender.ts";
import { queueNames } from "../bot/core/queues.ts";
import type { ChannelSender, PlatformName } from "../bot/core/types.ts";
import { type Closer, onShutdown, reportRedisOutages } from "../bot/lifecycle.ts";
import { describeConnectionError } from "../prisma/tools/database.ts";
import { createWorkersHttpServer } from "./http-server.ts";
import { startWorkers } from "./start-workers.ts";

const config = configOrExit();

// The bot process migrates; this one only makes sure the database is there (and migrated) before taking jobs.
const check = new pg.Client({ connectionString: config.DATABASE_URL });
try {
  await check.connect();
  await check.query("SELECT 1 FROM outbox_messages LIMIT 1");
} catch (error) {
  const missingTable = (error as { code?: string }).code === "42P01";
  console.error(
    missingTable
      ? "The database is not migrated yet: start the bot once (npm start) or run npm run db:migrate."
      : describeConnectionError(error, config.DATABASE_URL),
  );
  process.exit(1);
} finally {
  await check.end().catch(() => {});
}

const app = createApp(config);
const { logger } = app.deps;
reportRedisOutages(
  logger,
  app.deps.redis,
  queueNames.map((name) => app.deps.queues[name]),
);

const senders = new Map<PlatformName, ChannelSender>();
if (config.TELEGRAM_BOT_TOKEN) {
  const api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  senders.set("telegram", createTelegramSender(api, logger));
}
if (config.WECHAT_OA_APPID) {
  senders.set("wechat_oa", officialAccountSender(config, app.deps.redis, app.deps.i18n).sender);
}
if (config.WECHATY_PUPPET) {
  logger.warn("WeChat messages are delivered by the process that runs the WeChat channel (npm start)");
}

// Health and this process's own counters (jobs, deliveries) for Prometheus, on a port of its own.
const http = createWorkersHttpServer(app.deps);

let workers: Awaited<ReturnType<typeof startWorkers>> | undefined;
const closers = (): Closer[] => [
  { name: "http", close: () => http.close() },
  ...(workers ? [{ name: "workers", close: workers.close }] : []),
  { name: "connections", close: app.close },
];
// Before starting the workers (they wait for Redis), so SIGTERM during start still shuts down cleanly.
onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, closers);
await http.listen({ host: config.HTTP_HOST, port: config.WORKERS_HTTP_PORT });
workers = await startWorkers(app.deps, senders);
logger.info({ delivers: [...senders.keys()] }, "Tuanzhu workers are running");
