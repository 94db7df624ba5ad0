// Sends one outbox row. Order: re-read the row (done rows end here) → wait for notBefore and quiet hours → wait
// for the chat's rate limit (the platform's is BullMQ's limiter on the queue) → render in the recipient's
// language → claim the row → send → record the outcome.
// Every wait moves the job to BullMQ's delayed set instead of holding a worker slot.
import { DelayedError, type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import type { CoreDeps, MessageHooks } from "../../bot/core/feature.ts";
import {
  type ChannelSender,
  type PlatformName,
  type Reply,
  SendError,
  type SendFailure,
} from "../../bot/core/types.ts";
import type { JobData } from "../queues.ts";
import type { ChatLimiter } from "./chat-limiter.ts";
import { createOutboxRows } from "./outbox-rows.ts";
import { nextAllowedTime } from "./quiet-hours.ts";
import { BadOutboxRow, recipientLocale, renderRow } from "./render.ts";
import { persist, retryDelayMs } from "./retry.ts";

/** A chat that moves again right after moving is not followed further in the same try. */
const MAX_CHAT_MOVES = 2;

export type DeliveryOutcome = "sent" | "done-before" | "missing" | "outcome-unknown" | "blocked" | "taken";

export interface DeliveryProcessorOptions {
  senders: Map<PlatformName, ChannelSender>;
  /** The platform's delivery queue, which a 429 slows down as a whole. */
  queueOf: (platform: PlatformName) => Queue;
  chatLimiter: ChatLimiter;
  /** Message id → the owning feature's hooks. */
  hooks: Map<string, MessageHooks>;
}

const platformName = (p: string) => p.toLowerCase() as PlatformName;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createDeliveryProcessor(deps: CoreDeps, options: DeliveryProcessorOptions) {
  const { config, db, logger } = deps;
  const rows = createOutboxRows(db, logger, options.hooks);
  const quiet = { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END };

  async function later(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(1, Math.ceil(ms)), token);
    throw new DelayedError();
  }

  async function send(sender: ChannelSender | undefined, identity: { id: number; chatId: string }, reply: Reply) {
    if (!sender) return { kind: "transient", reason: "no sender for this platform in this process" } as SendFailure;
    let chatId = identity.chatId;
    for (let moves = 0; ; moves++) {
      try {
        await sender.send(chatId, reply);
        return null;
      } catch (error) {
        const failure: SendFailure =
          error instanceof SendError ? error.failure : { kind: "transient", reason: describe(error) };
        if (failure.kind !== "chat-moved") return failure;
        if (moves >= MAX_CHAT_MOVES) return { kind: "transient", reason: "chat keeps moving" } as SendFailure;
        // A group became a supergroup: it has a new id for good, so store it and send there at once.
        await rows.moveChat(identity.id, failure.newChatId);
        chatId = failure.newChatId;
      }
    }
  }

  return async function processDelivery(
    job: Job<JobData<"delivery-telegram">>,
    token?: string,
  ): Promise<DeliveryOutcome> {
    const id = BigInt(job.data.outboxId);
    const row = await db.outboxMessage.findUnique({ where: { id }, include: { identity: true } });
    if (!row) return "missing";
    if (row.status === "SENT" || row.status === "FAILED" || row.status === "BLOCKED") return "done-before";
    if (row.status === "SENDING") {
      // Its worker died between claim and record (or lost its lock): it may have been sent. Never twice.
      await rows.outcomeUnknown(id, row.messageKey);
      return "outcome-unknown";
    }
    const { identity, messageKey } = row;
    if (identity.blocked) {
      await rows.blocked(id, messageKey, identity.id);
      return "blocked";
    }

    // Times come from the app's clock; BullMQ's delay is relative, so only the difference crosses over.
    // notBefore defaults to the row's creation in the database's clock, which may run ahead of ours: a notBefore
    // no later than the row's creation never waits.
    const now = deps.now();
    const notBefore = row.notBefore > now && row.notBefore > row.createdAt ? row.notBefore : now;
    const allowedAt = row.urgent ? notBefore : nextAllowedTime(notBefore, quiet, config.TZ);
    if (allowedAt > now) return later(job, token, allowedAt.getTime() - now.getTime());

    const platform = platformName(identity.platform);
    const wait = await options.chatLimiter.reserve(platform, identity.chatId);
    if (wait > 0) return later(job, token, wait);

    let reply: Reply;
    try {
      reply = await renderRow(
        row,
        recipientLocale(identity.locale, config.DEFAULT_LOCALE),
        deps,
        options.hooks.get(messageKey),
      );
    } catch (error) {
      if (!(error instanceof BadOutboxRow)) throw error;
      await rows.failed(id, messageKey, `bad row: ${error.message}`);
      throw new UnrecoverableError(error.message);
    }

    const claim = await rows.claim(id);
    if (!claim) return "taken";
    const failure = await send(options.senders.get(platform), identity, reply);
    if (!failure) {
      // Left undone, the row would stay SENDING and end as "outcome unknown": worth a few tries.
      await persist(() => rows.sent(id, messageKey, deps.now()));
      return "sent";
    }

    const log = logger.child({ outboxId: job.data.outboxId, platform, failure: failure.kind });
    switch (failure.kind) {
      case "blocked":
        await rows.blocked(id, messageKey, identity.id);
        throw new UnrecoverableError("blocked by the recipient");
      case "rate-limited": {
        // The platform says the whole bot is too fast: pause its queue (every process) for as long as it asks.
        // BullMQ's documented manual rate limit; this try does not count.
        await rows.release(id, { uncountTry: true });
        log.warn({ retryAfterSec: failure.retryAfterSec }, "platform rate limit hit, slowing the queue");
        await options.queueOf(platform).rateLimit(Math.max(1, failure.retryAfterSec) * 1000);
        throw Worker.RateLimitError();
      }
      case "chat-moved":
      case "transient": {
        const reason = "reason" in failure ? failure.reason : "chat moved";
        if (claim.attempts >= config.DELIVERY_MAX_ATTEMPTS) {
          // The dead letter: FAILED with the last reason, the job in BullMQ's failed set.
          await rows.failed(id, messageKey, reason);
          log.warn({ attempts: claim.attempts, reason }, "delivery given up");
          throw new UnrecoverableError(reason);
        }
        await rows.release(id, { lastError: reason });
        // Waits are ours (not BullMQ's backoff): the count lives on the row, so it survives a re-enqueue.
        return later(job, token, retryDelayMs(claim.attempts, config.DELIVERY_BACKOFF_MS));
      }
      case "permanent":
        await rows.failed(id, messageKey, failure.reason);
        throw new UnrecoverableError(failure.reason);
    }
  };
}
