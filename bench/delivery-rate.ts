// `npm run bench:delivery -- [seconds] [messages per chat]`: how close the delivery worker gets to Telegram's limit without being
// told off. A local fake Bot API enforces 30 messages/s for the bot and 1/s per chat (429 beyond); the real
// delivery worker sends a backlog bigger than it can finish, through the Telegram channel's sender, for the given
// time (default 60 s), with about 3 messages per chat unless told otherwise (1 is a broadcast: no chat waits). Prints the achieved rate as a ratio to the configured limit, and the number of 429s.
// Uses its own database and Redis prefix and removes both afterwards.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Api } from "grammy";
import { createApp } from "../bot/app.ts";
import { createTelegramSender } from "../bot/channels/telegram/sender.ts";
import { loadConfig } from "../bot/config.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { startWorkers } from "../workers/start-workers.ts";
import { benchDatabase } from "./bench-db.ts";
import { epochMs, type FakeBotApiStats } from "./fake-bot-api.ts";

/** Starts bench/fake-bot-api-process.ts and talks to it over stdin/stdout. */
async function startFakeBotApiProcess(perSecond: number, chatGapMs: number) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("./fake-bot-api-process.ts", import.meta.url).pathname,
      String(perSecond),
      String(chatGapMs),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => JSON.parse((await lines.next()).value as string);
  const { apiRoot } = (await nextLine()) as { apiRoot: string };
  return {
    apiRoot,
    async stats(): Promise<FakeBotApiStats> {
      child.stdin.write("stats\n");
      return nextLine();
    },
    async close() {
      child.stdin.end();
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

const seconds = Number(process.argv[2] ?? 60);
const perChat = Number(process.argv[3] ?? 3);
if (!Number.isFinite(seconds) || seconds < 5 || !(perChat >= 1)) {
  console.error("Usage: npm run bench:delivery -- [seconds ≥ 5] [messages per chat ≥ 1]");
  process.exit(2);
}
const LIMIT = 30;
// More than can be sent in the time; several messages per chat put the per-chat limit in play too.
const messages = Math.ceil(seconds * LIMIT * 1.25);
const chats = Math.ceil(messages / perChat);

const database = benchDatabase();
const dbName = database.name;
const url = database.url;

const fake = await startFakeBotApiProcess(LIMIT, 1_000);
await database.create();
await migrate(url);
const prefix = `bench-${dbName}`;
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  REDIS_PREFIX: prefix,
  LOG_LEVEL: "error",
  TELEGRAM_BOT_TOKEN: "123456:bench",
  TELEGRAM_API_ROOT: fake.apiRoot,
  TELEGRAM_SENDS_PER_SECOND: String(LIMIT),
  TELEGRAM_CHAT_SENDS_PER_SECOND: "1",
});
const app = createApp(config);
const { db } = app.deps;
try {
  console.log(
    `${messages} messages to ${chats} Telegram chats; limit ${LIMIT}/s for the bot, 1/s per chat; ${seconds} s`,
  );
  await db.chatIdentity.createMany({
    data: Array.from({ length: chats }, (_, i) => ({
      platform: "TELEGRAM" as const,
      externalUserId: String(100_000 + i),
      chatId: String(100_000 + i),
    })),
  });
  const identities = (await db.chatIdentity.findMany({ select: { id: true } })).map((i) => i.id);
  // Urgent, so quiet hours do not hold the bench back at night.
  const rows = await db.outboxMessage.createManyAndReturn({
    data: Array.from({ length: messages }, (_, i) => ({
      // Every chat gets its share, in random order.
      identityId: perChat === 1 ? identities[i]! : identities[Math.floor(Math.random() * identities.length)]!,
      messageKey: "start-help-text",
      urgent: true,
    })),
    select: { id: true },
  });

  const api = new Api(config.TELEGRAM_BOT_TOKEN!, { apiRoot: config.TELEGRAM_API_ROOT });
  const workers = await startWorkers(app.deps, new Map([["telegram", createTelegramSender(api, app.deps.logger)]]));
  const started = epochMs();
  await app.deps.outbox.dispatch(rows.map((r) => r.id));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const stoppedAt = epochMs();
  await workers.close();

  const { accepted, tooMany, tooManyForBot, tooManyForChat, acceptedAt } = await fake.stats();
  const inTime = acceptedAt.filter((t) => t <= stoppedAt);
  const elapsed = (stoppedAt - started) / 1000;
  const rate = inTime.length / elapsed;
  const sent = await db.outboxMessage.count({ where: { status: "SENT" } });
  const failed = await db.outboxMessage.count({ where: { status: "FAILED" } });
  console.log(`accepted by the API: ${accepted} (${sent} rows SENT, ${failed} FAILED)`);
  console.log(`429 answers: ${tooMany} (bot over ${LIMIT}/s: ${tooManyForBot}, chat over 1/s: ${tooManyForChat})`);
  console.log(
    `achieved ${rate.toFixed(2)} msg/s over ${elapsed.toFixed(1)} s — ratio to the ${LIMIT}/s limit: ${(rate / LIMIT).toFixed(3)}`,
  );
  // The busiest second, measured the way the fake API measures (any sliding second).
  let peak = 0;
  for (let i = 0, j = 0; i < acceptedAt.length; i++) {
    while (acceptedAt[i]! - acceptedAt[j]! >= 1_000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  console.log(`busiest sliding second: ${peak} messages`);
} finally {
  const keys = [...(await app.deps.redis.keys(`${prefix}*`)), ...(await app.deps.redis.keys(`{${prefix}}*`))];
  if (keys.length) await app.deps.redis.del(...keys);
  await app.close();
  await fake.close();
  await database.drop();
}
process.exit();
