// A ChannelSender that records what it was asked to send and fails on demand with any SendFailure.
import type { Job, Queue } from "bullmq";
import type { OutgoingMessage } from "../../bot/core/outbox.ts";
import { deliveryQueueName, type JobData, outboxJobId } from "../../bot/core/queues.ts";
import {
  type ChannelSender,
  type PlatformName,
  type Reply,
  SendError,
  type SendFailure,
} from "../../bot/core/types.ts";
import { createDeliveryProcessor } from "../../workers/delivery/processor.ts";
import type { TestApp } from "../helpers/test-app.ts";

export interface SendCall {
  chatId: string;
  reply: Reply;
  at: number;
  /** The failure thrown for this call, if any. */
  failed?: SendFailure["kind"];
}

export interface FakeSender extends ChannelSender {
  calls: SendCall[];
  /** Calls that went through, per chat. */
  delivered(chatId: string): SendCall[];
  /** The next calls to `chatId` fail with these, in order. */
  failNext(chatId: string, ...failures: SendFailure[]): void;
  /** Every call to `chatId` fails with this. */
  failAlways(chatId: string, failure: SendFailure): void;
}

export function createFakeSender(platform: PlatformName = "telegram"): FakeSender {
  const calls: SendCall[] = [];
  const next = new Map<string, SendFailure[]>();
  const always = new Map<string, SendFailure>();
  return {
    platform,
    calls,
    delivered: (chatId) => calls.filter((c) => c.chatId === chatId && !c.failed),
    failNext(chatId, ...failures) {
      next.set(chatId, [...(next.get(chatId) ?? []), ...failures]);
    },
    failAlways(chatId, failure) {
      always.set(chatId, failure);
    },
    async send(chatId, reply) {
      const failure = next.get(chatId)?.shift() ?? always.get(chatId);
      calls.push({ chatId, reply, at: Date.now(), ...(failure ? { failed: failure.kind } : {}) });
      if (failure) throw new SendError(failure);
    },
  };
}

/** Polls until `check` holds (or gives up after `timeoutMs`): for effects of a worker running beside the test. */
export async function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let nextChat = 0;

/** A Telegram user who has talked to the bot (so it may write to them), with their own private chat. */
export async function telegramPerson(app: TestApp, options: { locale?: string | null; chatId?: string } = {}) {
  nextChat++;
  const userId = `${9_000_000 + Math.floor(Math.random() * 900_000)}${nextChat}`;
  return app.deps.db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: userId,
      chatId: options.chatId ?? userId,
      locale: options.locale ?? null,
    },
  });
}

/** What a feature does: write the row in a transaction, then dispatch it after commit. */
export async function notify(app: TestApp, identityId: number, message: OutgoingMessage): Promise<bigint> {
  const id = await app.deps.outbox.toIdentity(app.deps.db, identityId, message);
  if (id === null) throw new Error("dedupe key already used");
  await app.deps.outbox.dispatch([id]);
  return id;
}

export function outboxRow(app: TestApp, id: bigint) {
  return app.deps.db.outboxMessage.findUniqueOrThrow({ where: { id } });
}

export function deliveryJob(app: TestApp, id: bigint, platform: PlatformName = "telegram"): Promise<Job | undefined> {
  return (app.deps.queues[deliveryQueueName(platform)] as Queue).getJob(outboxJobId(id));
}

/** Waits for the row's job to reach `state` and returns it as it is then. */
export async function jobIn(app: TestApp, id: bigint, state: "delayed" | "failed" | "completed"): Promise<Job> {
  const queue = app.deps.queues[deliveryQueueName("telegram")] as Queue;
  await until(async () => (await queue.getJobState(outboxJobId(id))) === state);
  // Read after the state: a job read before its move lacks what the move wrote (delay, attempts, return value).
  return (await deliveryJob(app, id))!;
}

type ProcessorOptions = Parameters<typeof createDeliveryProcessor>[1];

/**
 * The delivery processor called directly on one row's job, delivering to `delivered`, with the chat limiter and the
 * pacer always letting it go (replace either to make Redis fail at a chosen moment).
 */
export function directDelivery(
  app: TestApp,
  rowId: bigint,
  delivered: string[],
  parts: Partial<Pick<ProcessorOptions, "chatLimiter" | "pacer">> = {},
) {
  const processDelivery = createDeliveryProcessor(app.deps, {
    senders: new Map([["telegram", { platform: "telegram", send: async (chatId) => void delivered.push(chatId) }]]),
    queueOf: (platform) => app.deps.queues[deliveryQueueName(platform)] as Queue,
    chatLimiter: parts.chatLimiter ?? { reserve: async () => 0, release: async () => {}, restart: async () => {} },
    pacer: parts.pacer ?? {
      reserve: async () => ({ reserved: true, waitMs: 0, slotMs: 0 }),
      pushBack: async () => {},
      depart: async () => 0,
      answered: async () => {},
    },
    hooks: new Map(),
  });
  const job = { id: outboxJobId(rowId), data: { outboxId: String(rowId) } } as Job<JobData<"delivery-telegram">>;
  return () => processDelivery(job);
}
