// What a feature folder exports: the commands, buttons, intents and dialogs it answers.

import type { Redis } from "ioredis";
import type { Queues } from "../../workers/queues.ts";
import type { Config } from "../config.ts";
import type { ChatIdentity, Db, Member } from "../infra/db.ts";
import type { Logger } from "../infra/logger.ts";
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
  /** The argument after the action name in a button payload or after a command ("/code 2019…" → "2019…"). */
  arg: string;
  reply(text: string, buttons?: Button[][]): void;
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
  dialogs?: Record<string, Handler>;
}
