// 李明 asks to move his membership to the 石牌 street committee, and nobody on his side answers. The whole story on
// the console with the app's clock: the 团支书 is nudged at 24 h and 48 h, at 72 h the step goes up past the empty
// 团总支 to the 华工团委 staff, who approve from the escalation message; the receiving side approves, forgets the
// assignment until its own nudge, assigns from that nudge, and the transfer completes. Timers are the BullMQ jobs the
// workflow queued, run through the real service-level processor once the clock says they are due.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createSlaProcessor, type SlaOutcome } from "../../../workers/transfers/sla-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { payloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
// Monday 23 November 2026, 10:00 in Guangzhou.
const t0 = new Date("2026-11-23T02:00:00Z");
app.clock.set(t0);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

const li = await chatAsMember(app, "201901000001");
const wang = await chatAsMember(app, "201801000002");
const chen = await chatAsMember(app, "201701000003");
const wu = await chatAsMember(app, "201801000010");
const branch2201 = await h.org("GD-GZ-SCUT-CS-2201");
const scut = await h.org("GD-GZ-SCUT");
const shipai = await h.org("GD-GZ-TH-SP");
const tianhe = await h.org("GD-GZ-TH");
const shipaiBranch = await h.org("GD-GZ-TH-SP-01");
const timers = app.deps.queues["transfer-sla"];
const processSla = createSlaProcessor(app.deps);

/**
 * What the transfer-sla worker would do with the timers waiting in Redis once the app's clock reaches them: each job
 * goes through the real processor; one that is not due yet by the step's own timetable says "early" and stays, one
 * that ran is removed (the timers' removeOnComplete). Repeats while anything ran, since a fired stage queues the next.
 */
async function runDueTimers(): Promise<{ id: string; outcome: SlaOutcome }[]> {
  const ran: { id: string; outcome: SlaOutcome }[] = [];
  for (;;) {
    const jobs = (await timers.getJobs(["delayed", "waiting", "prioritized"])) as Job<JobData<"transfer-sla">>[];
    jobs.sort((a, b) => a.data.stepId - b.data.stepId || a.data.stage - b.data.stage);
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

/** The ids of the timers waiting in Redis, by step and stage. */
const timerIds = async () =>
  ((await timers.getJobs(["delayed", "waiting"])) as Job<JobData<"transfer-sla">>[])
    .sort((a, b) => a.data.stepId - b.data.stepId || a.data.stage - b.data.stage)
    .map((j) => j.id);

/** Every proactive message a person got, as their chat shows it (Chinese), oldest first. */
async function inbox(memberId: number) {
  const rows = await h.outboxFor(memberId);
  return Promise.all(
    rows.map(async (row) => ({ key: row.messageKey, ...(await renderRow(row, "zh-CN", { i18n, db }, undefined)) })),
  );
}

const buttonsOf = (message: { buttons?: { label: string; payload: string }[][] }) =>
  (message.buttons ?? []).map((row) => row.map((b) => `${b.label} ${b.payload}`));

describe("a transfer nobody answers: nudged, escalated, then finished", () => {
  let transferId = 0;
  let step1 = 0;

  it("李明 applies in the chat to the street committee; 王芳 gets the step and its 24 h timer is queued", async () => {
    expect((await li.chat.say("我毕业了想转团关系"))[0]!.text).toBe("组织关系转接的原因是？");
    await li.chat.press("tr-reason:EMPLOYED_WITHOUT_LEAGUE_ORG");
    const [matches] = await li.chat.say("石牌");
    expect(payloads(matches)).toContain(`tr-dest:${shipai.id}`);
    const [summary] = await li.chat.press(`tr-dest:${shipai.id}`);
    // A street committee is not a 团支部: a third step assigns one.
    expect(summary!.text).toContain("3. 分配团支部");
    const [done] = await li.chat.press("tr-submit:yes");

    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: li.member.id } });
    transferId = transfer.id;
    expect(done!.text).toContain(`转接申请 #${transferId} 已提交`);
    const [step] = await h.steps(transferId);
    step1 = step!.id;
    expect(step).toMatchObject({ kind: "SENDER_APPROVAL", orgId: branch2201.id, status: "PENDING", dueAt: at(72) });

    const [waiting] = await inbox(wang.member.id);
    expect(waiting!.text).toBe(
      `【转接待办理 #${transferId}】李明 申请从 计科2022级1班团支部 转往 石牌街道团工委（原因：就业（单位无团组织））。\n待办：转出组织审批（计科2022级1班团支部），请在 2026-11-26 10:00 前办理。`,
    );
    expect(await timerIds()).toEqual([`sla-${step1}-1`]);
    expect((await timers.getJob(`sla-${step1}-1`))!.opts.delay).toBe(24 * HOUR);
  });

  it("an hour early nothing fires; at 24 h and 48 h 王芳 is nudged with Approve / Reject / Claim", async () => {
    app.clock.set(at(23));
    expect(await runDueTimers()).toEqual([]);
    expect(await inbox(wang.member.id)).toHaveLength(1);

    app.clock.set(at(24));
    expect(await runDueTimers()).toEqual([
      { id: `sla-${step1}-1`, outcome: { status: "sent", stage: 1, recipients: 1 } },
    ]);
    const nudge = (await inbox(wang.member.id))[1]!;
    expect(nudge.key).toBe("sla-nudge");
    expect(nudge.text).toBe(
      "⏰ 转接待办提醒：李明 的组织关系转接（转出组织审批）在 计科2022级1班团支部 已等待 24 小时，请在 2026-11-26 10:00 前办理。",
    );
    expect(buttonsOf(nudge)).toEqual([
      [`同意 tr-approve:${step1}`, `退回 tr-reject:${step1}`],
      [`我来处理 tr-claim:${step1}`],
    ]);
    expect(await timerIds()).toEqual([`sla-${step1}-2`]);

    app.clock.set(at(48));
    expect(await runDueTimers()).toEqual([
      { id: `sla-${step1}-2`, outcome: { status: "sent", stage: 2, recipients: 1 } },
    ]);
    const second = (await inbox(wang.member.id))[2]!;
    expect(second.text).toBe(
      "⏰ 转接待办提醒：李明 的组织关系转接（转出组织审批）在 计科2022级1班团支部 已等待 48 小时，请在 2026-11-26 10:00 前办理。",
    );
    expect(buttonsOf(second)).toEqual(buttonsOf(nudge));
    // Nobody else heard of it yet.
    expect(await inbox(chen.member.id)).toEqual([]);
  });

  it("at 72 h it escalates past the 团总支 (nobody there) to the 华工团委 staff: 陈刚 is told, with the buttons", async () => {
    app.clock.set(at(72));
    expect(await runDueTimers()).toEqual([
      { id: `sla-${step1}-3`, outcome: { status: "sent", stage: 3, recipients: 1, escalatedTo: scut.id } },
    ]);
    const [escalation] = await inbox(chen.member.id);
    expect(escalation!.key).toBe("sla-escalation");
    expect(escalation!.text).toBe(
      "⚠️ 转接超时督办：李明 的组织关系转接（转出组织审批）在 计科2022级1班团支部 已等待 72 小时，超过办理时限（2026-11-26 10:00）仍未办理。请 华南理工大学团委 督促办理，或直接办理。",
    );
    expect(buttonsOf(escalation!)).toEqual([
      [`同意 tr-approve:${step1}`, `退回 tr-reject:${step1}`],
      [`我来处理 tr-claim:${step1}`],
    ]);
    // 王芳 is not told again; the escalation is stored against the committee it went to.
    expect(await inbox(wang.member.id)).toHaveLength(3);
    const escalated = await db.transferEvent.findFirstOrThrow({ where: { transferId, type: "ESCALATED" } });
    expect(escalated).toMatchObject({ stepId: step1, orgId: scut.id, at: at(72) });
    expect(escalated.data).toEqual({ stage: 3, level: 2, fromOrgId: branch2201.id });
    expect(await db.transferStep.findUniqueOrThrow({ where: { id: step1 } })).toMatchObject({
      status: "PENDING",
      slaStage: 3,
      escalationLevel: 2,
    });
    // The ladder goes on (广州团市委 tomorrow) while the step waits.
    expect(await timerIds()).toEqual([`sla-${step1}-4`]);
  });

  it("陈刚 approves from the escalation message; the receiving side (天河团区委's 吴昊) gets step 2 and approves", async () => {
    app.clock.set(at(73));
    const [escalation] = await inbox(chen.member.id);
    const approve = escalation!.buttons!.flat().find((b) => b.payload.startsWith("tr-approve:"))!;
    expect((await chen.chat.press(approve.payload))[0]!.text).toBe("已同意。 已转入下一步。");
    const [s1, s2] = await h.steps(transferId);
    expect(s1).toMatchObject({ status: "APPROVED", decidedById: chen.member.id, decidedAt: at(73) });
    expect(s2).toMatchObject({ kind: "RECEIVER_APPROVAL", orgId: shipai.id, status: "PENDING", dueAt: at(145) });
    const [toWu] = await inbox(wu.member.id);
    expect(toWu!.text).toContain(`【转接待办理 #${transferId}】李明 申请从 计科2022级1班团支部 转往 石牌街道团工委`);
    expect(toWu!.text).toContain("待办：转入组织审批（石牌街道团工委），请在 2026-11-29 11:00 前办理。");
    // Nobody at the street committee uses Tuanzhu: step 2 went straight to the district, and 李明 is told so.
    expect((await inbox(li.member.id)).map((m) => m.text)).toEqual([
      "你的转接申请：转出组织审批已由 计科2022级1班团支部 通过，进入下一步。",
      "你的转接申请：转入组织审批本应由 石牌街道团工委 办理，但 石牌街道团工委 还没有负责人使用团助，已直接交给 共青团广州市天河区委员会 办理。你不需要做什么，可以随时查看进度。",
    ]);
    // 王芳's old nudge button now says who handled it.
    expect((await wang.chat.press(`tr-approve:${step1}`))[0]!.text).toBe(
      "这一步已由 陈刚 于 2026年11月26日 11:00 办理通过，不需要你再操作。",
    );
    expect(await timerIds()).toEqual([`sla-${step1}-4`, `sla-${s2!.id}-1`]);

    app.clock.set(at(74));
    const approve2 = toWu!.buttons!.flat().find((b) => b.payload.startsWith("tr-approve:"))!;
    expect(approve2.payload).toBe(`tr-approve:${s2!.id}`);
    expect((await wu.chat.press(approve2.payload))[0]!.text).toBe("已同意。 已转入下一步。");
    const [, , s3] = await h.steps(transferId);
    expect(s3).toMatchObject({ kind: "BRANCH_ASSIGNMENT", orgId: shipai.id, status: "PENDING" });
  });

  it("the assignment waits a day: finished steps' timers fire nothing, 吴昊 is nudged and assigns from the nudge", async () => {
    const [s1, s2, s3] = await h.steps(transferId);
    app.clock.set(at(98));
    expect(await runDueTimers()).toEqual([
      { id: `sla-${s1!.id}-4`, outcome: { status: "skipped", stage: 4 } },
      { id: `sla-${s2!.id}-1`, outcome: { status: "skipped", stage: 1 } },
      { id: `sla-${s3!.id}-1`, outcome: { status: "sent", stage: 1, recipients: 1 } },
    ]);
    const nudge = (await inbox(wu.member.id)).at(-1)!;
    expect(nudge.text).toBe(
      "⏰ 转接待办提醒：李明 的组织关系转接（分配团支部）在 石牌街道团工委 已等待 24 小时，请在 2026-11-29 12:00 前办理。",
    );
    // An assignment step is assigned, not approved: the nudge offers what the step takes.
    expect(buttonsOf(nudge)).toEqual([
      [`分配团支部 tr-assign:${s3!.id}`, `退回 tr-reject:${s3!.id}`],
      [`我来处理 tr-claim:${s3!.id}`],
    ]);

    app.clock.set(at(99));
    const [choose] = await wu.chat.press(nudge.buttons![0]![0]!.payload);
    expect(choose!.text).toBe("请为 李明 选择 石牌街道团工委 下的团支部：");
    expect(payloads(choose)).toEqual([`tr-branch:${s3!.id}:${shipaiBranch.id}`]);
    expect((await wu.chat.press(payloads(choose)[0]!))[0]!.text).toBe(
      "已分配团支部。转接已完成，团员和双方组织都会收到通知。",
    );
  });

  it("completed: 李明 is in the new 团支部, he and the sending side are told, the event log tells it all", async () => {
    expect((await h.member("201901000001")).orgId).toBe(shipaiBranch.id);
    expect(await db.transferRequest.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({
      status: "COMPLETED",
      assignedOrgId: shipaiBranch.id,
      closedAt: at(99),
    });
    expect((await inbox(li.member.id)).map((m) => m.text)).toEqual([
      "你的转接申请：转出组织审批已由 计科2022级1班团支部 通过，进入下一步。",
      "你的转接申请：转入组织审批本应由 石牌街道团工委 办理，但 石牌街道团工委 还没有负责人使用团助，已直接交给 共青团广州市天河区委员会 办理。你不需要做什么，可以随时查看进度。",
      "你的转接申请：转入组织审批已由 石牌街道团工委 通过，进入下一步。",
      "你的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。",
      // A 就业 transfer: asked once whether the dues category should change (changes of circumstance).
      "你的组织关系已转入 石牌街道社区团支部。开始工作后，团费类别可能需要变更（学生 / 在职 / 无收入）。要现在报告吗？",
    ]);
    expect((await inbox(wang.member.id)).at(-1)!.text).toBe(
      "李明 的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。",
    );
    // 吴昊 finished it in his own chat; 陈刚 only stood in for the sending side's one step.
    expect((await inbox(wu.member.id)).map((m) => m.key)).toEqual([
      "transfers-step-waiting-above",
      "transfers-step-waiting-above",
      "sla-nudge",
    ]);
    expect((await inbox(chen.member.id)).map((m) => m.key)).toEqual(["sla-escalation"]);

    const [s1, s2, s3] = await h.steps(transferId);
    const events = await db.transferEvent.findMany({ where: { transferId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.stepId, e.orgId, e.actorId, e.at])).toEqual([
      ["SUBMITTED", null, branch2201.id, li.member.id, at(0)],
      ["STEP_STARTED", s1!.id, branch2201.id, null, at(0)],
      ["NUDGED", s1!.id, branch2201.id, null, at(24)],
      ["NUDGED", s1!.id, branch2201.id, null, at(48)],
      ["ESCALATED", s1!.id, scut.id, null, at(72)],
      ["APPROVED", s1!.id, branch2201.id, chen.member.id, at(73)],
      ["STEP_STARTED", s2!.id, shipai.id, null, at(73)],
      // Nobody at the street committee uses Tuanzhu: its steps go to the district at once.
      ["ESCALATED", s2!.id, tianhe.id, null, at(73)],
      ["APPROVED", s2!.id, shipai.id, wu.member.id, at(74)],
      ["STEP_STARTED", s3!.id, shipai.id, null, at(74)],
      ["ESCALATED", s3!.id, tianhe.id, null, at(74)],
      ["NUDGED", s3!.id, shipai.id, null, at(98)],
      ["BRANCH_ASSIGNED", s3!.id, shipai.id, wu.member.id, at(99)],
      ["COMPLETED", null, shipaiBranch.id, null, at(99)],
    ]);
    expect(events.filter((e) => e.type === "ESCALATED").map((e) => e.data)).toEqual([
      { stage: 3, level: 2, fromOrgId: branch2201.id },
      { stage: 0, level: 1, fromOrgId: shipai.id, memberLeads: false },
      { stage: 0, level: 1, fromOrgId: shipai.id, memberLeads: false },
    ]);
    expect(events.filter((e) => e.type === "NUDGED").map((e) => e.data)).toEqual([
      { stage: 1, hours: 24 },
      { stage: 2, hours: 48 },
      { stage: 1, hours: 24 },
    ]);
    // Everything announced was handed to delivery.
    expect(await db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("a month later the last timer finds the transfer finished and sends nothing", async () => {
    const [, , s3] = await h.steps(transferId);
    const rows = await db.outboxMessage.count();
    const events = await db.transferEvent.count();
    expect(await timerIds()).toEqual([`sla-${s3!.id}-2`]);
    app.clock.set(at(30 * 24));
    expect(await runDueTimers()).toEqual([{ id: `sla-${s3!.id}-2`, outcome: { status: "skipped", stage: 2 } }]);
    expect(await timerIds()).toEqual([]);
    expect(await db.outboxMessage.count()).toBe(rows);
    expect(await db.transferEvent.count()).toBe(events);
  });
});
