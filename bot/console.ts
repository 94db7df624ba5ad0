// `npm run console [-- --as <编号>|none] [--jsonl]`: chat with the bot in the terminal, without HTTP or workers.
// --jsonl reads one message per line (text, {"text":…}, {"button":…} or {"image":"<file>"}) and writes one JSON
// object per reply.
import { parseArgs } from "node:util";
import { createApp } from "./app.ts";
import { configOrExit, prepareDatabase } from "./boot.ts";
import { bindConsoleIdentity, createConsoleChannel } from "./channels/console/console-channel.ts";
import { createLogger } from "./infra/logger.ts";

const { values } = parseArgs({
  options: { as: { type: "string" }, jsonl: { type: "boolean", default: false } },
});
const config = configOrExit();
await prepareDatabase(config, { demo: config.DEMO_DATA });

// Logs go to stderr in either mode; in --jsonl mode only warnings, so stdout stays machine-readable.
const logger = createLogger({ ...config, LOG_LEVEL: values.jsonl ? "warn" : config.LOG_LEVEL });
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
});
if (!values.jsonl) {
  process.stdout.write(
    app.deps.i18n.t(config.DEFAULT_LOCALE, "core-console-banner", { name: identity.memberName ?? "-" }),
  );
}
await channel.run();
await app.close();
// The migration engine (prepareDatabase) leaves a 10-second timer behind; nothing else is pending.
process.exit();
