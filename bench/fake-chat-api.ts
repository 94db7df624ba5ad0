// The fake Bot API of `npm run bench:chat`: people write (updates served to the bot's long polling), and the time
// from an update being made available to the bot's answer arriving here is that message's reply latency. One server
// may stand for several bots (one token each, one update queue each): two bot processes then poll two bots.
// Sends under `/proactive/bot<token>/` are the delivery worker's (bench/chat-bot.ts points its sender there): counted,
// never taken for a reply. No flood limits here: the bot's own reply budget paces it (TELEGRAM_SENDS_PER_SECOND).
import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Answer {
  latencyMs: number;
  text: string;
  /** Callback payloads of the answer's buttons, in order. */
  buttons: string[];
  messageId: number;
}

interface Bot {
  id: number;
  token: string;
  pending: unknown[];
  waiting: (() => void)[];
  nextUpdateId: number;
}

export interface FakeChatApi {
  apiRoot: string;
  /** A new bot on this server; its token. */
  addBot(): string;
  /** Person `userId` writes `text` to bot `token` in their private chat; resolves with the first answer. */
  say(token: string, userId: number, text: string, language?: string): Promise<Answer>;
  /** Person `userId` taps the button `payload` under the bot's message `messageId`. */
  press(token: string, userId: number, payload: string, messageId: number): Promise<Answer>;
  stats: { replies: number; extraReplies: number; proactive: number; callbackAnswers: number; unanswered: number };
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").startsWith("application/json")) return JSON.parse(text);
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startFakeChatApi(): Promise<FakeChatApi> {
  const bots = new Map<string, Bot>();
  const outstanding = new Map<number, { at: number; resolve: (a: Answer) => void; timer: NodeJS.Timeout }>();
  const stats = { replies: 0, extraReplies: 0, proactive: 0, callbackAnswers: 0, unanswered: 0 };
  let nextMessageId = 1;
  const seconds = () => Math.floor(Date.now() / 1000);

  function offer(bot: Bot, update: Record<string, unknown>, userId: number): Promise<Answer> {
    if (outstanding.has(userId)) throw new Error(`chat ${userId} already waits for an answer`);
    const offered = { update_id: bot.nextUpdateId++, ...update };
    const answer = new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        outstanding.delete(userId);
        // Not fetched yet: the person gave up; a bot started later must not find a backlog of them.
        bot.pending = bot.pending.filter((u) => u !== offered);
        stats.unanswered++;
        reject(new Error(`no answer in chat ${userId}`));
      }, 10_000);
      outstanding.set(userId, { at: performance.now(), resolve, timer });
    });
    bot.pending.push(offered);
    for (const wake of bot.waiting.splice(0)) wake();
    return answer;
  }

  const person = (userId: number, language: string) => ({
    id: userId,
    is_bot: false,
    first_name: "团员",
    language_code: language,
  });
  const chat = (userId: number) => ({ id: userId, type: "private", first_name: "团员" });

  async function getUpdates(bot: Bot, p: Record<string, unknown>, res: ServerResponse) {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) bot.pending = bot.pending.filter((u) => (u as { update_id: number }).update_id >= offset);
    if (bot.pending.length === 0) {
      const hold = Math.min(Number(p.timeout ?? 0) * 1000, 1_000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, hold);
        bot.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
        res.once("close", resolve);
      });
    }
    return bot.pending.slice(0, Number(p.limit ?? 100));
  }

  function sent(p: Record<string, unknown>, proactive: boolean) {
    const chatId = Number(p.chat_id);
    const messageId = nextMessageId++;
    const keyboard = (p.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)
      ?.inline_keyboard;
    const waiting = proactive ? undefined : outstanding.get(chatId);
    if (proactive) stats.proactive++;
    else if (!waiting) stats.extraReplies++;
    else {
      stats.replies++;
      outstanding.delete(chatId);
      clearTimeout(waiting.timer);
      waiting.resolve({
        latencyMs: performance.now() - waiting.at,
        text: String(p.text ?? p.caption ?? ""),
        buttons: (keyboard ?? []).flat().map((b) => b.callback_data),
        messageId,
      });
    }
    return { message_id: messageId, date: seconds(), chat: chat(chatId), text: String(p.text ?? "") };
  }

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const match = /^(\/proactive)?\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    const reply = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    const bot = match ? bots.get(match[2]!) : undefined;
    if (!match || !bot) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const proactive = Boolean(match[1]);
    const method = match[3]!;
    const p = await readJson(req);
    const ok = (result: unknown) => reply(200, { ok: true, result });
    switch (method) {
      case "getMe":
        return ok({ id: bot.id, is_bot: true, first_name: "团助", username: `tuanzhu_bench_${bot.id}_bot` });
      case "getUpdates":
        return ok(await getUpdates(bot, p, res));
      case "sendMessage":
      case "sendPhoto":
      case "sendDocument":
        return ok(sent(p, proactive));
      case "answerCallbackQuery":
        stats.callbackAnswers++;
        return ok(true);
      case "editMessageText":
        return ok(true);
      case "setMyCommands":
      case "deleteWebhook":
      case "setWebhook":
        return ok(true);
      default:
        return reply(404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ ok: false, description: String(error) }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    stats,
    addBot() {
      const id = randomInt(1_000_000, 9_000_000);
      const token = `${id}:bench${randomInt(1e9).toString(36)}`;
      bots.set(token, { id, token, pending: [], waiting: [], nextUpdateId: randomInt(1_000, 1_000_000) });
      return token;
    },
    say(token, userId, text, language = "zh-hans") {
      const message: Record<string, unknown> = {
        message_id: nextMessageId++,
        date: seconds(),
        chat: chat(userId),
        from: person(userId, language),
        text,
      };
      const command = /^\/\w+/.exec(text);
      if (command) message.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
      return offer(bots.get(token)!, { message }, userId);
    },
    press(token, userId, payload, messageId) {
      const callback_query = {
        id: String(nextMessageId++),
        from: person(userId, "zh-hans"),
        chat_instance: String(userId),
        message: { message_id: messageId, date: seconds(), chat: chat(userId), text: "…" },
        data: payload,
      };
      return offer(bots.get(token)!, { callback_query }, userId);
    },
    async close() {
      for (const bot of bots.values()) for (const wake of bot.waiting.splice(0)) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
