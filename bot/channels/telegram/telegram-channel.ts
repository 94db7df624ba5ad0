// The Telegram channel: grammY between the Bot API and the core. Long polling with @grammyjs/runner by default;
// a webhook route on the HTTP server when TELEGRAM_WEBHOOK_URL is set.
//
// Middleware order, under one error boundary:
//   1. error boundary        → logged; one bad update never stops the others
//   2. sequentialize by chat → one chat's updates in the order sent, different chats in parallel
//   3. claim the update_id   → a redelivered update is answered once (dedupe.ts: Redis, and PostgreSQL's mark)
//   4. chat lock (webhook)   → one update per chat at a time across processes (../chat-lock.ts); after the claim,
//                              so a redelivery is dropped without waiting; taken too long → as if storage were out.
//                              Polling needs none: one process at a time may poll a bot token
//   5. a private chat that is not the sender's own → refused unanswered, with a warning (see privateChatMismatch)
//   6. callback query        → answered at once, so the button stops spinning whatever happens next
//   7. translate → core → render; updates not meant for the bot (groups without a mention) end here unanswered
//
// PostgreSQL or Redis out of reach (in the claim or in the core): the claim is released, and then either the
// webhook answers 503 so that Telegram delivers the update again later, or — when polling, where nothing is
// delivered twice, or once the webhook has already answered — the person gets the core's "busy" reply at once.
// Never both, never neither.
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import type { FastifyInstance } from "fastify";
import { Api, Bot, type Context } from "grammy";
import type { Redis } from "ioredis";
import type { Config } from "../../config.ts";
import { createI18n, type I18n, matchLocale } from "../../core/i18n.ts";
import type { Core } from "../../core/router.ts";
import type { Reply, ReplyBudget } from "../../core/types.ts";
import { isUnavailableError, isUnavailableReply, unavailableReply } from "../../core/unavailable.ts";
import type { Db } from "../../infra/db.ts";
import { type Logger, withLogContext } from "../../infra/logger.ts";
import type { RunningChannel } from "../channel.ts";
import { ChatBusyError, createChatLock } from "../chat-lock.ts";
import { apiFetch } from "./api-fetch.ts";
import { registerCommands } from "./commands.ts";
import { createUpdateClaims } from "./dedupe.ts";
import { createFileDownloader } from "./download.ts";
import { privateChatMismatch, toIncoming } from "./incoming.ts";
import { pacedCalls } from "./paced-calls.ts";
import { sendReply } from "./render.ts";
import { retryAfter } from "./retry-after.ts";
import { createTelegramSender } from "./sender.ts";
import { webhookRoute } from "./webhook.ts";

/**
 * Updates handled at once when polling. The runner's default (500) let a burst put hundreds of updates in flight
 * behind a pool of ten connections: they waited in memory, the garbage collector with them, and the bot answered
 * fewer messages a second overloaded than at its pace (bench:chat at 500 messages/s: 108/s, with this bound 140/s).
 * A few per connection keeps the pool busy; the rest wait at Telegram, where waiting costs nothing.
 */
export const pollingConcurrency = (poolSize: number) => Math.max(16, 6 * poolSize);

export interface TelegramChannelDeps {
  config: Config;
  core: Core;
  logger: Logger;
  redis: Redis;
  /** Keeps the last handled update_id per bot, for when Redis forgets its claims. */
  db: Db;
  /** Needed in webhook mode; the route is registered here, so create the channel before the server listens. */
  http?: FastifyInstance;
  /** For the command menu's descriptions; loaded from locales/ when not given. */
  i18n?: I18n;
  /** The platform's send budget shared with the delivery workers; answers go unpaced without it. */
  replyBudget?: ReplyBudget;
}

export interface TelegramChannel extends RunningChannel {
  /** Checks the token (getMe), sets the command menu, then starts polling or sets the webhook. */
  start(): Promise<void>;
  readonly mode: "polling" | "webhook";
}

type Update = Context["update"];
const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { config, core, redis } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const logger = deps.logger.child({ channel: "telegram" });
  const i18n = deps.i18n ?? createI18n(config.DEFAULT_LOCALE);
  const client = { apiRoot: config.TELEGRAM_API_ROOT, fetch: apiFetch() };

  const bot = new Bot(token, { client });
  // Each try of an answer takes its place in the send budget (inner), and a 429 is waited out and tried again (outer).
  bot.api.config.use(
    ...(deps.replyBudget ? [pacedCalls(deps.replyBudget)] : []),
    retryAfter({ onWait: (method, seconds) => logger.warn({ method, seconds }, "flood control") }),
  );
  // Proactive sends get their own client without retries and with a short timeout: the worker decides.
  const sender = createTelegramSender(new Api(token, { ...client, timeoutSeconds: 30 }), logger);
  // The bot's id is the token's first part: known before getMe.
  const claims = createUpdateClaims(redis, deps.db, config.REDIS_PREFIX, Number(token.split(":")[0]));
  const locked = createChatLock({
    redis,
    prefix: config.REDIS_PREFIX,
    platform: "telegram",
    waitMs: config.CHAT_LOCK_WAIT_MS,
    logger,
  });
  // Updates whose webhook request is still open: asking returns true (and holds the answer for the 503) when
  // Telegram can still be told to deliver the update again.
  const retryable = new Map<number, () => boolean>();
  const retried = new Set<number>();
  const download = createFileDownloader(bot.api, token, config.TELEGRAM_API_ROOT);
  const droppedButton = (b: { payload: string }) => logger.warn({ payload: b.payload }, "button payload too long");

  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      logger.error({ err, updateId: ctx.update.update_id }, "update failed");
    }
  });
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  const incomingOf = (ctx: Context) => toIncoming(ctx.update, { id: ctx.me.id, username: ctx.me.username }, download);

  async function send(ctx: Context, replies: Reply[], group: boolean) {
    // In a group, thread the answer under the message that asked.
    let replyTo = group ? ctx.message?.message_id : undefined;
    for (const reply of replies) {
      await sendReply(ctx.api, ctx.chat!.id, reply, {
        ...(replyTo !== undefined ? { replyTo } : {}),
        onDroppedButton: droppedButton,
      });
      replyTo = undefined;
    }
  }

  /** We could not handle the update: Telegram delivers it again, or the person is told we are busy. `claimed`: the
   * claim was taken and must be released for the redelivery (false when taking it failed); `busy`: the core's reply. */
  async function unavailable(ctx: Context, claimed: boolean, busy?: Reply[]) {
    const updateId = ctx.update.update_id;
    if (claimed) {
      await claims.release(updateId).catch((err: unknown) => logger.warn({ err, updateId }, "claim not released"));
    }
    const incoming = incomingOf(ctx);
    if (!incoming || !ctx.chat) return;
    if (retryable.get(updateId)?.()) {
      retried.add(updateId);
      logger.warn({ updateId }, "storage unavailable; Telegram will deliver the update again");
      return;
    }
    const locale = matchLocale(incoming.languageCode) ?? config.DEFAULT_LOCALE;
    await send(ctx, busy ?? [unavailableReply(i18n, locale)], incoming.chatType === "group");
  }

  bot.use(async (ctx, next) => {
    let ours: boolean;
    try {
      ours = await claims.take(ctx.update.update_id);
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      logger.warn({ err: error }, "update claim unavailable");
      return unavailable(ctx, false);
    }
    if (ours) return next();
    logger.info({ updateId: ctx.update.update_id }, "redelivered update ignored");
  });
  bot.use(async (ctx, next) => {
    if (!ctx.chat || !config.TELEGRAM_WEBHOOK_URL) return next();
    try {
      await locked(String(ctx.chat.id), next);
    } catch (error) {
      if (!(error instanceof ChatBusyError)) throw error;
      logger.warn("chat held by another process for too long; update not handled");
      return unavailable(ctx, true);
    }
  });
  bot.use(async (ctx, next) => {
    // No ids in the line: the update id (log context) finds it, and neither chat is ours to record.
    if (privateChatMismatch(ctx.update)) return logger.warn("private chat is not the sender's own; update refused");
    await next();
  });
  bot.on("callback_query", async (ctx, next) => {
    await ctx.answerCallbackQuery().catch((err: unknown) => logger.warn({ err }, "answerCallbackQuery failed"));
    await next();
  });
  bot.use(async (ctx) => {
    const incoming = incomingOf(ctx);
    if (!incoming || !ctx.chat) return;
    const replies = await core.handle(incoming);
    if (isUnavailableReply(replies)) return unavailable(ctx, true, replies);
    // Handled: remembered beyond Redis before the answer goes out (a failed write only weakens the dedupe).
    await claims
      .done(ctx.update.update_id)
      .catch((err: unknown) => logger.warn({ err }, "update mark not written to PostgreSQL"));
    await send(ctx, replies, incoming.chatType === "group");
  });

  const inFlight = new Set<Promise<unknown>>();
  /** `mayRetry`: from the webhook, see `retryable`. Resolves "retry" when Telegram should deliver it again. */
  function handle(update: Update, mayRetry?: () => boolean): Promise<"ok" | "retry"> {
    const id = update.update_id;
    if (mayRetry) retryable.set(id, mayRetry);
    const done = withLogContext({ updateId: id }, () =>
      bot.handleUpdate(update).catch((err: unknown) => logger.error({ err }, "update failed")),
    ).then(() => {
      retryable.delete(id);
      return retried.delete(id) ? ("retry" as const) : ("ok" as const);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    return done;
  }

  const optional = async (what: string, call: () => Promise<unknown>) => {
    await call().catch((err: unknown) => logger.warn({ err }, `${what} refused; going on without it`));
  };

  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const mode = webhookUrl ? "webhook" : "polling";
  let accepting = false;
  let runner: RunnerHandle | undefined;

  if (webhookUrl) {
    const secret = config.TELEGRAM_WEBHOOK_SECRET;
    if (!secret) throw new Error("TELEGRAM_WEBHOOK_SECRET is not set");
    if (!deps.http) throw new Error("webhook mode needs the HTTP server");
    void deps.http.register(
      webhookRoute({ path: new URL(webhookUrl).pathname, secret, accepting: () => accepting, handle }),
    );
  }

  return {
    name: "telegram",
    mode,
    sender,
    async start() {
      // A wrong token or API root stops the start here, with the API's own words.
      await bot.init();
      await optional("setMyCommands", () => registerCommands(bot.api, i18n));
      if (webhookUrl) {
        await bot.api.setWebhook(webhookUrl, {
          secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
          allowed_updates: ALLOWED_UPDATES,
        });
        accepting = true;
      } else {
        // getUpdates is refused while a webhook is set.
        await optional("deleteWebhook", () => bot.api.deleteWebhook());
        runner = run(
          {
            handleUpdate: async (update: Update) => {
              await handle(update);
            },
            errorHandler: (err: unknown) => logger.error({ err }, "update failed"),
            api: {
              getUpdates: (args, signal) =>
                bot.api.getUpdates(args, signal).catch((err: unknown) => {
                  if (!signal.aborted) logger.warn({ err }, "getUpdates failed; retrying");
                  throw err;
                }),
            },
          },
          {
            runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true },
            sink: { concurrency: pollingConcurrency(config.DATABASE_POOL_SIZE) },
          },
        );
        void runner.task()?.catch((err: unknown) => logger.error({ err }, "polling stopped"));
      }
      logger.info({ mode, bot: bot.botInfo.username }, "Telegram channel started");
    },
    async stop() {
      accepting = false;
      await runner?.stop();
      runner = undefined;
      await Promise.all(inFlight);
    },
  };
}
