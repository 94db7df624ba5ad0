// A 入团 step nobody takes runs on the same step machine as a transfer step: 王芳 (团支书 of 2201) is nudged at 24 h
// and 48 h after 肖明 applies; at 72 h it goes up past the empty 团总支 to 陈刚 (华工团委 staff), who takes the step
// from the escalation's own button. The timers are the BullMQ jobs the application queued, run through the real
// service-level processor once the app's clock reaches them; a lost timer is set again by the reconciler.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { joinSlaDelivery } from "../../../bot/features/joining/sla-source.ts";
import { reconcileSla } from "../../../workers/transfers/reconcile-sla.ts";
import { createSlaProcessor, type SlaOutcome } from "../../../workers/transfers/sla-processor.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { idFor } from "./id-number.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const HOUR = 3_600_000;
// Monday 23 November 2026, 10:00 in Guangzhou.
const t0 = new Date("2026-11-23T02:00:00Z");
app.clock.set(t0);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

const wang = await chatAsMember(app, "201801000002");
const chen = await chatAsMember(app, "201701000003");
const xiao = chatAs(app.core, "applicant-xiao");
const timers = app.deps.queues["transfer-sla"];
const processSla = createSlaProcessor(app.deps);

async function runDueTimers(): Promise<{ id: string; outcome: SlaOutcome }[]> {
  const ran: { id: string; outcome: SlaOutcome }[] = [];
  for (;;) {
    const jobs = (await timers.getJobs(["delayed", "waiting", "prioritized"])) as Job<JobData<"transfer-sla">>[];
    let progressed = false;
    for (const job of jobs) {
      const outcome = await processSla(job);
      if (outcome.status === "early") continue;
      await job.remove();
      ran.push({ id: job.id!, outcome });
      progressed = true;
    }
    if (!progressed) return ran;
  }
}

const rows = (messageKey: string, memberId: number) =>
  db.outboxMessage.findMany({ where: { messageKey, identity: { memberId } }, orderBy: { id: "asc" } });
const render = (row: { messageKey: string; args: unknown }) =>
  i18n.t("zh-CN", row.messageKey, row.args as Record<string, string>);

let stepId = 0;

describe("a 入团 step that waits", () => {
  it("starts its clock when 肖明 applies: one timer for the 24 h nudge", async () => {
    const code = /邀请码：([A-Z2-9]{6})/.exec(await wang.chat.text("/applicants invite"))![1]!;
    await xiao.say("/join");
    await xiao.say(code);
    await xiao.say("肖明");
    await xiao.say("13800138000");
    await xiao.say(idFor("2010-05-20"));
    await xiao.press("join-submit:yes");
    const step = await db.joinStep.findFirstOrThrow({ where: { kind: "MARK_ACTIVIST" } });
    stepId = step.id;
    expect(step.dueAt).toEqual(at(72));
    const jobs = await timers.getJobs(["delayed"]);
    expect(jobs.map((j) => j.id)).toEqual([`sla-join-${stepId}-1`]);
    expect(jobs[0]!.data).toEqual({ stepId, stage: 1, kind: "join" });
  });

  it("nudges 王芳 at 24 h and 48 h, never early, never twice", async () => {
    app.clock.set(at(23));
    expect(await runDueTimers()).toEqual([]);
    app.clock.set(at(24));
    expect((await runDueTimers()).map((r) => r.outcome)).toEqual([{ status: "sent", stage: 1, recipients: 1 }]);
    app.clock.set(at(48));
    expect((await runDueTimers()).map((r) => r.outcome)).toEqual([{ status: "sent", stage: 2, recipients: 1 }]);
    const nudges = await rows("joining-sla-nudge", wang.member.id);
    expect(nudges).toHaveLength(2);
    expect(render(nudges[0]!)).toContain("肖明 的入团申请（确定入团积极分子）在 计科2022级1班团支部 已等待 24 小时");
    expect(nudges[0]!.buttons).toEqual([[{ labelKey: "joining-button-activist", payload: `join-activist:${stepId}` }]]);
    // A re-run of a fired stage sends nothing.
    const again = await processSla({ data: { stepId, stage: 2, kind: "join" } } as Job<JobData<"transfer-sla">>);
    expect(again.status).toBe("skipped");
    expect(await rows("joining-sla-nudge", wang.member.id)).toHaveLength(2);
  });

  it("a timer Redis lost is set again by the reconciler", async () => {
    await timers.remove(`sla-join-${stepId}-3`);
    const report = await reconcileSla(app.deps);
    expect(report.restored).toBe(1);
    expect((await timers.getJobs(["delayed"])).map((j) => j.id)).toContain(`sla-join-${stepId}-3`);
  });

  it("at 72 h escalates past the empty 团总支 to 陈刚, who takes the step from the escalation", async () => {
    app.clock.set(at(72));
    const [fired] = await runDueTimers();
    expect(fired!.outcome).toMatchObject({ status: "sent", stage: 3, recipients: 1 });
    const [escalation] = await rows("joining-sla-escalation", chen.member.id);
    expect(render(escalation!)).toContain("入团超时督办：肖明");
    const step = await db.joinStep.findUniqueOrThrow({ where: { id: stepId } });
    expect(step).toMatchObject({ slaStage: 3, escalationLevel: 2 });
    // A nudge still waiting out quiet hours is wanted until the step is taken.
    expect(await joinSlaDelivery["joining-sla-nudge"]!.stillWanted!(db, { stepId })).toBe(true);
    expect(await chen.chat.text(`/applicants`)).toContain("肖明");
    const [reply] = await chen.chat.press(escalation!.buttons ? `join-activist:${stepId}` : "");
    expect(reply!.text).toContain("入团积极分子");
    expect(await joinSlaDelivery["joining-sla-nudge"]!.stillWanted!(db, { stepId })).toBe(false);
    // The next escalation's timer finds the step taken and sends nothing.
    app.clock.set(at(96));
    const after = await runDueTimers();
    expect(after.every((r) => r.outcome.status === "skipped")).toBe(true);
    expect(await rows("joining-sla-escalation", chen.member.id)).toHaveLength(1);
  });

  it("the 发展对象 step's clock starts when the training period ends, not before", async () => {
    const next = await db.joinStep.findFirstOrThrow({ where: { kind: "MARK_CANDIDATE" } });
    expect(next.startedAt).toEqual(new Date("2027-02-25T16:00:00Z")); // 26 February 2027, 00:00 in Guangzhou
    expect((await timers.getJobs(["delayed"])).map((j) => j.id)).toContain(`sla-join-${next.id}-1`);
  });
});
