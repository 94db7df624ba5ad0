// A fake Telegram Bot API on 127.0.0.1: the bot talks to it over real HTTP (TELEGRAM_API_ROOT), the test plays
// the people in the chats. It records every call, so tests assert what a person would see, and it can be told
// to refuse a method the way Telegram does (flood control, blocked, migrated group, outage, unknown method).
import { randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
}

export interface Button {
  text: string;
  callback_data: string;
}

/** A message the bot sent, as the person sees it. */
export interface SentMessage {
  message_id: number;
  chatId: number;
  method: "sendMessage" | "sendPhoto" | "sendDocument";
  text?: string;
  caption?: string;
  /** Bytes of the uploaded photo. */
  photoBytes?: number;
  /** A document the bot sent (sendDocument): its file name and bytes. */
  document?: { name: string; bytes: Buffer };
  buttons: Button[][];
  replyTo?: number;
}

export interface Call {
  method: string;
  params: Record<string, unknown>;
  /** What the fake answered: "ok", or the error code it was told to give. */
  outcome: "ok" | number;
  at: number;
}

export type Failure =
  | { code: 429; retryAfter: number }
  | { code: 403; description?: string }
  | { code: 400; migrateTo?: number; description?: string }
  | { code: 404 }
  | { code: 500 };

interface ApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface Update {
  update_id: number;
  message?: Record<string, unknown> & { message_id: number };
  callback_query?: Record<string, unknown> & { id: string };
}

const MAX_POLL_HOLD_MS = 1000;

export interface FakeTelegram {
  token: string;
  apiRoot: string;
  bot: TgUser & { username: string };
  calls: Call[];
  /** Calls of one method, in order. */
  callsTo(method: string): Call[];
  /** Messages the bot sent, to one chat or to all. */
  sent(chatId?: number): SentMessage[];
  /** The webhook the bot set, if any. */
  webhook: { url: string; secret?: string } | undefined;

  /** A person writes; returns the update (queued for getUpdates, or ready to post to a webhook). */
  userSends(text: string, options?: SendOptions): Update;
  /** A photo; `bytes` are what getFile + the file download serve for it (a tiny PNG when not given). */
  userSendsPhoto(options?: SendOptions & { caption?: string; bytes?: Buffer }): Update;
  userSendsSticker(options?: SendOptions): Update;
  /** A person presses the button with this payload under one of the bot's messages. */
  userPresses(payload: string, messageId: number, options?: { from?: TgUser }): Update;
  /** The same update once more, as Telegram does when it did not see the bot take it. */
  redeliver(update: Update): void;

  /** Answer the next `times` calls of `method` with this failure. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Answer `method` with 404, as a server that does not have it. */
  unsupported(...methods: string[]): void;

  /** Resolves with the chat's messages once the bot has sent at least `n` there. */
  waitForMessages(chatId: number, n: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Resolves once `method` has been called `n` times (failed calls included). */
  waitForCalls(method: string, n?: number, timeoutMs?: number): Promise<Call[]>;
  close(): Promise<void>;
}

export interface SendOptions {
  from?: TgUser;
  chat?: TgChat;
  /** message_id of the message this one replies to (one of the bot's). */
  replyTo?: number;
}

export function telegramUser(id: number, first_name: string, language_code = "zh-hans"): TgUser {
  return { id, is_bot: false, first_name, language_code };
}

export const defaultUser = telegramUser(700001, "小明");

export function groupChat(id = -1001234567890, title = "计科2022级1班团支部"): TgChat {
  return { id, type: "supergroup", title };
}

export async function startFakeTelegram(options: { username?: string } = {}): Promise<FakeTelegram> {
  const botId = randomInt(1_000_000, 9_000_000);
  const token = `${botId}:${randomBytes(12).toString("hex")}`;
  const bot = {
    id: botId,
    is_bot: true,
    first_name: "团助",
    username: options.username ?? "tuanzhu_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };

  const calls: Call[] = [];
  const messages: SentMessage[] = [];
  const chats = new Map<number, TgChat>();
  const failures = new Map<string, Failure[]>();
  const missing = new Set<string>();
  const callbackIds = new Set<string>();
  // Files people sent, by file_id: what getFile describes and /file/bot<token>/<path> serves.
  const files = new Map<string, { path: string; bytes: Buffer }>();
  // Like Telegram, ids start somewhere arbitrary; it also keeps two fakes in one Redis prefix apart.
  let nextUpdateId = randomInt(1_000_000, 900_000_000);
  let nextMessageId = 1;
  let pending: Update[] = [];
  let waitingPolls: (() => void)[] = [];
  let listeners: (() => void)[] = [];
  let webhook: FakeTelegram["webhook"];
  const now = () => Math.floor(Date.now() / 1000);

  const notify = () => {
    for (const l of listeners) l();
  };
  const queue = (update: Update) => {
    pending.push(update);
    const polls = waitingPolls;
    waitingPolls = [];
    for (const wake of polls) wake();
  };

  const methods: Record<string, (p: Record<string, unknown>) => unknown> = {
    getMe: () => bot,
    getUpdates: () => {
      throw new Error("handled separately");
    },
    sendMessage: (p) => {
      const text = String(p.text ?? "");
      if (!text.trim()) throw badRequest("message text is empty");
      if (text.length > 4096) throw badRequest("message is too long");
      return deliver(p, { method: "sendMessage", text });
    },
    sendPhoto: (p) => {
      if (!p.photo) throw badRequest("there is no photo in the request");
      const caption = p.caption === undefined ? undefined : String(p.caption);
      if (caption && caption.length > 1024) throw badRequest("message caption is too long");
      return deliver(p, {
        method: "sendPhoto",
        ...(caption !== undefined ? { caption } : {}),
        photoBytes: Buffer.isBuffer(p.photo) ? p.photo.length : 0,
      });
    },
    sendDocument: (p) => {
      if (!Buffer.isBuffer(p.document)) throw badRequest("there is no document in the request");
      const caption = p.caption === undefined ? undefined : String(p.caption);
      if (caption && caption.length > 1024) throw badRequest("message caption is too long");
      const name = (p.document as Buffer & { filename?: string }).filename ?? "document";
      return deliver(p, {
        method: "sendDocument",
        ...(caption !== undefined ? { caption } : {}),
        document: { name, bytes: Buffer.from(p.document) },
      });
    },
    answerCallbackQuery: (p) => {
      if (!callbackIds.has(String(p.callback_query_id))) throw badRequest("query is too old or query ID is invalid");
      return true;
    },
    editMessageText: (p) => {
      const message = messages.find((m) => m.message_id === Number(p.message_id) && m.chatId === Number(p.chat_id));
      if (!message) throw badRequest("message to edit not found");
      message.text = String(p.text);
      message.buttons = keyboardOf(p.reply_markup);
      notify();
      return toMessage(message);
    },
    setMyCommands: (p) => {
      const commands = p.commands as { command: string; description: string }[];
      const valid = commands.every(
        (c) => /^[a-z0-9_]{1,32}$/.test(c.command) && c.description.length >= 1 && c.description.length <= 256,
      );
      if (!valid) throw badRequest("BOT_COMMAND_INVALID");
      return true;
    },
    setWebhook: (p) => {
      webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
      return true;
    },
    deleteWebhook: () => {
      webhook = undefined;
      return true;
    },
    getFile: (p) => {
      const fileId = String(p.file_id ?? "");
      const file = files.get(fileId);
      if (!file) throw badRequest("invalid file_id");
      return { file_id: fileId, file_unique_id: `u-${fileId}`, file_size: file.bytes.length, file_path: file.path };
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 }),
  };

  function deliver(p: Record<string, unknown>, content: Omit<SentMessage, "message_id" | "chatId" | "buttons">) {
    const chatId = Number(p.chat_id);
    if (!Number.isSafeInteger(chatId)) throw badRequest("chat not found");
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const message: SentMessage = {
      message_id: nextMessageId++,
      chatId,
      ...content,
      buttons: keyboardOf(p.reply_markup),
      ...(replyTo !== undefined ? { replyTo } : {}),
    };
    messages.push(message);
    notify();
    return toMessage(message);
  }

  function keyboardOf(markup: unknown): Button[][] {
    const rows = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
    for (const b of rows.flat()) {
      if (Buffer.byteLength(b.callback_data) > 64 || !b.callback_data) throw badRequest("BUTTON_DATA_INVALID");
    }
    return rows;
  }

  function chatOf(id: number): TgChat {
    return chats.get(id) ?? (id > 0 ? { id, type: "private", first_name: "?" } : { id, type: "supergroup" });
  }

  function toMessage(m: SentMessage) {
    return {
      message_id: m.message_id,
      date: now(),
      chat: chatOf(m.chatId),
      from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.caption !== undefined ? { caption: m.caption } : {}),
      ...(m.photoBytes !== undefined
        ? { photo: [{ file_id: `photo-${m.message_id}`, file_unique_id: `u${m.message_id}`, width: 800, height: 600 }] }
        : {}),
      ...(m.document
        ? {
            document: {
              file_id: `doc-${m.message_id}`,
              file_unique_id: `d${m.message_id}`,
              file_name: m.document.name,
            },
          }
        : {}),
      ...(m.buttons.length ? { reply_markup: { inline_keyboard: m.buttons } } : {}),
    };
  }

  async function getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Update[]> {
    if (webhook) throw apiError(409, "Conflict: can't use getUpdates method while webhook is active");
    const offset = Number(p.offset ?? 0);
    const limit = Number(p.limit ?? 100);
    const hold = Math.min(Number(p.timeout ?? 0) * 1000, MAX_POLL_HOLD_MS);
    // An offset confirms every update before it: Telegram forgets them.
    if (offset > 0) pending = pending.filter((u) => u.update_id >= offset || redelivered.has(u));
    const ready = () =>
      pending
        .filter((u) => u.update_id >= offset || redelivered.has(u))
        .sort((a, b) => a.update_id - b.update_id)
        .slice(0, limit);
    if (ready().length === 0 && hold > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waitingPolls = waitingPolls.filter((w) => w !== wake);
          resolve();
        }, hold);
        waitingPolls.push(wake);
        // The bot stopped polling (aborted the request).
        res.once("close", wake);
      });
    }
    const batch = ready();
    for (const u of batch) redelivered.delete(u);
    return batch;
  }
  const redelivered = new Set<Update>();

  /** GET /file/bot<token>/<file_path>: the bytes of a file people sent. */
  function download(path: string, res: ServerResponse) {
    const [, givenToken, filePath] = /^\/file\/bot([^/]+)\/(.+)$/.exec(path) ?? [];
    const file = [...files.values()].find((f) => f.path === filePath);
    calls.push({
      method: "download",
      params: { path: filePath },
      outcome: file && givenToken === token ? "ok" : 404,
      at: Date.now(),
    });
    if (!file || givenToken !== token) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
  }

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname.startsWith("/file/")) return download(pathname, res);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    const send = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (!match) return send(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, givenToken, method] = match as unknown as [string, string, string];
    if (givenToken !== token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });

    const params = await readParams(req);
    const call: Call = { method, params, outcome: "ok", at: Date.now() };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    let result: unknown;
    try {
      if (failure) throw toApiError(failure);
      if (missing.has(method) || !methods[method]) throw apiError(404, "Not Found: method not found");
      result = method === "getUpdates" ? await getUpdates(params, res) : methods[method]!(params);
    } catch (error) {
      if (!isApiError(error)) throw error;
      call.outcome = error.error_code;
      notify();
      return send(error.error_code, error);
    }
    notify();
    send(200, { ok: true, result });
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function message(from: TgUser, chat: TgChat, extra: Record<string, unknown>): Update {
    chats.set(chat.id, chat);
    const update = {
      update_id: nextUpdateId++,
      message: { message_id: nextMessageId++, date: now(), chat, from, ...extra },
    };
    queue(update);
    return update;
  }

  function waitFor<T>(ready: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        listeners = listeners.filter((l) => l !== check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        listeners = listeners.filter((l) => l !== check);
        reject(new Error(`fake Telegram: timed out waiting for ${describe()}`));
      }, timeoutMs);
      listeners.push(check);
      check();
    });
  }

  const fake: FakeTelegram = {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    bot,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    sent: (chatId) => messages.filter((m) => chatId === undefined || m.chatId === chatId),
    get webhook() {
      return webhook;
    },

    userSends(text, { from = defaultUser, chat, replyTo } = {}) {
      const target = chat ?? { id: from.id, type: "private" as const, first_name: from.first_name };
      const replied = replyTo === undefined ? undefined : messages.find((m) => m.message_id === replyTo);
      return message(from, target, {
        text,
        ...entitiesOf(text, "entities"),
        ...(replied ? { reply_to_message: toMessage(replied) } : {}),
      });
    },
    userSendsPhoto({ from = defaultUser, chat, caption, bytes = TINY_PNG } = {}) {
      const target = chat ?? { id: from.id, type: "private" as const, first_name: from.first_name };
      const id = randomBytes(4).toString("hex");
      const photo = [
        { file_id: `small-${id}`, file_unique_id: `s${id}`, width: 90, height: 67, file_size: 1_200 },
        { file_id: `large-${id}`, file_unique_id: `l${id}`, width: 1280, height: 960, file_size: 98_000 },
        { file_id: `medium-${id}`, file_unique_id: `m${id}`, width: 320, height: 240, file_size: 14_000 },
      ];
      for (const p of photo) files.set(p.file_id, { path: `photos/${p.file_id}.jpg`, bytes });
      return message(from, target, {
        photo,
        ...(caption !== undefined ? { caption, ...entitiesOf(caption, "caption_entities") } : {}),
      });
    },
    userSendsSticker({ from = defaultUser, chat } = {}) {
      const target = chat ?? { id: from.id, type: "private" as const, first_name: from.first_name };
      const sticker = { file_id: "sticker-1", file_unique_id: "st1", type: "regular", width: 512, height: 512 };
      return message(from, target, { sticker: { ...sticker, is_animated: false, is_video: false, emoji: "👍" } });
    },
    userPresses(payload, messageId, { from = defaultUser } = {}) {
      const pressed = messages.find((m) => m.message_id === messageId);
      if (!pressed) throw new Error(`fake Telegram: the bot sent no message ${messageId}`);
      if (!pressed.buttons.flat().some((b) => b.callback_data === payload)) {
        throw new Error(`fake Telegram: message ${messageId} has no button "${payload}"`);
      }
      const id = randomBytes(8).toString("hex");
      callbackIds.add(id);
      const update = {
        update_id: nextUpdateId++,
        callback_query: {
          id,
          from,
          chat_instance: String(pressed.chatId),
          message: toMessage(pressed),
          data: payload,
        },
      };
      queue(update);
      return update;
    },
    redeliver(update) {
      redelivered.add(update);
      queue(update);
    },

    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    unsupported(...names) {
      for (const n of names) missing.add(n);
    },

    waitForMessages(chatId, n, timeoutMs = 5000) {
      return waitFor(
        () => {
          const sent = fake.sent(chatId);
          return sent.length >= n ? sent : undefined;
        },
        timeoutMs,
        () =>
          `${n} message(s) to chat ${chatId}; got ${JSON.stringify(fake.sent(chatId).map((m) => m.text ?? m.caption))}`,
      );
    },
    waitForCalls(method, n = 1, timeoutMs = 5000) {
      return waitFor(
        () => {
          const made = fake.callsTo(method);
          return made.length >= n ? made : undefined;
        },
        timeoutMs,
        () => `${n} call(s) of ${method}; got ${fake.callsTo(method).length}`,
      );
    },
    async close() {
      for (const wake of waitingPolls) wake();
      waitingPolls = [];
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** Entities Telegram would attach: a leading /command and each @mention. */
function entitiesOf(text: string, field: "entities" | "caption_entities") {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w{5,32}/g)) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return entities.length ? { [field]: entities } : {};
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const query = Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams);
  if (body.length === 0) return query;
  if (type.startsWith("application/json")) return { ...query, ...(JSON.parse(body.toString("utf8")) as object) };
  if (type.startsWith("multipart/form-data")) return { ...query, ...multipart(body, type) };
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...query, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  return query;
}

/**
 * Uploads (sendPhoto) come as multipart, in grammY's terse dialect that strict parsers refuse: the file is its
 * own part, named by an `attach://<name>` value; object-valued fields are JSON.
 */
function multipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (!boundary) throw new Error("fake Telegram: multipart without a boundary");
  const fields = new Map<string, string>();
  const files = new Map<string, Buffer & { filename?: string }>();
  const raw = body.toString("latin1");
  for (const chunk of raw.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const headerEnd = chunk.indexOf("\r\n\r\n");
    const headers = chunk.slice(0, headerEnd);
    const value = chunk.slice(headerEnd + 4, chunk.lastIndexOf("\r\n"));
    const name = /name="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? "";
    // grammY writes the file name unquoted, as UTF-8.
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (filename !== undefined) {
      files.set(
        name,
        Object.assign(Buffer.from(value, "latin1"), { filename: Buffer.from(filename, "latin1").toString("utf8") }),
      );
    } else fields.set(name, Buffer.from(value, "latin1").toString("utf8"));
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    const attached = value.startsWith("attach://") ? files.get(value.slice("attach://".length)) : undefined;
    const json = key !== "caption" && key !== "text" && /^[[{]/.test(value);
    params[key] = attached ?? (json ? JSON.parse(value) : value);
  }
  return params;
}

function apiError(code: number, description: string, parameters?: ApiError["parameters"]): ApiError {
  return { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) };
}

function badRequest(what: string): ApiError {
  return apiError(400, `Bad Request: ${what}`);
}

function toApiError(f: Failure): ApiError {
  switch (f.code) {
    case 429:
      return apiError(429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter });
    case 403:
      return apiError(403, f.description ?? "Forbidden: bot was blocked by the user");
    case 400:
      return f.migrateTo !== undefined
        ? apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
            migrate_to_chat_id: f.migrateTo,
          })
        : badRequest(f.description ?? "chat not found");
    case 404:
      return apiError(404, "Not Found");
    case 500:
      return apiError(500, "Internal Server Error");
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && (value as ApiError).ok === false;
}
