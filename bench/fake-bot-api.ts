// A local stand-in for Telegram's Bot API that enforces its flood limits strictly: at most `perSecond` messages
// in any sliding second for the whole bot, and one message per `chatGapMs` in each chat; beyond that it answers
// 429 with retry_after, as Telegram does. Only sendMessage is served; it listens on 127.0.0.1 only.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBotApiStats {
  accepted: number;
  tooMany: number;
  /** 429s for the whole bot going too fast, and for one chat getting messages too close together. */
  tooManyForBot: number;
  tooManyForChat: number;
  /** Times (epoch ms, sub-millisecond) of accepted messages: comparable across processes. */
  acceptedAt: number[];
  /** Accepted messages per chat id: who got their message, and who got it twice. */
  perChat: Record<string, number>;
}

export interface FakeBotApi {
  apiRoot: string;
  stats: FakeBotApiStats;
  close(): Promise<void>;
}

/** Wall-clock milliseconds with performance.now()'s precision, the same in every process on the machine. */
export const epochMs = () => performance.timeOrigin + performance.now();

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeBotApi({ perSecond = 30, chatGapMs = 1_000 } = {}): Promise<FakeBotApi> {
  const stats: FakeBotApiStats = {
    accepted: 0,
    tooMany: 0,
    tooManyForBot: 0,
    tooManyForChat: 0,
    acceptedAt: [],
    perChat: {},
  };
  const lastPerChat = new Map<string, number>();
  let messageId = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const now = epochMs();
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (!req.url?.endsWith("/sendMessage"))
        return reply(404, { ok: false, error_code: 404, description: "Not Found" });
      const chatId = String(payload.chat_id);
      // Accepted messages within the last second (the log is in order, so count from the end).
      let recent = 0;
      for (let i = stats.acceptedAt.length - 1; i >= 0 && now - stats.acceptedAt[i]! < 1_000; i--) recent++;
      const last = lastPerChat.get(chatId);
      const botTooFast = recent >= perSecond;
      const chatTooFast = last !== undefined && now - last < chatGapMs;
      if (botTooFast || chatTooFast) {
        stats.tooMany++;
        if (botTooFast) stats.tooManyForBot++;
        if (chatTooFast) stats.tooManyForChat++;
        return reply(429, {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        });
      }
      stats.accepted++;
      stats.acceptedAt.push(now);
      stats.perChat[chatId] = (stats.perChat[chatId] ?? 0) + 1;
      lastPerChat.set(chatId, now);
      return reply(200, {
        ok: true,
        result: {
          message_id: ++messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(chatId), type: "private" },
          text: payload.text,
        },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
