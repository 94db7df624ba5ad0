// Schedules live only in Redis. After a flush (or a Redis back empty) the keeper finds each missing one and makes it
// again, by itself on its timer and at once when its connection is back; /readyz and the metrics say it happened.
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { healthRoutes } from "../../bot/http/health.ts";
import { createRedis } from "../../bot/infra/redis.ts";
import { startScheduleKeeper } from "../../workers/schedule-keeper.ts";
import { schedules } from "../../workers/schedules.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { until } from "./fake-sender.ts";

const app = await createTestApp();
const { queues, metrics } = app.deps;
const connection = createRedis(app.config.REDIS_URL, "worker");
const http = Fastify();
void http.register(healthRoutes, app.deps);
afterAll(async () => {
  await http.close();
  connection.disconnect();
});

const existing = async () => {
  const found = await Promise.all(schedules.map((s) => queues[s.queue].getJobScheduler(s.id)));
  return schedules.filter((_, i) => found[i]).map((s) => s.id);
};
const readyz = async () => (await http.inject({ url: "/readyz" })).json();
const recreatedTotal = async () => (await metrics.schedulesRecreated.get()).values.reduce((sum, v) => sum + v.value, 0);

describe("the schedule keeper", () => {
  it("re-creates every schedule Redis lost, once, and says so", async () => {
    // Before any keeper ran in this process, readiness knows nothing of schedules.
    expect((await readyz()).checks).toEqual({ postgres: "ok", redis: "ok" });
    const keeper = startScheduleKeeper(app.deps, schedules, connection, 60_000);
    try {
      // This Redis prefix has never had a schedule: as after a FLUSHALL.
      expect(await existing()).toEqual([]);
      expect((await keeper.check()).sort()).toEqual(schedules.map((s) => s.id).sort());
      expect(await existing()).toHaveLength(schedules.length);
      expect(await recreatedTotal()).toBe(schedules.length);
      expect(await metrics.schedulesMissing.get()).toMatchObject({ values: [{ value: 0 }] });
      // Ready (nothing is missing now), and it tells that schedules had to be made again.
      expect(await readyz()).toEqual({
        status: "ok",
        checks: { postgres: "ok", redis: "ok", schedules: "recreated" },
      });

      // A second look finds them all: nothing made twice, the outbox reconciler still every minute.
      expect(await keeper.check()).toEqual([]);
      expect(await recreatedTotal()).toBe(schedules.length);
      expect(await queues.maintenance.getJobScheduler("reconcile-outbox")).toMatchObject({ every: 60_000 });
    } finally {
      keeper.stop();
    }
  });

  it("looks again on its own every few seconds, and as soon as its Redis connection is back", async () => {
    const keeper = startScheduleKeeper(app.deps, schedules, connection, 300);
    try {
      await queues.maintenance.removeJobScheduler("reconcile-sla");
      await until(async () => (await existing()).includes("reconcile-sla"), 5_000);
    } finally {
      keeper.stop();
    }

    const onReconnect = startScheduleKeeper(app.deps, schedules, connection, 60_000);
    try {
      await queues.dues.removeJobScheduler("dues-reminder-monthly");
      expect(await existing()).not.toContain("dues-reminder-monthly");
      // The connection drops and comes back (as after a Redis restart): no waiting for the next minute.
      connection.disconnect(true);
      await until(async () => (await existing()).includes("dues-reminder-monthly"), 5_000);
    } finally {
      onReconnect.stop();
    }
  });
});
