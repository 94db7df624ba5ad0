// Proactive messages reach people through the delivery worker: once, in their language, at the platform's pace,
// and every failure a platform can report ends in the right place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, deliveryJob, jobIn, notify, outboxRow, telegramPerson, until } from "../fake-sender.ts";

// Quiet hours off here (they have their own file); short waits between tries.
const app = await createTestApp({
  QUIET_HOURS_START: "00:00",
  QUIET_HOURS_END: "00:00",
  DELIVERY_MAX_ATTEMPTS: "3",
  DELIVERY_BACKOFF_MS: "50",
});
const { db } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers;

beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
});
afterAll(async () => {
  await workers.close();
});

const welcomeBack = { messageKey: "start-welcome-back", args: { name: "李明" } };
const statusButton = { buttons: [[{ labelKey: "start-menu-status", payload: "status" }]] };

describe("delivering an outbox row", () => {
  it("reaches the member once, in their own language, with the buttons to answer", async () => {
    const english = await telegramPerson(app, { locale: "en" });
    const chinese = await telegramPerson(app, { locale: null });

    const en = await notify(app, english.id, { ...welcomeBack, ...statusButton });
    const zh = await notify(app, chinese.id, { ...welcomeBack, ...statusButton });

    await until(
      async () => (await outboxRow(app, en)).status === "SENT" && (await outboxRow(app, zh)).status === "SENT",
    );
    expect(telegram.delivered(english.chatId).map((c) => c.reply)).toEqual([
      {
        text: "Welcome back, 李明! What can I do for you?",
        buttons: [[{ label: "My status", payload: "status" }]],
        intent: "delivery",
      },
    ]);
    // No language chosen yet: the deployment's default, Chinese.
    expect(telegram.delivered(chinese.chatId).map((c) => c.reply.text)).toEqual(["李明，欢迎回来！想办点什么？"]);
    expect(telegram.delivered(chinese.chatId)[0]?.reply.buttons).toEqual([[{ label: "我的团籍", payload: "status" }]]);
    const row = await outboxRow(app, en);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends once however often the row is dispatched, even after its job is gone", async () => {
    const person = await telegramPerson(app);
    const id = await notify(app, person.id, welcomeBack);
    await Promise.all([app.deps.outbox.dispatch([id]), app.deps.outbox.dispatch([id])]);
    await until(async () => (await outboxRow(app, id)).status === "SENT");

    // Redis forgot the finished job; a late dispatch creates a new one, which finds the row done.
    await (await deliveryJob(app, id))?.remove();
    await app.deps.outbox.dispatch([id]);
    const again = await jobIn(app, id, "completed");
    expect(again.returnvalue).toBe("done-before");
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(1);
  });

  it("stops at once for a person who blocked the bot, and sends them nothing more", async () => {
    const person = await telegramPerson(app);
    telegram.failNext(person.chatId, { kind: "blocked" });

    const first = await notify(app, person.id, welcomeBack);
    await until(async () => (await outboxRow(app, first)).status === "BLOCKED");
    expect(await db.chatIdentity.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ blocked: true });
    const job = await jobIn(app, first, "failed");
    expect(job.attemptsMade).toBe(1);

    const second = await notify(app, person.id, welcomeBack);
    await until(async () => (await outboxRow(app, second)).status === "BLOCKED");
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(1);
  });

  it("slows the whole Telegram queue when Telegram answers 429, then delivers", async () => {
    const person = await telegramPerson(app);
    const other = await telegramPerson(app);
    telegram.failNext(person.chatId, { kind: "rate-limited", retryAfterSec: 1 });

    const id = await notify(app, person.id, welcomeBack);
    const refused = await until(() => telegram.calls.find((c) => c.chatId === person.chatId));
    // Back in the queue once the worker has read the 429 (the fake saw the call before the worker saw the answer).
    await until(async () => (await outboxRow(app, id)).status === "QUEUED");
    // Another chat's message queued during the pause waits for it too.
    const otherId = await notify(app, other.id, welcomeBack);

    await until(
      async () => (await outboxRow(app, id)).status === "SENT" && (await outboxRow(app, otherId)).status === "SENT",
    );
    const [retry] = telegram.delivered(person.chatId);
    const [otherSend] = telegram.delivered(other.chatId);
    expect(retry!.at - refused.at).toBeGreaterThanOrEqual(950);
    expect(otherSend!.at - refused.at).toBeGreaterThanOrEqual(950);
    // Being told to slow down is not a failed try.
    expect((await outboxRow(app, id)).attempts).toBe(1);
  });

  it("follows a group that became a supergroup and sends there", async () => {
    const group = await telegramPerson(app, { chatId: "-4001234567" });
    telegram.failNext(group.chatId, { kind: "chat-moved", newChatId: "-1009876543210" });

    const id = await notify(app, group.id, welcomeBack);
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(telegram.delivered("-1009876543210")).toHaveLength(1);
    expect(telegram.delivered(group.chatId)).toHaveLength(0);
    expect((await db.chatIdentity.findUniqueOrThrow({ where: { id: group.id } })).chatId).toBe("-1009876543210");
  });

  it("retries a server error with growing waits, then gives up with the reason (dead letter)", async () => {
    const person = await telegramPerson(app);
    telegram.failAlways(person.chatId, { kind: "transient", reason: "502 Bad Gateway" });

    const id = await notify(app, person.id, welcomeBack);
    await until(async () => (await outboxRow(app, id)).status === "FAILED");
    expect(await outboxRow(app, id)).toMatchObject({ status: "FAILED", attempts: 3, lastError: "502 Bad Gateway" });
    const tries = telegram.calls.filter((c) => c.chatId === person.chatId);
    expect(tries).toHaveLength(3);
    // At least 50 ms, then 100 ms (the chat's own one-a-second limit may make them longer).
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(50);
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(100);
    expect(await (await deliveryJob(app, id))?.isFailed()).toBe(true);
  });

  it("gives up at once on a request the platform will never take", async () => {
    const person = await telegramPerson(app);
    telegram.failNext(person.chatId, { kind: "permanent", reason: "400 Bad Request: chat not found" });

    const id = await notify(app, person.id, welcomeBack);
    await until(async () => (await outboxRow(app, id)).status === "FAILED");
    expect((await outboxRow(app, id)).lastError).toBe("400 Bad Request: chat not found");
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(1);
  });

  it("spaces several messages to one chat by the chat's limit (1 per second on Telegram)", async () => {
    const person = await telegramPerson(app);
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++) ids.push(await notify(app, person.id, welcomeBack));

    await until(async () => (await db.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === 3);
    const at = telegram.delivered(person.chatId).map((c) => c.at);
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(1000);
  });

  it("keeps a message for later until its notBefore time", async () => {
    const person = await telegramPerson(app);
    const notBefore = new Date(app.clock.now.getTime() + 60 * 60_000);
    const id = await notify(app, person.id, { ...welcomeBack, notBefore, urgent: true });

    const job = await jobIn(app, id, "delayed");
    expect(job.delay).toBeGreaterThan(59 * 60_000);
    expect((await outboxRow(app, id)).status).toBe("QUEUED");

    app.clock.advance(60 * 60_000);
    await job.promote();
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(telegram.delivered(person.chatId)).toHaveLength(1);
  });
});
