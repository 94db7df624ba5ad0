// `npm start`: HTTP server, every configured channel and their delivery, and (RUN_WORKERS=1) the other workers.
// With no platform configured and a terminal attached, the console channel opens as the demo member.
// In a container run it as `node --import tsx bot/main.ts` (see Dockerfile): signals then reach this process directly.

import { createPacer } from "../workers/delivery/pacer.ts";
import { platformLimits } from "../workers/delivery/platform-limits.ts";
import { createReplyBudget } from "../workers/delivery/reply-budget.ts";
import { type RunningWorkers, startWorkers } from "../workers/start-workers.ts";
import { createApp } from "./app.ts";
import { configOrExit, prepareDatabase } from "./boot.ts";
import { createTerminal, terminalLogStream } from "./channels/console/terminal.ts";
import { type StartedChannels, startChannels, wantsConsole } from "./channels/start-channels.ts";
import { queueNames } from "./core/queues.ts";
import { createHttpServer } from "./http/server.ts";
import { createLogger } from "./infra/logger.ts";
import { type Closer, onShutdown, reportRedisOutages } from "./lifecycle.ts";

const config = configOrExit();
await prepareDatabase(config, { demo: config.DEMO_DATA });

// With the chat console open, log lines go to stderr one line each, above the prompt, never inside it.
const terminal = wantsConsole(config, true) ? createTerminal(process.stdout) : undefined;
const app = createApp(
  config,
  terminal ? { logger: createLogger(config, terminalLogStream(terminal, process.stderr)) } : {},
);
const { logger } = app.deps;
reportRedisOutages(
  logger,
  app.deps.redis,
  queueNames.map((name) => app.deps.queues[name]),
);
const http = createHttpServer(app.deps);

let channels: StartedChannels | undefined;
let workers: RunningWorkers | undefined;
const closers = (): Closer[] => [
  ...(channels ? [{ name: "channels", close: channels.stop }] : []),
  { name: "http", close: () => http.close() },
  ...(workers ? [{ name: "workers", close: workers.close }] : []),
  { name: "connections", close: app.close },
];
// Before anything that may wait (workers wait for Redis), so SIGTERM during start still shuts down cleanly.
const stop = onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, closers);

// Telegram's direct answers share the platform's send budget with the delivery worker (replies first).
const replyBudget = createReplyBudget(createPacer(app.deps.redis, config.REDIS_PREFIX, platformLimits(config)));
channels = await startChannels(app, http, { interactiveConsole: true, replyBudget, ...(terminal ? { terminal } : {}) });
// Closing the console (Ctrl-D) ends a local session the same way as Ctrl-C.
void channels.consoleDone?.then(() => stop("console closed").then(() => process.exit(0)));
await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
// Delivery for this process's channels always runs here (a WeChat session can only send from its own process);
// fan-out, schedules and the reconciler too with RUN_WORKERS=1, else in `npm run workers`.
workers = await startWorkers(app.deps, channels.senders, { background: config.RUN_WORKERS });
logger.info({ port: config.HTTP_PORT, channels: channels.names, background: config.RUN_WORKERS }, "Tuanzhu is running");
