// The ceiling for `npm run bench:chat`: a grammY bot that answers every message with one fixed text — no database,
// no Redis, no language model — long-polling the same fake Bot API with the same runner and per-chat ordering as
// the Telegram channel. What it reaches is what any grammY bot can reach on this machine against this fake, so the
// bench prints the goal and our bot as ratios to it. Same protocol as chat-bot.ts: {"ready":true}, then a JSON
// line per "stats" line on stdin; stops when stdin ends.
import { createInterface } from "node:readline";
import { run, sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT!, timeoutSeconds: 30 },
});
await bot.init();
bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
bot.on("message", (ctx) => ctx.reply("ok"));
bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] }, silent: true } });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== "stats") continue;
  const cpu = process.cpuUsage();
  const counts = { redisCommands: 0, redisTrips: 0, coreRedisTrips: 0, pgQueries: 0 };
  process.stdout.write(`${JSON.stringify({ ...counts, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}
await runner.stop();
process.exit();
