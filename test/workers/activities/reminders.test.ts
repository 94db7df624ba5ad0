// Reminders 24 h and 1 h before the start, to those with a place: timed by deterministic BullMQ jobs, re-read
// before sending, never sent twice, re-timed when the start moves, and re-created when Redis loses them.
import { DelayedError } from "bullmq";
import { describe, expect, it } from "vitest";
import { createActivity, updateActivity } from "../../../bot/features/activities/activity-service.ts";
import { activityStillOn } from "../../../bot/features/activities/notify.ts";
import { signUp } from "../../../bot/features/activities/signup-service.ts";
import { publishJobId, reminderJobId } from "../../../bot/features/activities/timers.ts";
import { bindAs, outboxTo, rendered, runActivityJob } from "../../features/activities/helpers.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db, queues } = app.deps;
const H = 3600_000;
const T0 = app.clock.now;
const START = new Date(Math.ceil((T0.getTime() + 72 * H) / 60_000) * 60_000);

const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
const wang = await bindAs(app, "201801000002", "tg-wang");
const li = await bindAs(app, "201901000001", "tg-li");
const huang = await bindAs(app, "202201000007", "tg-huang");

async function publish(title: string, startsAt: Date, capacity = 2) {
  const result = await createActivity(
    app.deps,
    { memberId: wang.member.id },
    {
      orgId: branch.id,
      childIds: [],
      title,
      place: "教学楼 A101",
      startsAt,
      capacity,
    },
  );
  if (!result.ok) throw new Error(result.problem);
  return result.activity;
}

const remind = (activityId: number, stage: "24h" | "1h", startsAt: Date) =>
  runActivityJob(app, { task: "remind", activityId, stage, startsAt: startsAt.toISOString() });

describe("activity reminders", () => {
  it("are timed by one job per stage, with ids naming the start", async () => {
    const activity = await publish("主题团日", START);
    const day = await queues.activities.getJob(reminderJobId(activity.id, "24h", START));
    const hour = await queues.activities.getJob(reminderJobId(activity.id, "1h", START));
    expect(day?.opts.delay).toBe(START.getTime() - 24 * H - T0.getTime());
    expect(hour?.opts.delay).toBe(START.getTime() - H - T0.getTime());
    expect(await queues.activities.getJob(publishJobId(activity.id))).toBeDefined();
  });

  it("go 24 h and 1 h before the start to those with a place, once each", async () => {
    const activity = await db.activity.findFirstOrThrow({ where: { title: "主题团日" } });
    await signUp(app.deps, li.member.id, activity.id);
    await signUp(app.deps, huang.member.id, activity.id);
    expect((await signUp(app.deps, wang.member.id, activity.id)).kind).toBe("waitlisted");

    // A timer firing early (another machine's clock) waits out the rest; nothing is sent.
    await expect(remind(activity.id, "24h", START)).rejects.toBeInstanceOf(DelayedError);
    expect(await outboxTo(app, "activities-reminder-day")).toHaveLength(0);

    app.clock.set(new Date(START.getTime() - 24 * H));
    expect((await remind(activity.id, "24h", START)).result).toEqual({ kind: "sent", outbox: 2 });
    const day = await outboxTo(app, "activities-reminder-day");
    expect(day.map((r) => r.user).sort()).toEqual(["tg-huang", "tg-li"]);
    expect(day.every((r) => !r.urgent)).toBe(true);
    expect((await rendered(app, day[0]!)).text).toContain("【活动提醒】明天的活动：主题团日");
    // Re-run: nothing twice.
    expect((await remind(activity.id, "24h", START)).result).toEqual({ kind: "sent", outbox: 0 });
    expect(await outboxTo(app, "activities-reminder-day")).toHaveLength(2);

    app.clock.set(new Date(START.getTime() - H + 60_000));
    expect((await remind(activity.id, "1h", START)).result).toEqual({ kind: "sent", outbox: 2 });
    await remind(activity.id, "1h", START);
    const hour = await outboxTo(app, "activities-reminder-hour");
    expect(hour.map((r) => r.user).sort()).toEqual(["tg-huang", "tg-li"]);
    // The hour before the start ignores quiet hours.
    expect(hour.every((r) => r.urgent)).toBe(true);
    expect((await rendered(app, hour[0]!, "en")).text).toContain("Reminder: 主题团日 starts in 1 hour.");
  });

  it("are not sent late, nor for a cancelled activity", async () => {
    app.clock.set(T0);
    const late = await publish("晚到的提醒", new Date(T0.getTime() + 30 * H));
    app.clock.set(new Date(late.startsAt.getTime() - 21 * H));
    expect((await remind(late.id, "24h", late.startsAt)).result).toEqual({ kind: "late" });
    // A reminder already written but held back (quiet hours) is dropped at send time once the activity is off.
    expect(await activityStillOn(db, { activityId: late.id })).toBe(true);
    await db.activity.update({ where: { id: late.id }, data: { status: "CANCELLED" } });
    expect(await activityStillOn(db, { activityId: late.id })).toBe(false);
    app.clock.set(new Date(late.startsAt.getTime() - H));
    expect((await remind(late.id, "1h", late.startsAt)).result).toEqual({ kind: "cancelled" });
  });

  it("move with the start: old timers go, new ones come, and an old one that still fires sends nothing", async () => {
    app.clock.set(T0);
    const moved = await publish("改期的活动", START);
    await signUp(app.deps, li.member.id, moved.id);
    const later = new Date(START.getTime() + 24 * H);
    const result = await updateActivity(app.deps, { memberId: wang.member.id }, moved.id, { startsAt: later });
    expect(result.ok).toBe(true);
    expect(await queues.activities.getJob(reminderJobId(moved.id, "24h", START))).toBeUndefined();
    expect(await queues.activities.getJob(reminderJobId(moved.id, "1h", START))).toBeUndefined();
    expect((await queues.activities.getJob(reminderJobId(moved.id, "24h", later)))?.opts.delay).toBe(
      later.getTime() - 24 * H - T0.getTime(),
    );
    // Those signed up are told of the new time.
    expect((await outboxTo(app, "activities-changed")).map((r) => r.user)).toEqual(["tg-li"]);
    app.clock.set(new Date(START.getTime() - 24 * H));
    expect((await remind(moved.id, "24h", START)).result).toEqual({ kind: "stale" });
  });

  it("are re-created by the reconciler when Redis lost them", async () => {
    app.clock.set(T0);
    const soon = await publish("明天的团课", new Date(T0.getTime() + 24.5 * H));
    const jobs = [
      reminderJobId(soon.id, "24h", soon.startsAt),
      reminderJobId(soon.id, "1h", soon.startsAt),
      publishJobId(soon.id),
    ];
    for (const id of jobs) await queues.activities.remove(id);
    for (const id of jobs) expect(await queues.activities.getJob(id)).toBeUndefined();
    const { result } = await runActivityJob(app, { task: "reconcile" });
    expect(result).toMatchObject({ republished: 1 });
    expect((await queues.activities.getJob(jobs[0]!))?.opts.delay).toBe(0.5 * H);
    expect((await queues.activities.getJob(jobs[1]!))?.opts.delay).toBe(23.5 * H);
    expect(await queues.activities.getJob(jobs[2]!)).toBeDefined();
    // A second run finds everything in place.
    expect((await runActivityJob(app, { task: "reconcile" })).result).toMatchObject({ republished: 0 });
  });
});
