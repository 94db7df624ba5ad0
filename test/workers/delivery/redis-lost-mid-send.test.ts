// Issue 13's last window, step by step: a send is in flight (the Bot API holds it) when Redis loses its data — the
// job, its lock, everything the worker kept there. The reconciler, finding the row's job gone, queues it again.
// That second try must not send: PostgreSQL knows the first one's send began. On a redis-server of this test's own.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxJobId } from "../../../bot/core/queues.ts";
import type { ChannelSender, Reply } from "../../../bot/core/types.ts";
import { QUEUED_GRACE_MS, reconcileOutbox } from "../../../workers/maintenance/reconcile-outbox.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startOwnRedis } from "../../helpers/redis-server.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { directDelivery, notify, outboxRow, telegramPerson, until } from "../fake-sender.ts";

const redis = await startOwnRedis();
afterAll(() => redis.close());
const app = await createTestApp({ REDIS_URL: redis.url, QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });

/** A Bot API that holds the first send to each chat until the test lets it answer. */
function holdingSender() {
  const received: { chatId: string; reply: Reply }[] = [];
  const holds = new Map<string, () => void>();
  const sender: ChannelSender = {
    platform: "telegram",
    async send(chatId, reply) {
      received.push({ chatId, reply });
      if (received.filter((r) => r.chatId === chatId).length > 1) return;
      await new Promise<void>((resolve) => holds.set(chatId, resolve));
    },
  };
  return {
    sender,
    received: (chatId: string) => received.filter((r) => r.chatId === chatId),
    held: (chatId: string) => holds.has(chatId),
    answer: (chatId: string) => holds.get(chatId)?.(),
  };
}

const telegram = holdingSender();
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", telegram.sender]]), { background: false });
});
afterAll(async () => {
  await workers.close();
});

describe("Redis loses its data while a send is in flight", () => {
  it("the reconciler's second try never sends it again, and the first try's answer is recorded", async () => {
    const person = await telegramPerson(app);
    const id = await notify(app, person.id, { messageKey: "start-help-text" });
    await until(() => telegram.held(person.chatId));
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENDING", attempts: 1 });

    // Redis comes back empty; the reconciler (past the row's grace) finds it in flight with no job, and queues it.
    await redis.flushAll();
    app.clock.set(new Date(Date.now() + QUEUED_GRACE_MS + 1_000));
    expect(await reconcileOutbox(app.deps)).toMatchObject({ requeued: 1 });
    // The second try sees the send began moments ago and waits for the first one's record instead of sending.
    const queue = app.deps.queues["delivery-telegram"];
    await until(
      async () =>
        telegram.received(person.chatId).length > 1 || (await queue.getJobState(outboxJobId(id))) === "delayed",
    );
    expect(telegram.received(person.chatId)).toHaveLength(1);

    // The platform answers the first try: it is recorded SENT, and it went out once.
    telegram.answer(person.chatId);
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(telegram.received(person.chatId)).toHaveLength(1);
  });

  it("records the platform's answer when Redis fails at the instant of the send", async () => {
    const person = await telegramPerson(app);
    const row = await app.deps.db.outboxMessage.create({
      data: { identityId: person.id, messageKey: "start-help-text", status: "QUEUED" },
    });
    const delivered: string[] = [];
    const gone = async () => {
      throw new Error("Connection is closed.");
    };
    // Redis dies as the send leaves: the chat's window cannot be restarted, nor the send's place in the pacer's
    // window given back.
    const processDelivery = directDelivery(app, row.id, delivered, {
      chatLimiter: { reserve: async () => 0, release: async () => {}, restart: gone },
      pacer: {
        reserve: async () => ({ reserved: true, waitMs: 5, slotMs: 5 }),
        pushBack: async () => {},
        depart: async () => 0,
        answered: gone,
      },
    });
    expect(await processDelivery()).toBe("sent");
    expect(await outboxRow(app, row.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(delivered).toEqual([person.chatId]);
  });
});
