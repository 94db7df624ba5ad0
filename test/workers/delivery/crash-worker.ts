// A worker process for the crash test: delivers Telegram rows with a fake sender that writes each send to
// SEND_LOG, and from the HANG_AT-th send on writes it and then never returns, as if the process froze between
// the platform's answer and the database write. The test kills it there.
import { appendFileSync } from "node:fs";
import { createApp } from "../../../bot/app.ts";
import { loadConfig } from "../../../bot/config.ts";
import type { ChannelSender } from "../../../bot/core/types.ts";
import { startWorkers } from "../../../workers/start-workers.ts";

const log = process.env.SEND_LOG!;
const hangAt = Number(process.env.HANG_AT);
let sends = 0;
const sender: ChannelSender = {
  platform: "telegram",
  async send(chatId) {
    sends++;
    appendFileSync(log, `${chatId}\n`);
    if (sends >= hangAt) await new Promise(() => {});
  },
};

const app = createApp(loadConfig());
// A short lock and stalled check (its period is kept in Redis for the whole queue), so the test's worker takes
// over the dead process's jobs quickly.
await startWorkers(app.deps, new Map([["telegram", sender]]), { lockDurationMs: 1_000, stalledIntervalMs: 300 });
process.stdout.write("ready\n");
