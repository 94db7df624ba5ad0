// The fake Bot API in a process of its own, as Telegram is: a pause in the bot's process (garbage collection, a
// busy event loop) must not also delay the fake's clock. Prints {"apiRoot"} once; answers a "stats" line on
// stdin with the stats as one JSON line; exits when stdin ends.
import { createInterface } from "node:readline";
import { startFakeBotApi } from "./fake-bot-api.ts";

const fake = await startFakeBotApi({
  perSecond: Number(process.argv[2] ?? 30),
  chatGapMs: Number(process.argv[3] ?? 1000),
});
process.stdout.write(`${JSON.stringify({ apiRoot: fake.apiRoot })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "stats") process.stdout.write(`${JSON.stringify(fake.stats)}\n`);
}
await fake.close();
process.exit();
