// Redis loses everything in the middle of a run (a flush, a failover without persistence): PostgreSQL still knows
// every message, the reconciler queues what is left, and each person gets their message exactly once.
import { afterAll, describe, expect, it } from "vitest";
import { reconcileOutbox } from "../../../workers/maintenance/reconcile-outbox.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, notify, telegramPerson, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db, redis } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

/** Everything this app has in Redis: its own keys and BullMQ's (prefix in braces). */
async function flushOurRedis() {
  const prefix = app.config.REDIS_PREFIX;
  const keys = [...(await redis.keys(`${prefix}*`)), ...(await redis.keys(`{${prefix}}*`))];
  if (keys.length) await redis.del(...keys);
  return keys.length;
}

describe("Redis flushed mid-run", () => {
  it("delivers every message exactly once after the reconciler restores the queue", async () => {
    const people = await Promise.all(Array.from({ length: 60 }, () => telegramPerson(app)));
    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
    const ids: bigint[] = [];
    for (const person of people) ids.push(await notify(app, person.id, { messageKey: "start-welcome", args: {} }));

    // At 30 a second, part of the batch is out when the flush comes.
    await until(() => telegram.calls.length >= 10);
    expect(await flushOurRedis()).toBeGreaterThan(0);
    const sentBeforeReconcile = telegram.calls.length;
    expect(sentBeforeReconcile).toBeLessThan(people.length);

    // Past the grace period the reconciler finds the rows whose jobs are gone and queues them again.
    app.clock.set(new Date(Date.now() + 31_000));
    await until(async () => {
      await reconcileOutbox(app.deps, 1_000);
      return (await db.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length;
    }, 20_000);

    for (const person of people) expect(telegram.delivered(person.chatId), person.chatId).toHaveLength(1);
    expect(telegram.calls).toHaveLength(people.length);
  });
});
