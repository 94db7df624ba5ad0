// Starts each channel whose settings are present. Must run before the HTTP server listens (webhook routes).
import type { FastifyInstance } from "fastify";
import type { App } from "../app.ts";
import type { Config } from "../config.ts";
import type { ChannelSender, PlatformName, ReplyBudget } from "../core/types.ts";
import type { RunningChannel } from "./channel.ts";
import { bindConsoleIdentity, createConsoleChannel } from "./console/console-channel.ts";
import { createConsoleInbox } from "./console/inbox.ts";
import type { Terminal } from "./console/terminal.ts";
import { createOfficialAccountChannel } from "./official-account/official-account-channel.ts";
import { createTelegramChannel } from "./telegram/telegram-channel.ts";
import { createWechatChannel } from "./wechat/wechat-channel.ts";

export interface StartedChannels {
  names: PlatformName[];
  senders: Map<PlatformName, ChannelSender>;
  stop(): Promise<void>;
  /** Resolves when the interactive console's input ends. */
  consoleDone: Promise<void> | undefined;
}

/** Whether this process opens the chat console: asked for, or a terminal with no chat platform configured. */
export function wantsConsole(
  config: Pick<Config, "CONSOLE" | "TELEGRAM_BOT_TOKEN" | "WECHATY_PUPPET" | "WECHAT_OA_APPID">,
  interactive: boolean,
): boolean {
  const platformConfigured = Boolean(config.TELEGRAM_BOT_TOKEN || config.WECHATY_PUPPET || config.WECHAT_OA_APPID);
  return (
    config.CONSOLE === "on" ||
    (config.CONSOLE === "auto" && interactive && Boolean(process.stdin.isTTY) && !platformConfigured)
  );
}

export async function startChannels(
  app: App,
  http: FastifyInstance,
  {
    interactiveConsole,
    terminal,
    replyBudget,
  }: {
    interactiveConsole: boolean;
    terminal?: Terminal;
    /** Telegram's direct answers take their place in the platform's send budget (the entry point builds it). */
    replyBudget?: ReplyBudget;
  },
): Promise<StartedChannels> {
  const { config, logger, db } = app.deps;
  const running: RunningChannel[] = [];
  const wantConsole = wantsConsole(config, interactiveConsole);

  let consoleDone: Promise<void> | undefined;
  if (wantConsole) {
    const as = await bindConsoleIdentity(db, config.CONSOLE_AS).catch((error: Error) => {
      logger.warn(error.message);
      return bindConsoleIdentity(db, "none");
    });
    const consoleChannel = createConsoleChannel({
      core: app.core,
      db,
      input: process.stdin,
      output: process.stdout,
      jsonl: false,
      as: config.CONSOLE_AS,
      userId: as.userId,
      imageLabel: app.deps.i18n.t(config.DEFAULT_LOCALE, "core-image-attached"),
      inbox: createConsoleInbox(app.deps.redis, config.REDIS_PREFIX),
      ...(terminal ? { terminal } : {}),
    });
    // On a line of its own: the prompt's line is cleared when a log line goes above it.
    process.stdout.write(
      `${app.deps.i18n.t(config.DEFAULT_LOCALE, "core-console-banner", { name: as.memberName ?? "-" })}\n`,
    );
    consoleDone = consoleChannel.run();
    running.push({ name: "console", sender: consoleChannel.sender, stop: async () => {} });
  }

  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = createTelegramChannel({
      config,
      core: app.core,
      logger,
      redis: app.deps.redis,
      db,
      http,
      i18n: app.deps.i18n,
      // Answers share Telegram's budget with the delivery workers' broadcasts (the reply lane).
      ...(replyBudget ? { replyBudget } : {}),
    });
    await telegram.start();
    running.push(telegram);
  }

  if (config.WECHAT_OA_APPID) {
    // Its route must exist before the HTTP server listens; WeChat then posts to it.
    running.push(createOfficialAccountChannel(app, http));
  }

  if (config.WECHATY_PUPPET) {
    // Resolves once the puppet runs; logging in (QR code scan, logged) may come later.
    const wechat = await createWechatChannel({ config, core: app.core, logger, redis: app.deps.redis });
    running.push(wechat);
  }

  return {
    names: running.map((c) => c.name),
    senders: new Map(running.map((c) => [c.name, c.sender])),
    async stop() {
      await Promise.allSettled(running.map((c) => c.stop()));
    },
    consoleDone,
  };
}
