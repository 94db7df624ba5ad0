// The platform-neutral language between channels and the core. Nothing here knows grammY or Wechaty.

/** `wechat` is a personal account through Wechaty, `wechat_oa` an Official Account (服务号). */
export type PlatformName = "telegram" | "wechat" | "wechat_oa" | "console";

/** Where buttons are shown as numbered lines ("1. 升学"), which the person answers with the digit. */
export const NUMBERED_CHOICES: ReadonlySet<PlatformName> = new Set(["wechat", "wechat_oa", "console"]);

/** Where a conversation lives; stored on the chat identity so workers can write first. */
export interface ConversationRef {
  platform: PlatformName;
  chatId: string;
  userId: string;
}

export interface Incoming {
  ref: ConversationRef;
  /** What the person typed (for WeChat, also the digit that answers a numbered choice). */
  text?: string;
  /** The payload of a pressed button. */
  button?: string;
  /** An image the person sent (a notice's picture, a payment proof). */
  image?: IncomingImage;
  chatType: "private" | "group";
  /** In a group: whether the bot was addressed (@-mention or reply). */
  mentioned?: boolean;
  /** The platform's language hint ("en-US"), used only until the person picks a language. */
  languageCode?: string;
  displayName?: string;
}

export interface IncomingImage {
  /** The platform's own file reference (Telegram file_id, WeChat message id, console file path). */
  fileRef: string;
  /** Downloads the bytes; only when a feature wants them (most images are answered without). */
  fetch(): Promise<Uint8Array>;
}

export interface Button {
  label: string;
  /** At most 64 bytes (Telegram's limit): an action name and a short argument, "lang:en". */
  payload: string;
}

export interface Reply {
  text: string;
  /** Rows of buttons. Telegram shows an inline keyboard, WeChat and the console numbered choices. */
  buttons?: Button[][];
  /** A PNG or JPEG to send with the text as its caption. */
  image?: Uint8Array;
  /** A document (a CSV export) to send with the text as its caption. */
  file?: ReplyFile;
  /** The intent this reply answers, e.g. `membership.status` (for logs, metrics and the console's --jsonl). */
  intent: string;
  /** How sure the router was of that intent, 0–1 (1 for buttons, commands and dialogs); set by the router. */
  confidence?: number;
}

export interface ReplyFile {
  /** The file name the person sees ("计科2022级1班-团费-2026.csv"). */
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** How a send failed, in terms every platform can be mapped to. */
export type SendFailure =
  | { kind: "blocked" }
  | { kind: "rate-limited"; retryAfterSec: number }
  | { kind: "chat-moved"; newChatId: string }
  | { kind: "transient"; reason: string }
  /** The platform lets us write only once the person writes again: kept until then, not retried. */
  | { kind: "waiting"; reason: string }
  | { kind: "permanent"; reason: string };

export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(`send failed: ${failure.kind}${"reason" in failure ? ` (${failure.reason})` : ""}`);
  }
}

/**
 * The platform's send budget, shared with the delivery workers (workers/delivery/pacer.ts): a direct reply takes
 * its place in the replies' lane, which broadcasts never fill, so it is neither refused for a broadcast's sake nor
 * makes the broadcast's sends be refused.
 */
export interface ReplyBudget {
  /** Waits until the platform has room for one more send; call the returned function once it was answered. */
  take(platform: PlatformName): Promise<() => Promise<void>>;
}

/** What a channel offers the delivery worker for proactive messages. */
export interface ChannelSender {
  platform: PlatformName;
  send(chatId: string, reply: Reply): Promise<void>;
}
