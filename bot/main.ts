// `npm start`: HTTP server, every configured channel and (RUN_WORKERS=1) the workers, in one process.
// With no platform configured and a terminal attached, the console channel opens as the demo member.

import { startWorkers } from "../workers/start-workers.ts";
import { createApp } from "./app.ts";
import { configOrExit, prepareDatabase } from "./boot.ts";
import { startChannels } from "./channels/start-channels.ts";
import { createHttpServer } from "./http/server.ts";
import { type Closer, onShutdown } from "./lifecycle.ts";

const config = configOrExit();
await prepareDatabase(config, { demo: config.DEMO_DATA });

const app = createApp(config);
const { logger } = app.deps;
const http = createHttpServer(app.deps);
const channels = await startChannels(app, http, { interactiveConsole: true });
await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
const workers = config.RUN_WORKERS ? await startWorkers(app.deps, channels.senders) : undefined;

const closers = (): Closer[] => [
  { name: "channels", close: channels.stop },
  { name: "http", close: () => http.close() },
  ...(workers ? [{ name: "workers", close: workers.close }] : []),
  { name: "connections", close: app.close },
];
const stop = onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, closers);
logger.info({ port: config.HTTP_PORT, channels: channels.names, workers: Boolean(workers) }, "Tuanzhu is running");

// Closing the console (Ctrl-D) ends a local session the same way as Ctrl-C.
void channels.consoleDone?.then(() => stop("console closed").then(() => process.exit(0)));
