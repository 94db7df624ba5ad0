// PostgreSQL is the source of truth for the service level: a timer Redis lost (or never got) is re-created from the
// step, fires once, and an overdue step catches up without a pile of late nudges.
import { afterAll, describe, expect, it } from "vitest";
import { createTimers } from "../../../bot/core/timers.ts";
import { addTimers, scheduleStepTimers } from "../../../bot/features/transfers/sla/timers.ts";
import { RECONCILE_SLA_EVERY_MS } from "../../../workers/maintenance/schedules.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { reconcileSla } from "../../../workers/transfers/reconcile-sla.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../fake-sender.ts";
import { createChain, openStep, timerJob } from "./sla-fixture.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});
const H = 3_600_000;
const cst = (local: string) => new Date(`${local}+08:00`);

describe("the service-level reconciler", () => {
  it("re-creates lost timers from the database; each fires once, overdue ones at once", async () => {
    const lost = await createChain(app, "戊");
    const t0 = cst("2026-11-02T10:00");
    app.clock.set(t0);
    const step = await openStep(app, lost);
    await scheduleStepTimers(app.deps, [step.id]);
    await (await timerJob(app, step.id, 1))!.remove();

    // A step whose timers were never scheduled (the process died after commit), started 80 h before "now".
    const never = await createChain(app, "己");
    app.clock.set(new Date(t0.getTime() - 55 * H));
    const old = await openStep(app, never);

    app.clock.set(new Date(t0.getTime() + 25 * H));
    expect(await reconcileSla(app.deps)).toEqual({ checked: 2, restored: 2 });
    expect((await timerJob(app, step.id, 1))?.opts.delay).toBe(0);
    expect((await timerJob(app, old.id, 1))?.opts.delay).toBe(0);

    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
    await until(
      () =>
        telegram.delivered(lost.secretary.chatId).length === 1 &&
        telegram.delivered(never.staff.committee.chatId).length === 1,
    );
    expect(telegram.delivered(lost.secretary.chatId)[0]!.reply.text).toContain("已等待 24 小时");
    // 80 h late: the 24 h and 48 h nudges were overtaken, so only the 72 h escalation went out.
    expect(telegram.delivered(never.staff.committee.chatId)[0]!.reply.text).toContain("已等待 72 小时");
    expect(telegram.delivered(never.secretary.chatId)).toEqual([]);

    // The chains go on from there: the next stage waits in Redis for its time.
    await until(async () => (await timerJob(app, step.id, 2)) && (await timerJob(app, old.id, 4)));
    expect(await (await timerJob(app, step.id, 2))!.getState()).toBe("delayed");
    expect((await timerJob(app, old.id, 4))!.opts.delay).toBe(16 * H);

    // Reconciling again restores nothing, and nothing is sent twice.
    expect(await reconcileSla(app.deps)).toEqual({ checked: 2, restored: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(telegram.calls).toHaveLength(2);
    expect(await db.transferEvent.count({ where: { stepId: { in: [step.id, old.id] } } })).toBe(2);
    expect((await db.transferStep.findUniqueOrThrow({ where: { id: old.id } })).slaStage).toBe(3);
  });

  it("puts a timer that fires early back to wait for its time", async () => {
    const early = await createChain(app, "庚");
    const t0 = cst("2026-11-03T10:00");
    app.clock.set(t0);
    const step = await openStep(app, early);
    // A scheduler whose clock lags ours by an hour queues the 24 h nudge an hour too soon.
    const laggingTimers = createTimers(app.deps.queues, () => t0);
    await addTimers(laggingTimers, [{ stepId: step.id, stage: 1, dueAt: new Date(t0.getTime() + 23 * H) }]);
    app.clock.set(new Date(t0.getTime() + 23 * H));
    const queued = await timerJob(app, step.id, 1);
    expect(queued?.opts.delay).toBe(23 * H);
    await queued!.promote();
    // The worker runs it, finds it early by the step's own timetable, and puts it back for the hour that is left.
    const waiting = await until(async () => {
      const job = await timerJob(app, step.id, 1);
      return job && job.attemptsStarted > 0 && (await job.getState()) === "delayed" && job;
    });
    expect(waiting.processedOn).toBeDefined();
    expect(telegram.delivered(early.secretary.chatId)).toEqual([]);
    expect((await db.transferStep.findUniqueOrThrow({ where: { id: step.id } })).slaStage).toBe(0);
  });

  it("runs from a job scheduler in the maintenance queue", async () => {
    const scheduler = await app.deps.queues.maintenance.getJobScheduler("reconcile-sla");
    expect(scheduler).toMatchObject({ every: RECONCILE_SLA_EVERY_MS });
  });
});
