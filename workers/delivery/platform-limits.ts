// How fast each platform may be written to, from the configuration. Pure.
import type { Config } from "../../bot/config.ts";
import type { PlatformName } from "../../bot/core/types.ts";
import { spacingMs } from "./pacing.ts";

export interface Window {
  points: number;
  windowMs: number;
}

/**
 * Which budget a send draws on. Replies to people may use the platform's whole window; broadcasts only what the
 * reply share leaves (DELIVERY_REPLY_SHARE), so a reply always finds room however long the broadcast backlog.
 */
export type Lane = "reply" | "broadcast";

export interface Pace {
  /** Sends per window for replies (the platform's whole count) and for broadcasts (less the reply share). */
  perWindow: Record<Lane, number>;
  /** Spacing of each lane's timeline (pacing.ts). */
  spacingMs: Record<Lane, number>;
  windowMs: number;
}

export interface PlatformLimit {
  /**
   * BullMQ's limiter on the platform's delivery queue (shared by every process). Where the platform has a `pace`,
   * it only has to exist: a limiter is what makes BullMQ honour the manual rate limit a 429 sets (queue.rateLimit).
   */
  queue: { max: number; duration: number };
  /**
   * The platform's cap for the whole bot as an exact pace (pacer.ts): one send every `spacingMs`, fractional, on
   * one timeline shared by every process. Nothing: the queue's limiter is the cap.
   */
  pace?: Pace;
  /** Per chat, or nothing when the platform has no per-chat limit. Group chats may have their own. */
  chat?: (chatId: string) => { kind: string; window: Window } | undefined;
}

/** What broadcasts may use of `perWindow` sends: at least one, and always leaving the replies theirs. */
export function broadcastShare(perWindow: number, replyShare: number): number {
  return Math.max(1, Math.min(perWindow - (replyShare > 0 ? 1 : 0), Math.floor(perWindow * (1 - replyShare))));
}

export function platformLimits(config: Config): Record<PlatformName, PlatformLimit> {
  const telegramPrivate: Window = { points: config.TELEGRAM_CHAT_SENDS_PER_SECOND, windowMs: 1_000 };
  const telegramGroup: Window = { points: config.TELEGRAM_GROUP_SENDS_PER_MINUTE, windowMs: 60_000 };
  const perSecond = config.TELEGRAM_SENDS_PER_SECOND;
  const broadcastPerSecond = broadcastShare(perSecond, config.DELIVERY_REPLY_SHARE);
  const oaPerSecond = config.WECHAT_OA_SENDS_PER_SECOND;
  const oaBroadcastPerSecond = broadcastShare(oaPerSecond, config.DELIVERY_REPLY_SHARE);
  return {
    telegram: {
      pace: {
        perWindow: { reply: perSecond, broadcast: broadcastPerSecond },
        spacingMs: { reply: spacingMs(perSecond), broadcast: spacingMs(broadcastPerSecond) },
        windowMs: 1_000,
      },
      // Loose on purpose: it counts jobs taken up (those then held for their chat too), not sends, and must never
      // bind before the pacer, which allows one second's sends in a second. Ten seconds' worth a second only stops
      // a runaway loop.
      queue: { max: 10 * config.TELEGRAM_SENDS_PER_SECOND, duration: 1_000 },
      // Telegram: group and channel chat ids are negative.
      chat: (chatId) =>
        chatId.startsWith("-")
          ? { kind: "group", window: telegramGroup }
          : { kind: "private", window: telegramPrivate },
    },
    // One account, one lane: the gap between two sends matters more than any per-chat count. One job per interval
    // keeps the rest of the queue waiting in Redis instead of polling a pacer every few seconds.
    wechat: { queue: { max: 1, duration: config.WECHAT_SEND_INTERVAL_MS } },
    // An Official Account: one pace for the account's customer-service and template sends, replies kept a share.
    wechat_oa: {
      pace: {
        perWindow: { reply: oaPerSecond, broadcast: oaBroadcastPerSecond },
        spacingMs: { reply: spacingMs(oaPerSecond), broadcast: spacingMs(oaBroadcastPerSecond) },
        windowMs: 1_000,
      },
      queue: { max: 10 * config.WECHAT_OA_SENDS_PER_SECOND, duration: 1_000 },
    },
    // The terminal has no limit; a limiter is still needed for BullMQ to honour a manual rate limit.
    console: { queue: { max: 1_000, duration: 1_000 } },
  };
}
