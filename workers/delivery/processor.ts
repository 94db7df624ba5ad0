// Sends one outbox row. Order: re-read the row (done rows end here) → wait for notBefore and quiet hours → wait
// for the chat's rate limit → take the platform's next send slot (pacer.ts) → render in the recipient's language
// → at the slot, once the platform's window has room (pacer.ts `depart`), claim the row in PostgreSQL and send →
// record the outcome (Redis first, then PostgreSQL).
// Once claimed, a row is never sent again unless its own worker heard from the platform that nothing was
// delivered: whatever dies (the worker, Redis and its data, PostgreSQL), a message goes out at most once, and one
// whose answer was lost ends FAILED "outcome unknown".
// Every wait moves the job to BullMQ's delayed set instead of holding a worker slot, except the short one for a
// send slot (at most PACE_HORIZON_MS), which is spent rendering, then waited out in-process.
import { setTimeout } from "node:timers/promises";
import { DelayedError, type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import { createChoiceMemory } from "../../bot/core/choices.ts";
import type { CoreDeps, MessageHooks } from "../../bot/core/feature.ts";
import type { JobData } from "../../bot/core/queues.ts";
import {
  type ChannelSender,
  type PlatformName,
  type Reply,
  SendError,
  type SendFailure,
} from "../../bot/core/types.ts";
import type { ChatLimiter } from "./chat-limiter.ts";
import { createImageCache } from "./image-cache.ts";
import { createOutboxRows } from "./outbox-rows.ts";
import type { Pacer } from "./pacer.ts";
import { nextAllowedTime } from "./quiet-hours.ts";
import { BadOutboxRow, recipientLocale, renderRow } from "./render.ts";
import { persist, retryDelayMs } from "./retry.ts";
import { createSendMarks, type KnownOutcome } from "./send-marks.ts";

/** A chat that moves again right after moving is not followed further in the same try. */
const MAX_CHAT_MOVES = 2;

/**
 * How far ahead a job takes a send slot and then holds its worker for it. It must cover every worker that may be
 * waiting for one at once (10 workers at 30/s wait up to 340 ms; two processes, twice that): a job finding the
 * timeline fuller goes back to the delayed set, and its worker takes up the next job, which would go back too — a
 * busy loop through the backlog. Longer waits come from a 429 pause. It stays below a second, so a private chat's
 * window has not run out while its message waits (the window is restarted at the send).
 */
export const PACE_HORIZON_MS = 800;

export type DeliveryOutcome =
  | "sent"
  | "done-before"
  | "missing"
  | "outcome-unknown"
  | "blocked"
  | "failed"
  | "taken"
  | "dropped"
  | "waiting";

export interface DeliveryProcessorOptions {
  senders: Map<PlatformName, ChannelSender>;
  /** The platform's delivery queue, which a 429 slows down as a whole. */
  queueOf: (platform: PlatformName) => Queue;
  chatLimiter: ChatLimiter;
  /** The platform's cap for the whole bot. */
  pacer: Pacer;
  /** Message id → the owning feature's hooks. */
  hooks: Map<string, MessageHooks>;
}

const platformName = (p: string) => p.toLowerCase() as PlatformName;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createDeliveryProcessor(deps: CoreDeps, options: DeliveryProcessorOptions) {
  const { config, db, logger } = deps;
  const rows = createOutboxRows(db, options.hooks);
  // A notice's picture is read once per process, not once per recipient.
  const images = createImageCache(db);
  const choices = createChoiceMemory(deps.redis, config.REDIS_PREFIX);
  const marks = createSendMarks(deps.redis, config.REDIS_PREFIX);
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

  async function recordKnown(
    id: bigint,
    messageKey: string,
    identityId: number,
    outcome: Exclude<KnownOutcome, { status: "UNSENT" }>,
  ): Promise<DeliveryOutcome> {
    switch (outcome.status) {
      case "SENT":
        await rows.sent(id, messageKey, new Date(outcome.at));
        return "sent";
      case "BLOCKED":
        await rows.blocked(id, messageKey, identityId);
        return "blocked";
      case "FAILED":
        await rows.failed(id, messageKey, outcome.reason);
        return "failed";
    }
  }

  return async function processDelivery(
    job: Job<JobData<"delivery-telegram">>,
    token?: string,
  ): Promise<DeliveryOutcome> {
    const id = BigInt(job.data.outboxId);
    const row = await rows.read(id);
    if (!row) return "missing";
    if (row.status === "SENT" || row.status === "FAILED" || row.status === "BLOCKED" || row.status === "DROPPED") {
      return "done-before";
    }
    if (row.status === "SENDING") {
      // Another worker claimed it and called the platform: it may have been sent. Never twice.
      const outcome = await marks.read(job.data.outboxId, row.sendBeganAt);
      if (outcome?.status === "UNSENT") {
        // The platform refused it and the database could not be told then: the next try may send.
        await rows.release(id, {});
      } else if (outcome) {
        // The platform answered but the database could not be told then (it was down): tell it now.
        return recordKnown(id, row.messageKey, row.identityId, outcome);
      } else {
        // No answer recorded: its worker may still be waiting for one (this job came back because Redis lost it,
        // or the worker its lock), or it died, or Redis lost the answer with its data. Wait for the worker's
        // record as long as a send may take (DELIVERY_OUTCOME_WAIT_MS); then nobody is coming: the outcome is
        // unknown.
        const waitMs = config.DELIVERY_OUTCOME_WAIT_MS;
        const since = row.sendBeganAt ? Date.now() - row.sendBeganAt.getTime() : waitMs;
        if (since < waitMs) return later(job, token, waitMs - since);
        await rows.outcomeUnknown(id, row.messageKey);
        return "outcome-unknown";
      }
    }
    const { identity, messageKey } = row;
    if (identity.blocked) {
      await rows.blocked(id, messageKey, identity.id);
      return "blocked";
    }

    // Times come from the app's clock; BullMQ's delay is relative, so only the difference crosses over.
    // notBefore defaults to createdAt (the writer's clock; a row written by SQL alone has the database's now(), which
    // need not agree with ours): only a notBefore the writer set (one that differs) is a time to wait for.
    const now = deps.now();
    const deferred = row.notBefore.getTime() !== row.createdAt.getTime();
    const notBefore = deferred && row.notBefore > now ? row.notBefore : now;
    const allowedAt = row.urgent ? notBefore : nextAllowedTime(notBefore, quiet, config.TZ);
    if (allowedAt > now) return later(job, token, allowedAt.getTime() - now.getTime());
    const stillWanted = options.hooks.get(messageKey)?.stillWanted;
    if (stillWanted && !(await stillWanted(db, row.args as Record<string, unknown>))) {
      await rows.dropped(id);
      return "dropped";
    }

    const platform = platformName(identity.platform);
    const wait = await options.chatLimiter.reserve(platform, identity.chatId);
    if (wait > 0) return later(job, token, wait);
    // Only now, so a job held for its chat takes no slot from the others. Replies and broadcasts have a lane each.
    const lane = options.hooks.get(messageKey)?.broadcast ? "broadcast" : "reply";
    const slot = await options.pacer.reserve(platform, PACE_HORIZON_MS, lane);
    if (!slot.reserved) {
      await options.chatLimiter.release(platform, identity.chatId);
      return later(job, token, slot.waitMs - PACE_HORIZON_MS);
    }
    const sendAt = performance.now() + slot.waitMs;

    let reply: Reply;
    try {
      reply = await renderRow(
        row,
        recipientLocale(identity.locale, config.DEFAULT_LOCALE),
        { ...deps, images },
        options.hooks.get(messageKey),
      );
    } catch (error) {
      if (!(error instanceof BadOutboxRow)) throw error;
      await rows.failed(id, messageKey, `bad row: ${error.message}`);
      throw new UnrecoverableError(error.message);
    }

    // Every wait comes before the claim, so a process that dies while waiting leaves the row QUEUED, not "maybe
    // sent". The claim's round trip after the departure makes the send a little late, never too fast: the window
    // counts the send from its departure.
    const early = sendAt - performance.now();
    if (early > 0) await setTimeout(early);
    const sendId = job.data.outboxId;
    for (let wait = await options.pacer.depart(platform, sendId, lane); wait > 0; ) {
      await setTimeout(wait);
      wait = await options.pacer.depart(platform, sendId, lane);
    }
    let failure: SendFailure | null;
    let claim: Awaited<ReturnType<typeof rows.claim>> = null;
    try {
      // PostgreSQL's word that the send begins, before the platform is called: only one worker gets it (another may
      // hold the same job after this one lost its lock while paused), and Redis losing its data cannot undo it.
      const claimAt = new Date();
      claim = await rows.claim(id, claimAt).catch(async (error: unknown) => {
        // The database went away with the claim's answer: it may have committed, so the row may say a send began.
        // None did — this worker never called the platform — and a mark saying so lets the next try send it,
        // where an empty one would end it "outcome unknown".
        await marks.settle(sendId, claimAt, { status: "UNSENT" }).catch(() => {});
        throw error;
      });
      if (!claim) return "taken";
      [failure] = await Promise.all([
        send(options.senders.get(platform), identity, reply),
        // The chat's window runs from now, not from its reserve before the wait for the slot. Redis failing here
        // must not cost the platform's answer, which the database needs.
        slot.waitMs > 0 ? options.chatLimiter.restart(platform, identity.chatId).catch(() => {}) : undefined,
      ]);
    } finally {
      // Unrecorded, the send keeps its place until IN_FLIGHT_MAX_MS: slower for a while, never too fast.
      await options.pacer.answered(platform, sendId).catch(() => {});
    }
    const began = claim.sendBeganAt;
    // The platform's answer goes to Redis first: should PostgreSQL be down now, the next try of this job, or the
    // reconciler's, records it from there. Redis down instead costs nothing while PostgreSQL takes the answer.
    const keep = (outcome: KnownOutcome) => marks.settle(sendId, began, outcome).catch(() => {});
    if (!failure) {
      const at = deps.now();
      // Where buttons are numbered choices (WeChat, console), "1" answers the message just delivered: remembered
      // first, as the member may answer as soon as it shows.
      const ref = { platform, chatId: identity.chatId, userId: identity.externalUserId };
      const remembered = reply.buttons?.length ? choices.remember(ref, reply.buttons).catch(() => {}) : undefined;
      // Then a few tries of the row itself; if they all fail the job fails, and its retries (or the reconciler)
      // finish it from the mark.
      await Promise.all([keep({ status: "SENT", at: at.getTime() }), remembered]);
      await persist(() => rows.sent(id, messageKey, at));
      return "sent";
    }

    const log = logger.child({ outboxId: job.data.outboxId, platform, failure: failure.kind });
    switch (failure.kind) {
      case "blocked":
        await keep({ status: "BLOCKED" });
        await rows.blocked(id, messageKey, identity.id);
        throw new UnrecoverableError("blocked by the recipient");
      case "rate-limited": {
        // The platform says the whole bot is too fast: pause its queue (every process) for as long as it asks.
        // BullMQ's documented manual rate limit; this try does not count. Nothing was delivered, so the next try may
        // send (the mark goes first: a crash in between then leaves a row that is simply sent again).
        await keep({ status: "UNSENT" });
        await rows.release(id, { uncountTry: true });
        log.warn({ retryAfterSec: failure.retryAfterSec }, "platform rate limit hit, slowing the queue");
        const pauseMs = Math.max(1, failure.retryAfterSec) * 1000;
        // The pacer too: jobs already taken up must not send during the pause either.
        await options.pacer.pushBack(platform, pauseMs);
        await options.queueOf(platform).rateLimit(pauseMs);
        throw Worker.RateLimitError();
      }
      case "chat-moved":
      case "transient": {
        const reason = "reason" in failure ? failure.reason : "chat moved";
        if (claim.attempts >= config.DELIVERY_MAX_ATTEMPTS) {
          // The dead letter: FAILED with the last reason, the job in BullMQ's failed set.
          await keep({ status: "FAILED", reason });
          await rows.failed(id, messageKey, reason);
          log.warn({ attempts: claim.attempts, reason }, "delivery given up");
          throw new UnrecoverableError(reason);
        }
        // The next try may send (the mark goes first, as above).
        await keep({ status: "UNSENT" });
        await rows.release(id, { lastError: reason });
        // Waits are ours (not BullMQ's backoff): the count lives on the row, so it survives a re-enqueue.
        return later(job, token, retryDelayMs(claim.attempts, config.DELIVERY_BACKOFF_MS));
      }
      case "permanent":
        await keep({ status: "FAILED", reason: failure.reason });
        await rows.failed(id, messageKey, failure.reason);
        throw new UnrecoverableError(failure.reason);
      case "waiting":
        // Nothing left the platform, so the next send may go: the row waits for the person to write
        // (outbox.wake), not for a retry.
        await keep({ status: "UNSENT" });
        await rows.waiting(id, messageKey, failure.reason);
        return "waiting";
    }
  };
}
