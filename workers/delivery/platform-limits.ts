// How fast each platform may be written to, from the configuration. Pure.
import type { Config } from "../../bot/config.ts";
import type { PlatformName } from "../../bot/core/types.ts";

export interface Window {
  points: number;
  windowMs: number;
}

export interface PlatformLimit {
  /**
   * The platform's cap for the whole bot, as BullMQ's limiter on its delivery queue (shared by every process):
   * one job per interval, evenly, so the platform never sees a second's worth arrive at once. (A job held back
   * for its chat has used its interval; that is the price of a cap no process can overrun.)
   */
  queue: { max: number; duration: number };
  /** Per chat, or nothing when the platform has no per-chat limit. Group chats may have their own. */
  chat?: (chatId: string) => { kind: string; window: Window } | undefined;
}

export function platformLimits(config: Config): Record<PlatformName, PlatformLimit> {
  const telegramPrivate: Window = { points: config.TELEGRAM_CHAT_SENDS_PER_SECOND, windowMs: 1_000 };
  const telegramGroup: Window = { points: config.TELEGRAM_GROUP_SENDS_PER_MINUTE, windowMs: 60_000 };
  return {
    telegram: {
      // Rounded up: 30/s is one per 34 ms, never one per 33.
      queue: { max: 1, duration: Math.ceil(1_000 / config.TELEGRAM_SENDS_PER_SECOND) },
      // Telegram: group and channel chat ids are negative.
      chat: (chatId) =>
        chatId.startsWith("-")
          ? { kind: "group", window: telegramGroup }
          : { kind: "private", window: telegramPrivate },
    },
    // One account, one lane: the gap between two sends matters more than any per-chat count.
    wechat: { queue: { max: 1, duration: config.WECHAT_SEND_INTERVAL_MS } },
    // The terminal has no limit; a limiter is still needed for BullMQ to honour a manual rate limit.
    console: { queue: { max: 1_000, duration: 1_000 } },
  };
}
