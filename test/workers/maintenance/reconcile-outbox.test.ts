// Redis is only the scheduler: a message whose job never reached Redis, or that Redis lost, is still delivered.
import type { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { enqueue } from "../../../bot/core/queues.ts";
import { reconcileOutbox } from "../../../workers/maintenance/reconcile-outbox.ts";
import { RECONCILE_EVERY_MS } from "../../../workers/maintenance/schedules.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, deliveryJob, notify, outboxRow, telegramPerson, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db, outbox } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

const message = { messageKey: "start-welcome-back", args: { name: "刘洋" } };

describe("the outbox reconciler", () => {
  it("delivers a row whose dispatch never happened and one whose job Redis lost, and leaves young rows alone", async () => {
    // The process died between commit and dispatch: the row stays PENDING with no job.
    const neverDispatched = await telegramPerson(app);
    const pendingId = (await outbox.toIdentity(db, neverDispatched.id, message))!;
    // Dispatched, then Redis lost the job (a flush, a failover without persistence).
    const lostJob = await telegramPerson(app);
    const lostId = await notify(app, lostJob.id, message);
    await (await deliveryJob(app, lostId))!.remove();
    expect(await deliveryJob(app, lostId)).toBeUndefined();

    // Half a minute later (from now: setting up may have taken a while) a new row is written that is still on its
    // way to the queue.
    app.clock.set(new Date(Date.now() + 31_000));
    const young = await telegramPerson(app);
    const youngId = (await outbox.toIdentity(db, young.id, { ...message, notBefore: app.clock.now }))!;
    await db.outboxMessage.update({ where: { id: youngId }, data: { createdAt: app.clock.now } });

    // Reconcile before the workers start: their own schedule would run it at once and race this call.
    expect(await reconcileOutbox(app.deps)).toEqual({ pending: 1, checked: 1, requeued: 1 });
    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));

    await until(
      async () =>
        (await outboxRow(app, pendingId)).status === "SENT" && (await outboxRow(app, lostId)).status === "SENT",
    );
    expect(telegram.delivered(neverDispatched.chatId)).toHaveLength(1);
    expect(telegram.delivered(lostJob.chatId)).toHaveLength(1);
    expect((await outboxRow(app, youngId)).status).toBe("PENDING");
    expect(await deliveryJob(app, youngId)).toBeUndefined();

    // Running again finds nothing to do and sends nothing twice.
    expect(await reconcileOutbox(app.deps)).toMatchObject({ pending: 0, requeued: 0 });
    expect(telegram.calls).toHaveLength(2);
  });

  it("runs every minute from a job scheduler, and its job does the same work", async () => {
    const scheduler = await app.deps.queues.maintenance.getJobScheduler("reconcile-outbox");
    expect(scheduler).toMatchObject({ every: RECONCILE_EVERY_MS });

    const person = await telegramPerson(app);
    const id = (await outbox.toIdentity(db, person.id, message))!;
    // Half a minute later by the app's clock, which wrote the row.
    app.clock.advance(31_000);
    const job = await enqueue(app.deps.queues, "maintenance", { task: "reconcile-outbox" }, { jobId: "reconcile-now" });
    await until(async () => (await (app.deps.queues.maintenance as Queue).getJob(job.id!))?.isCompleted());
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(telegram.delivered(person.chatId)).toHaveLength(1);
  });
});
