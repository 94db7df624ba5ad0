// A broadcast's rows wait HELD in PostgreSQL; the feeder hands each platform's delivery queue only its window,
// oldest first, nothing before its time, and two feeds at once never take the same row.
import { describe, expect, it } from "vitest";
import { BROADCAST_PRIORITY, createOutbox } from "../../bot/core/outbox.ts";
import { outboxJobId } from "../../bot/core/queues.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { telegramPerson } from "../workers/fake-sender.ts";

// No workers: jobs stay where the feeder puts them.
const app = await createTestApp();
const { db, queues } = app.deps;
const WINDOW = 10;
const outbox = createOutbox(db, queues, () => true, WINDOW);

async function wechatPerson() {
  const id = `wx-${Math.random().toString(36).slice(2)}`;
  return db.chatIdentity.create({ data: { platform: "WECHAT", externalUserId: id, chatId: id } });
}

async function held(identityId: number, n: number, notBefore = app.clock.now) {
  await db.outboxMessage.createMany({
    data: Array.from({ length: n }, () => ({
      identityId,
      messageKey: "notices-message",
      args: { noticeId: 1 },
      status: "HELD" as const,
      notBefore,
      createdAt: app.clock.now,
    })),
  });
  return (await db.outboxMessage.findMany({ where: { identityId }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (r) => r.id,
  );
}

const statusOf = async (ids: bigint[]) =>
  (await db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((r) => r.status);

describe("feeding held broadcast rows to the delivery queues", () => {
  it("queues each platform's window, oldest first, and the rest as jobs leave", async () => {
    const tg = await held((await telegramPerson(app)).id, 25);
    const wx = await held((await wechatPerson()).id, 4);

    expect(await outbox.feed(app.clock.now)).toBe(WINDOW + 4);
    const telegram = queues["delivery-telegram"];
    expect(await telegram.count()).toBe(WINDOW);
    expect(await queues["delivery-wechat"].count()).toBe(4);
    expect(await statusOf(tg)).toEqual([...Array(WINDOW).fill("QUEUED"), ...Array(15).fill("HELD")]);
    expect(await statusOf(wx)).toEqual(Array(4).fill("QUEUED"));
    const first = await telegram.getJob(outboxJobId(tg[0]!));
    expect(first?.opts.priority).toBe(BROADCAST_PRIORITY);

    // The window is full: nothing more until jobs leave the queue.
    expect(await outbox.feed(app.clock.now)).toBe(0);
    for (const id of tg.slice(0, 4)) await telegram.remove(outboxJobId(id));
    expect(await outbox.feed(app.clock.now)).toBe(4);
    expect(await telegram.getJobState(outboxJobId(tg[WINDOW + 3]!))).not.toBe("unknown");
    expect(await telegram.getJobState(outboxJobId(tg[WINDOW + 4]!))).toBe("unknown");
    await telegram.obliterate({ force: true });
    await queues["delivery-wechat"].obliterate({ force: true });
    await db.outboxMessage.deleteMany({});
  });

  it("leaves rows due later in PostgreSQL until their time comes near", async () => {
    const tomorrow = new Date(app.clock.now.getTime() + 24 * 3600_000);
    const ids = await held((await telegramPerson(app)).id, 3, tomorrow);
    expect(await outbox.feed(app.clock.now)).toBe(0);
    expect(await statusOf(ids)).toEqual(["HELD", "HELD", "HELD"]);

    app.clock.set(new Date(tomorrow.getTime() - 30_000));
    expect(await outbox.feed(app.clock.now)).toBe(3);
    await queues["delivery-telegram"].obliterate({ force: true });
    await db.outboxMessage.deleteMany({});
  });

  it("gives each row to one feed when processes feed at once, and joins feeds asked for at once in a process", async () => {
    // Three processes' outboxes: their feeds run side by side on the same rows.
    const processes = [1, 2, 3].map(() => createOutbox(db, queues, () => true, 5_000));
    const person = await telegramPerson(app);
    const ids = await held(person.id, 3_000);
    const fed = await Promise.all(processes.map((o) => o.feed(app.clock.now)));
    expect(fed.reduce((a, b) => a + b, 0)).toBe(3_000);
    expect(await queues["delivery-telegram"].count()).toBe(3_000);
    expect(new Set(await statusOf(ids))).toEqual(new Set(["QUEUED"]));

    // Two lanes of one fan-out asking at once share one feed, so the window is filled once, not twice.
    await queues["delivery-telegram"].obliterate({ force: true });
    const more = await held((await telegramPerson(app)).id, 30);
    const lanes = await Promise.all([outbox.feed(app.clock.now), outbox.feed(app.clock.now)]);
    expect(lanes).toEqual([WINDOW, WINDOW]);
    expect(await queues["delivery-telegram"].count()).toBe(WINDOW);
    expect((await statusOf(more)).filter((s) => s === "QUEUED")).toHaveLength(WINDOW);
  });
});
