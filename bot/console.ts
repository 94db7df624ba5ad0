// `npm run console [-- --as <编号>|none] [--jsonl]`: chat with the bot in the terminal, without HTTP or background
// workers (only the delivery of console messages, so what the bot sends on its own reaches the console).
// --jsonl reads one message per line (text, {"text":…}, {"button":…} or {"image":"<file>"}) and writes one JSON
// object per reply, and one with "proactive": true per message the bot sent on its own to the acting member.
import { startWorkers } from "../workers/start-workers.ts";
import { createApp } from "./app.ts";
import { configOrExit, prepareDatabase } from "./boot.ts";
import { bindConsoleIdentity, createConsoleChannel } from "./channels/console/console-channel.ts";
import { createConsoleInbox } from "./channels/console/inbox.ts";
import { settleOutbox } from "./channels/console/settle.ts";
import { createTerminal, terminalLogStream } from "./channels/console/terminal.ts";
import { cliArgs } from "./cli-args.ts";
import { createI18n } from "./core/i18n.ts";
import { createLogger } from "./infra/logger.ts";

const config = configOrExit();
const { values } = cliArgs(
  { options: { as: { type: "string" }, jsonl: { type: "boolean", default: false } } },
  () => createI18n(config.DEFAULT_LOCALE).translator(config.DEFAULT_LOCALE),
  "core-console-usage",
);
await prepareDatabase(config, { demo: config.DEMO_DATA });

// Logs go to stderr in either mode: in --jsonl mode only warnings, so stdout stays machine-readable; in a terminal
// one line each, above the prompt.
const terminal = createTerminal(process.stdout);
const logger = values.jsonl
  ? createLogger({ ...config, LOG_LEVEL: "warn" })
  : createLogger(config, terminalLogStream(terminal, process.stderr));
const app = createApp(config, { logger });
const as = values.as ?? config.CONSOLE_AS;
let identity: Awaited<ReturnType<typeof bindConsoleIdentity>>;
try {
  identity = await bindConsoleIdentity(app.deps.db, as);
} catch (error) {
  console.error((error as Error).message);
  await app.close();
  process.exit(1);
}
const channel = createConsoleChannel({
  core: app.core,
  db: app.deps.db,
  input: process.stdin,
  output: process.stdout,
  jsonl: values.jsonl,
  as,
  userId: identity.userId,
  imageLabel: app.deps.i18n.t(config.DEFAULT_LOCALE, "core-image-attached"),
  inbox: createConsoleInbox(app.deps.redis, config.REDIS_PREFIX),
  terminal,
  // A script's last message may set off messages to the member (a confirmation): wait for them before exiting.
  ...(values.jsonl ? { settle: () => settleOutbox(app.deps.db, identity.userId, app.deps.now) } : {}),
});
const workers = await startWorkers(app.deps, new Map([["console", channel.sender]]), { background: false });
if (!values.jsonl) {
  process.stdout.write(
    // On a line of its own: the prompt's line is cleared when a log line goes above it.
    `${app.deps.i18n.t(config.DEFAULT_LOCALE, "core-console-banner", { name: identity.memberName ?? "-" })}\n`,
  );
}
await channel.run();
await workers.close();
await app.close();
// The migration engine (prepareDatabase) leaves a 10-second timer behind; nothing else is pending.
process.exit();
