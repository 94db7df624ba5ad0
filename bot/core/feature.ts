// What a feature folder exports: the commands, buttons, intents and dialogs it answers.

import type { Redis } from "ioredis";
import type { Queues } from "../../workers/queues.ts";
import type { Config } from "../config.ts";
import type { ChatIdentity, Db, Member, Prisma } from "../infra/db.ts";
import type { Logger } from "../infra/logger.ts";
import type { Metrics } from "../infra/metrics.ts";
import type { Audit } from "./audit.ts";
import type { DialogState } from "./dialog-store.ts";
import type { Args, I18n, Locale, Translate } from "./i18n.ts";
import type { Outbox } from "./outbox.ts";
import type { Button, Incoming, Reply } from "./types.ts";

export interface CoreDeps {
  config: Config;
  db: Db;
  redis: Redis;
  i18n: I18n;
  logger: Logger;
  audit: Audit;
  /** Proactive messages, through the outbox and the delivery worker. */
  outbox: Outbox;
  queues: Queues;
  metrics: Metrics;
  /** The clock, so tests can move time. */
  now: () => Date;
}

export interface Context {
  incoming: Incoming;
  deps: CoreDeps;
  identity: ChatIdentity;
  /** The bound member, or null for an unbound chat. */
  member: Member | null;
  locale: Locale;
  t: Translate;
  /** The intent the router chose; handlers may refine it. */
  intent: string;
  /** What the free-text classifier made of the text (`unknown` for buttons, commands and non-text). */
  textIntent: string;
  /** The argument after the action name in a button payload or after a command ("/code 2019…" → "2019…"). */
  arg: string;
  reply(text: string, buttons?: Button[][]): void;
  /** Reply with a file attached (a CSV export); the caption is the reply's text. */
  replyFile(name: string, mime: string, bytes: Uint8Array, caption?: string): void;
  /** Shortcut: reply with a catalogue message. */
  say(key: string, args?: Args, buttons?: Button[][]): void;
  replies: Reply[];
  dialog: {
    current: DialogState | null;
    start(name: string, step: string, data?: Record<string, unknown>): Promise<void>;
    update(step: string, data?: Record<string, unknown>): Promise<void>;
    end(): Promise<void>;
  };
  /** Localized button: label from the catalogue, payload as given. */
  button(labelKey: string, payload: string, args?: Args): Button;
}

export type Handler = (ctx: Context) => Promise<void>;

/**
 * Text typed while a dialog is open. Returning "pass" hands the text back: the router closes the dialog and
 * answers the text as any other request ("我的团籍" typed where a name was expected).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers that never pass return plain Promise<void>.
export type DialogHandler = (ctx: Context) => Promise<void | "pass">;

export interface Action {
  /** Intent reported for this action (`membership.status`). */
  intent: string;
  handler: Handler;
  /** The handler needs a bound member; the router answers unbound chats with how to bind. */
  needsMember?: boolean;
}

export interface Feature {
  name: string;
  /** `/name` → action. Names are lower-case ASCII. */
  commands?: Record<string, Action>;
  /** Button action name (before the first ":") → action. */
  buttons?: Record<string, Action>;
  /** Intent chosen from free text → action. */
  intents?: Record<string, Action>;
  /** Text typed while this feature's dialog is open. */
  dialogs?: Record<string, DialogHandler>;
  /** How the delivery worker renders and reports this feature's proactive messages, by message id. */
  delivery?: Record<string, MessageHooks>;
}

export interface MessageHooks {
  /**
   * A broadcast (a notice, a campaign's reminder, a report): it draws on the platform's budget less the share kept
   * for replies, and queues behind them. Messages a person's action just caused (a payment confirmed, a transfer
   * step approved) are replies, which is the default.
   */
  broadcast?: boolean;
  /**
   * Arguments loaded at send time: a notice's text is stored once on the notice, not copied into a million outbox
   * rows. The result is merged over the row's own args.
   */
  resolveArgs?: (db: Db, args: Record<string, unknown>) => Promise<Record<string, string | number>>;
  /**
   * Asked when the row's time has come (after quiet hours, say): false drops it unsent (DROPPED). A nudge about a
   * transfer step handled overnight is no longer worth reading in the morning.
   */
  stillWanted?: (db: Db, args: Record<string, unknown>) => Promise<boolean>;
  /**
   * Told when a row of this message reaches SENT, FAILED or BLOCKED (a notice marks its delivery rows), inside the
   * transaction that writes the row's outcome: a failure rolls the outcome back too, so the two never disagree.
   */
  onOutcome?: (tx: Prisma.TransactionClient, outboxId: bigint, status: "SENT" | "FAILED" | "BLOCKED") => Promise<void>;
}

/** The features' broadcast message ids (MessageHooks.broadcast), as the outbox's and the pacer's lane test. */
export function broadcastMessages(features: Feature[]): (messageKey: string) => boolean {
  const keys = new Set<string>();
  for (const feature of features) {
    for (const [key, hooks] of Object.entries(feature.delivery ?? {})) if (hooks.broadcast) keys.add(key);
  }
  return (messageKey) => keys.has(messageKey);
}
