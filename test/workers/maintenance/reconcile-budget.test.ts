// After Redis lost a whole queue, the reconciler keeps up with the platform: each run queues what Telegram can send
// before the next run (with room to spare), not a fixed 500, and the next run walks on from where it stopped.
import { describe, expect, it } from "vitest";
import { reconcileBudget, reconcileOutbox } from "../../../workers/maintenance/reconcile-outbox.ts";
import { RECONCILE_EVERY_MS } from "../../../workers/maintenance/schedules.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { telegramPerson } from "../fake-sender.ts";

// No workers here: the rows stay as the reconciler leaves them.
const app = await createTestApp();
const { db, queues } = app.deps;

describe("the reconciler after a lost queue", () => {
  it("queues a minute and a half of Telegram's sends per run, oldest first, and the rest on the next run", async () => {
    // 30 a second for the minute until the next run, half again for headroom.
    const budget = reconcileBudget(app.config);
    expect(budget).toBe(Math.ceil(30 * (RECONCILE_EVERY_MS / 1000) * 1.5));
    const lost = budget + 300;

    // A notice's rows, queued, whose jobs Redis lost (flushed): nothing in the delivery queue.
    const person = await telegramPerson(app);
    const longAgo = new Date(app.clock.now.getTime() - 10 * 60_000);
    await db.outboxMessage.createMany({
      data: Array.from({ length: lost }, () => ({
        identityId: person.id,
        messageKey: "notices-message",
        args: { noticeId: 1 },
        status: "QUEUED" as const,
        createdAt: longAgo,
      })),
    });
    const ids = (await db.outboxMessage.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);

    expect(await reconcileOutbox(app.deps)).toMatchObject({ pending: 0, requeued: budget });
    const queue = queues["delivery-telegram"];
    expect(await queue.count()).toBe(budget);
    // The oldest first: the first `budget` rows have their job, the rest not yet.
    expect(await queue.getJobState(`outbox-${ids[budget - 1]}`)).not.toBe("unknown");
    expect(await queue.getJobState(`outbox-${ids[budget]}`)).toBe("unknown");
    // As broadcasts: behind any reply.
    expect((await queue.getJob(`outbox-${ids[0]}`))?.opts.priority).toBeGreaterThan(0);

    // The next run takes up where this one stopped and finds the rest.
    expect(await reconcileOutbox(app.deps)).toMatchObject({ requeued: 300 });
    expect(await queue.count()).toBe(lost);
    expect(await reconcileOutbox(app.deps)).toMatchObject({ requeued: 0 });
  }, 60_000);
});
