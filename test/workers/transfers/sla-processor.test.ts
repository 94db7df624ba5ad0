// A waiting transfer step: its leaders are nudged at 24 h and 48 h, its parent committee is told at 72 h, and every
// further 24 h the next level up, as far as the province. Steps are created in the database, timers run by hand.
import { describe, expect, it } from "vitest";
import { startClock } from "../../../bot/features/transfers/sla/clock.ts";
import { scheduleStepTimers } from "../../../bot/features/transfers/sla/timers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createChain, openStep, runStage, sentFor, timerJob } from "./sla-fixture.ts";

const app = await createTestApp();
const { db } = app.deps;
const H = 3_600_000;
const cst = (local: string) => new Date(`${local}+08:00`);

const stepRow = (id: number) => db.transferStep.findUniqueOrThrow({ where: { id } });
const eventsOf = (stepId: number) =>
  db.transferEvent.findMany({
    where: { stepId },
    orderBy: { id: "asc" },
    select: { type: true, orgId: true, data: true },
  });

describe("transfer service level", () => {
  it("nudges the branch's leaders at 24 h and 48 h, then escalates one level a day up to the province", async () => {
    const chain = await createChain(app, "甲");
    const t0 = cst("2026-11-02T10:00");
    app.clock.set(t0);
    const step = await openStep(app, chain);
    expect(step.slaHours).toBe(72);
    expect(step.dueAt).toEqual(new Date(t0.getTime() + 72 * H));

    await scheduleStepTimers(app.deps, [step.id]);
    const first = await timerJob(app, step.id, 1);
    expect(first?.opts.delay).toBe(24 * H);
    expect(await first?.getState()).toBe("delayed");

    // An hour early nothing happens.
    app.clock.set(new Date(t0.getTime() + 23 * H));
    expect(await runStage(app, step.id, 1)).toEqual({ status: "early", stage: 1 });
    expect(await sentFor(app, step.id)).toEqual([]);

    app.clock.set(new Date(t0.getTime() + 24 * H));
    expect(await runStage(app, step.id, 1)).toMatchObject({ status: "sent", recipients: 1 });
    let sent = await sentFor(app, step.id);
    expect(sent.map((s) => s.chatId)).toEqual([chain.secretary.chatId]);
    expect(sent[0]!.urgent).toBe(false);
    expect(sent[0]!.reply.text).toBe(
      "⏰ 转接待办提醒：甲同学 的组织关系转接（转出组织审批）在 甲1班团支部 已等待 24 小时，请在 2026-11-05 10:00 前办理。",
    );
    expect(sent[0]!.reply.buttons).toEqual([
      [
        { label: "同意", payload: `tr-approve:${step.id}` },
        { label: "退回", payload: `tr-reject:${step.id}` },
      ],
      [{ label: "我来处理", payload: `tr-claim:${step.id}` }],
    ]);
    expect((await timerJob(app, step.id, 2))?.opts.delay).toBe(24 * H);

    app.clock.set(new Date(t0.getTime() + 48 * H));
    await runStage(app, step.id, 2);
    sent = await sentFor(app, step.id);
    expect(sent.map((s) => s.chatId)).toEqual([chain.secretary.chatId, chain.secretary.chatId]);
    expect(sent[1]!.reply.text).toContain("已等待 48 小时");

    app.clock.set(new Date(t0.getTime() + 72 * H));
    expect(await runStage(app, step.id, 3)).toMatchObject({ status: "sent", escalatedTo: chain.orgs.committee.id });
    sent = await sentFor(app, step.id);
    expect(sent[2]!.chatId).toBe(chain.staff.committee.chatId);
    expect(sent[2]!.reply.text).toBe(
      "⚠️ 转接超时督办：甲同学 的组织关系转接（转出组织审批）在 甲1班团支部 已等待 72 小时，超过办理时限（2026-11-05 10:00）仍未办理。请 甲大学团委 督促办理，或直接办理。",
    );
    expect((await stepRow(step.id)).escalationLevel).toBe(1);

    // The county has no staff: the next day goes straight to the city, then the province, and there it stops.
    app.clock.set(new Date(t0.getTime() + 96 * H));
    await runStage(app, step.id, 4);
    app.clock.set(new Date(t0.getTime() + 120 * H));
    await runStage(app, step.id, 5);
    sent = await sentFor(app, step.id);
    expect(sent.slice(3).map((s) => s.chatId)).toEqual([chain.staff.city.chatId, chain.staff.province.chatId]);
    expect(sent[4]!.reply.text).toContain("已等待 120 小时");
    expect(await timerJob(app, step.id, 6)).toBeUndefined();
    app.clock.set(new Date(t0.getTime() + 144 * H));
    expect(await runStage(app, step.id, 6)).toEqual({ status: "skipped", stage: 6 });
    expect((await sentFor(app, step.id)).some((s) => s.chatId === chain.staff.central.chatId)).toBe(false);

    const after = await stepRow(step.id);
    expect({ slaStage: after.slaStage, escalationLevel: after.escalationLevel }).toEqual({
      slaStage: 5,
      escalationLevel: 4,
    });
    expect(await eventsOf(step.id)).toEqual([
      { type: "NUDGED", orgId: chain.orgs.branch.id, data: { stage: 1, hours: 24 } },
      { type: "NUDGED", orgId: chain.orgs.branch.id, data: { stage: 2, hours: 48 } },
      {
        type: "ESCALATED",
        orgId: chain.orgs.committee.id,
        data: { stage: 3, level: 1, fromOrgId: chain.orgs.branch.id },
      },
      { type: "ESCALATED", orgId: chain.orgs.city.id, data: { stage: 4, level: 3, fromOrgId: chain.orgs.branch.id } },
      {
        type: "ESCALATED",
        orgId: chain.orgs.province.id,
        data: { stage: 5, level: 4, fromOrgId: chain.orgs.branch.id },
      },
    ]);

    // Running a stage again (a retry, a re-created timer) sends nothing twice.
    expect(await runStage(app, step.id, 5)).toEqual({ status: "skipped", stage: 5 });
    expect(await runStage(app, step.id, 1)).toEqual({ status: "skipped", stage: 1 });
    expect(await sentFor(app, step.id)).toHaveLength(5);
    expect(await eventsOf(step.id)).toHaveLength(5);
  });

  it("stops nudging a claimed step but keeps escalating it", async () => {
    const chain = await createChain(app, "乙");
    const t0 = cst("2026-11-09T10:00");
    app.clock.set(t0);
    const step = await openStep(app, chain);
    await db.transferStep.update({
      where: { id: step.id },
      data: { claimedById: chain.secretary.memberId, claimedAt: t0, claimedLevel: 0 },
    });

    for (const stage of [1, 2]) {
      app.clock.set(new Date(t0.getTime() + stage * 24 * H));
      expect(await runStage(app, step.id, stage)).toMatchObject({ status: "sent", recipients: 0 });
    }
    expect(await sentFor(app, step.id)).toEqual([]);
    expect((await stepRow(step.id)).slaStage).toBe(2);

    app.clock.set(new Date(t0.getTime() + 72 * H));
    await runStage(app, step.id, 3);
    // Claimed again by the committee it was escalated to: the clock still runs, the next level still hears of it.
    await db.transferStep.update({ where: { id: step.id }, data: { claimedLevel: 1 } });
    app.clock.set(new Date(t0.getTime() + 96 * H));
    await runStage(app, step.id, 4);
    expect((await sentFor(app, step.id)).map((s) => s.chatId)).toEqual([
      chain.staff.committee.chatId,
      chain.staff.city.chatId,
    ]);
    expect((await eventsOf(step.id)).map((e) => e.type)).toEqual(["ESCALATED", "ESCALATED"]);
  });

  it("sends nothing for a step that moved on", async () => {
    const chain = await createChain(app, "丙");
    const t0 = cst("2026-11-16T10:00");
    app.clock.set(t0);
    const step = await openStep(app, chain);
    await scheduleStepTimers(app.deps, [step.id]);
    await db.transferStep.update({
      where: { id: step.id },
      data: { status: "APPROVED", decidedById: chain.secretary.memberId, decidedAt: new Date(t0.getTime() + 5 * H) },
    });

    app.clock.set(new Date(t0.getTime() + 24 * H));
    expect(await runStage(app, step.id, 1)).toEqual({ status: "skipped", stage: 1 });
    expect(await sentFor(app, step.id)).toEqual([]);
    expect(await eventsOf(step.id)).toEqual([]);
    expect((await stepRow(step.id)).slaStage).toBe(0);
    expect(await timerJob(app, step.id, 2)).toBeUndefined();
  });

  it("counts a business-hours organisation's clock on the work calendar and keeps the policy a step started with", async () => {
    const chain = await createChain(app, "丁");
    await db.organisation.update({
      where: { id: chain.orgs.branch.id },
      data: { slaHours: 18, slaBusinessHours: true },
    });
    const t0 = cst("2026-09-30T17:00");
    app.clock.set(t0);
    const step = await openStep(app, chain);
    // One hour on 30 September, nothing during 国庆 (1–7 October), then 8 and 9 October.
    expect({ slaHours: step.slaHours, slaBusinessHours: step.slaBusinessHours, dueAt: step.dueAt }).toEqual({
      slaHours: 18,
      slaBusinessHours: true,
      dueAt: cst("2026-10-09T17:00"),
    });
    await scheduleStepTimers(app.deps, [step.id]);
    expect((await timerJob(app, step.id, 1))?.opts.delay).toBe(cst("2026-10-08T14:00").getTime() - t0.getTime());

    // The organisation changes its policy; the running step keeps its own, a new one gets the new one.
    await db.organisation.update({
      where: { id: chain.orgs.branch.id },
      data: { slaHours: null, slaBusinessHours: false },
    });
    expect(await startClock(db, chain.orgs.branch.id, t0, 72)).toEqual({
      slaHours: 72,
      slaBusinessHours: false,
      dueAt: new Date(t0.getTime() + 72 * H),
    });

    app.clock.set(cst("2026-10-08T13:59"));
    expect(await runStage(app, step.id, 1)).toEqual({ status: "early", stage: 1 });
    app.clock.set(cst("2026-10-08T14:00"));
    await runStage(app, step.id, 1);
    const [nudge] = await sentFor(app, step.id);
    expect(nudge!.reply.text).toContain("已等待 6 个工作小时，请在 2026-10-09 17:00 前办理");
    // Escalations go on in business hours too: the 调休 Saturday 10 October counts.
    expect((await timerJob(app, step.id, 2))?.opts.delay).toBe(
      cst("2026-10-09T11:00").getTime() - cst("2026-10-08T14:00").getTime(),
    );
  });
});
