// What a feature folder exports: the commands, buttons, intents and dialogs it answers.

import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import type { ChatIdentity, Db, Member, Prisma } from "../infra/db.ts";
import type { Logger } from "../infra/logger.ts";
import type { Metrics } from "../infra/metrics.ts";
import type { ArgSchema } from "./args.ts";
import type { Audit } from "./audit.ts";
import type { DialogState } from "./dialog-store.ts";
import type { Args, I18n, Locale, Translate } from "./i18n.ts";
import type { Outbox } from "./outbox.ts";
import type { Queues } from "./queues.ts";
import type { SeenMarks } from "./seen-marks.ts";
import type { Timers } from "./timers.ts";
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
  /** Jobs at a time: reminders, service-level clocks. Features set timers here, never on BullMQ directly. */
  timers: Timers;
  metrics: Metrics;
  /** The clock, so tests can move time. */
  now: () => Date;
  /** When each chat identity was last seen, written behind. */
  seen: SeenMarks;
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
  /** How sure the model was of its best guess for the text (0 for buttons, commands and non-text). */
  textConfidence: number;
  /**
   * The raw argument after the action name in a button payload or after a command ("/code 2019…" → "2019…").
   * Handlers of actions that declare a schema get the parsed value as their second parameter instead.
   */
  arg: string;
  /** How the request came: a button (pressed, a menu's, or its label typed), a command, or words the model read. */
  from: "button" | "command" | "text";
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

export type Handler<A = string> = (ctx: Context, arg: A) => Promise<void>;

/**
 * Text typed while a dialog is open. Returning "pass" hands the text back: the router closes the dialog and
 * answers the text as any other request ("我的团籍" typed where a name was expected). Returning "aside" answers it
 * the same way but keeps the dialog where it was (a notice's draft, an activity half made), and says so.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers that never pass return plain Promise<void>.
export type DialogHandler = (ctx: Context) => Promise<void | "pass" | "aside">;

/** Typed words the model is sure mean some request other than the dialog's own ("报表" where a date was asked). */
export const otherRequest = (ctx: Context, ...own: string[]) =>
  ctx.textIntent !== "unknown" && !own.includes(ctx.textIntent);

export interface Action<A = string> {
  /** Intent reported for this action (`membership.status`). */
  intent: string;
  /**
   * The argument's schema, parsed by the router before anything else runs: a button whose argument fails gets the
   * "expired button" reply, a command the "bad argument" one; the handler receives the parsed value. Without a
   * schema the handler receives the raw text. Every button declares one (the router refuses a button without).
   */
  arg?: ArgSchema<A>;
  // A method, not a property: an Action<number> may stand where an Action<unknown> is listed.
  handler(ctx: Context, arg: A): Promise<void>;
  /** The handler needs a bound member; the router answers unbound chats with how to bind. */
  needsMember?: boolean;
}

/** A button's action: its argument always has a schema, so a forged payload stops at the router. */
export interface ButtonAction<A = unknown> extends Action<A> {
  arg: ArgSchema<A>;
}

/** Declares a button: the schema of its argument and the handler that gets the parsed value. */
export function buttonAction<A>(
  intent: string,
  arg: ArgSchema<A>,
  handler: Handler<A>,
  options: { needsMember?: boolean } = { needsMember: true },
): ButtonAction<A> {
  return { intent, arg, handler, ...options };
}

export interface Feature {
  name: string;
  /** `/name` → action. Names are lower-case ASCII. */
  commands?: Record<string, Action<unknown>>;
  /** Button action name (before the first ":") → action. */
  buttons?: Record<string, ButtonAction>;
  /** Intent chosen from free text (and `go:<intent>` buttons) → action; it gets "" as its argument. */
  intents?: Record<string, Action<unknown>>;
  /** Text typed while this feature's dialog is open. */
  dialogs?: Record<string, DialogHandler>;
  /**
   * Dialog steps (dialog → steps) that ask for a number and offer buttons beside it ("how many months?"): there a
   * typed "2" is the number two, not the second button — where buttons are buttons; where they are shown as
   * numbered lines (WeChat, the console), the digit the person sees beside a line is still that line.
   */
  numberSteps?: Record<string, readonly string[]>;
  /** An image sent while no dialog is open (a payment screenshot sent late); "pass" leaves it to the next. */
  onImage?: DialogHandler;
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
   * Told when a row of this message reaches SENT, FAILED, BLOCKED or WAITING (a notice marks its delivery rows), inside the
   * transaction that writes the row's outcome: a failure rolls the outcome back too, so the two never disagree.
   */
  onOutcome?: (
    tx: Prisma.TransactionClient,
    outboxId: bigint,
    status: "SENT" | "FAILED" | "BLOCKED" | "WAITING",
  ) => Promise<void>;
}

/** The features' broadcast message ids (MessageHooks.broadcast), as the outbox's and the pacer's lane test. */
export function broadcastMessages(features: Feature[]): (messageKey: string) => boolean {
  const keys = new Set<string>();
  for (const feature of features) {
    for (const [key, hooks] of Object.entries(feature.delivery ?? {})) if (hooks.broadcast) keys.add(key);
  }
  return (messageKey) => keys.has(messageKey);
}
