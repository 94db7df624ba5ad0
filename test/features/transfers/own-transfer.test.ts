// 王芳, 团支书 of 计科2022级1班, applies for her own transfer. She is the only one at her branch who could act on it,
// so the step goes at once to the nearest level with someone else (华工团委, 陈刚), she is told so, and every
// button she could press on it — approve, send back, claim, assign, open — is refused with a clear answer and
// changes nothing. Her nudges go to 陈刚 too, and /pending never offers her own step. 孙静, whose branch has a
// second 团支书, sees her step go to her colleague without any escalation. And a leader cannot start 办理转出 /
// 办理转入 for herself. All on the console, timers run through the real processor on the app's clock.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { startClock } from "../../../bot/features/transfers/sla/clock.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createSlaProcessor } from "../../../workers/transfers/sla-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { payloads, rowPayloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
// Tuesday 1 December 2026, 10:00 in Guangzhou.
const t0 = new Date("2026-12-01T02:00:00Z");
app.clock.set(t0);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

const wang = await chatAsMember(app, "201801000002");
const chen = await chatAsMember(app, "201701000003");
const huang = await chatAsMember(app, "202201000007");
const sysuCs = await h.org("GD-GZ-SYSU-CS");
const scut = await h.org("GD-GZ-SCUT");
const branch2201 = await h.org("GD-GZ-SCUT-CS-2201");
const processSla = (stepId: number, stage: number) =>
  createSlaProcessor(app.deps)({ data: { stepId, stage } } as unknown as Job<JobData<"transfer-sla">>);

async function inbox(memberId: number) {
  const rows = await h.outboxFor(memberId);
  return Promise.all(
    rows.map(async (row) => ({ key: row.messageKey, ...(await renderRow(row, "zh-CN", { i18n, db }, undefined)) })),
  );
}

/** 王芳's own transfer, applied for in the chat as any member would. */
async function applyForSelf() {
  const [whom] = await wang.chat.say("我要转团关系");
  expect(payloads(whom)).toContain("tr-for:self");
  await wang.chat.press("tr-for:self");
  await wang.chat.press("tr-reason:FURTHER_STUDY");
  await wang.chat.say("中山大学计算机");
  await wang.chat.press(`tr-dest:${sysuCs.id}`);
  const [done] = await wang.chat.press("tr-submit:yes");
  const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: wang.member.id } });
  expect(done!.text).toContain(`转接申请 #${transfer.id} 已提交`);
  return transfer;
}

describe("a 团支书's own transfer", () => {
  let transferId = 0;
  let stepId = 0;

  it("goes at once past her to 华工团委: 陈刚 gets it with the buttons, she is told why, and never asked to act", async () => {
    const transfer = await applyForSelf();
    transferId = transfer.id;
    const [step] = await h.steps(transferId);
    stepId = step!.id;
    expect(step).toMatchObject({
      kind: "SENDER_APPROVAL",
      orgId: branch2201.id,
      status: "PENDING",
      escalationLevel: 2,
    });

    const [toChen] = await inbox(chen.member.id);
    expect(toChen!.key).toBe("transfers-step-waiting-above");
    expect(toChen!.text).toBe(
      `【转接待办理 #${transferId}】王芳 申请从 计科2022级1班团支部 转往 中山大学计算机学院团总支（原因：升学）。\n` +
        "待办：转出组织审批（计科2022级1班团支部），请在 2026-12-04 10:00 前办理。 申请人本人是 计科2022级1班团支部 的负责人，不能审批自己的转接，所以交给你办理。",
    );
    expect(rowPayloads((await h.outboxFor(chen.member.id))[0]!)).toEqual([
      `tr-approve:${stepId}`,
      `tr-reject:${stepId}`,
      `tr-claim:${stepId}`,
    ]);
    // She is told where it went, in plain words, and gets no step to act on.
    expect((await inbox(wang.member.id)).map((m) => [m.key, m.text])).toEqual([
      [
        "transfers-member-step-sent-up",
        "你的转接申请：转出组织审批本应由 计科2022级1班团支部 办理，但那里能办理的只有你本人，自己的转接不能自己审批，已直接交给 华南理工大学团委 办理。你不需要做什么，可以随时查看进度。",
      ],
    ]);
    // 黄丽 (the branch's treasurer) is no approver either.
    expect(await h.outboxFor(huang.member.id)).toEqual([]);
    const escalated = await db.transferEvent.findFirstOrThrow({ where: { transferId, type: "ESCALATED" } });
    expect(escalated).toMatchObject({ stepId, orgId: scut.id, at: at(0) });
    expect(escalated.data).toEqual({ stage: 0, level: 2, fromOrgId: branch2201.id, memberLeads: true });
  });

  it("refuses every decision she tries on it, says who has it, and stores nothing", async () => {
    const refusal = "这是你自己的转接申请，不能由你本人审批、退回、认领或分配。它已交给 华南理工大学团委 办理。";
    for (const payload of [
      `tr-approve:${stepId}`,
      `tr-reject:${stepId}`,
      `tr-rcode:${stepId}:OTHER`,
      `tr-claim:${stepId}`,
      `tr-assign:${stepId}`,
      `tr-branch:${stepId}:${branch2201.id}`,
      `tr-open:${stepId}`,
    ]) {
      const [reply] = await wang.chat.press(payload);
      expect(reply!.text, payload).toBe(refusal);
      expect(payloads(reply)).toEqual(["go:transfer.status"]);
    }
    // A second tap gets the same answer.
    expect((await wang.chat.press(`tr-approve:${stepId}`))[0]!.text).toBe(refusal);
    // No reject dialog was opened: a typed note is not taken as a reason.
    expect((await wang.chat.say("同意"))[0]!.text).not.toContain("退回");

    expect(await db.transferStep.findUniqueOrThrow({ where: { id: stepId } })).toMatchObject({
      status: "PENDING",
      decidedById: null,
      decidedAt: null,
      claimedById: null,
    });
    expect(await h.events(transferId)).toEqual(["SUBMITTED", "STEP_STARTED", "ESCALATED"]);
    const denied = await db.auditLog.findMany({
      where: { action: "transfer.denied", actorId: wang.member.id },
      orderBy: { id: "asc" },
    });
    expect(denied.map((a) => (a.data as { attempted: string; reason?: string }).reason)).toEqual(
      Array(8).fill("own-transfer"),
    );
    expect(await db.auditLog.count({ where: { action: { in: ["transfer.approve", "transfer.claim"] } } })).toBe(0);
  });

  it("/pending does not offer her own step; 陈刚's does", async () => {
    expect((await wang.chat.say("/pending"))[0]!.text).toBe("你负责的组织目前没有待办理的转接。");
    const [chens] = await chen.chat.say("/pending");
    expect(payloads(chens)).toEqual([`tr-open:${stepId}`]);
  });

  it("her nudges go to 陈刚, not to her; at 72 h the escalation skips her level too", async () => {
    app.clock.set(at(24));
    expect(await processSla(stepId, 1)).toMatchObject({ status: "sent", stage: 1, recipients: 1 });
    const nudges = await db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `sla:${stepId}:1:` } },
      include: { identity: { select: { memberId: true } } },
    });
    expect(nudges.map((n) => n.identity.memberId)).toEqual([chen.member.id]);
    expect((await inbox(wang.member.id)).map((m) => m.key)).toEqual(["transfers-member-step-sent-up"]);

    app.clock.set(at(48));
    await processSla(stepId, 2);
    app.clock.set(at(72));
    // Above 华工团委 nobody uses Tuanzhu (广州团市委, 广东团省委): the chain ends without a message.
    expect(await processSla(stepId, 3)).toMatchObject({ status: "sent", stage: 3, recipients: 0, escalatedTo: null });
    expect((await inbox(wang.member.id)).map((m) => m.key)).toEqual(["transfers-member-step-sent-up"]);
  });

  it("陈刚 approves it; she hears it as the member, and that nobody at the receiving side uses Tuanzhu yet", async () => {
    expect((await chen.chat.press(`tr-approve:${stepId}`))[0]!.text).toBe("已同意。 已转入下一步。");
    expect(await db.transferStep.findUniqueOrThrow({ where: { id: stepId } })).toMatchObject({
      status: "APPROVED",
      decidedById: chen.member.id,
    });
    // 中山大学: no leader there or above it up to the province has a chat with Tuanzhu (周杰 never bound here).
    expect((await inbox(wang.member.id)).map((m) => m.text).slice(1)).toEqual([
      "你的转接申请：转出组织审批已由 计科2022级1班团支部 通过，进入下一步。",
      "你的转接申请：转入组织审批应由 中山大学计算机学院团总支 办理，但 中山大学计算机学院团总支 及其上级团组织（到团省委为止）目前都没有其他负责人使用团助，暂时没有人能在这里办理。请直接联系 中山大学计算机学院团总支 的团干部线下办理；那里的负责人一开始使用团助，就能在「待审批」里看到并办理。",
    ]);
    expect((await inbox(wang.member.id)).filter((m) => m.key.startsWith("transfers-step-waiting"))).toEqual([]);
    const [, step2] = await h.steps(transferId);
    expect(step2).toMatchObject({ kind: "RECEIVER_APPROVAL", status: "PENDING", escalationLevel: 0 });
    expect(
      await db.outboxMessage.count({
        where: { messageKey: { startsWith: "transfers-step-waiting" }, args: { path: ["id"], equals: transferId } },
      }),
    ).toBe(1);
  });
});

describe("a 团支书 whose branch has a second 团支书", () => {
  it("goes to her colleague, with no escalation and no warning", async () => {
    const sun = await chatAsMember(app, "201901000009");
    const zhang = await chatAsMember(app, "201801000004");
    const xh = await h.org("GD-GZ-TH-XH");
    await db.roleAssignment.create({ data: { memberId: zhang.member.id, orgId: xh.id, role: "BRANCH_SECRETARY" } });
    await sun.chat.say("/transfer");
    await sun.chat.press("tr-for:self");
    await sun.chat.press("tr-reason:FURTHER_STUDY");
    await sun.chat.say("中山大学计算机");
    await sun.chat.press(`tr-dest:${sysuCs.id}`);
    await sun.chat.press("tr-submit:yes");
    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: sun.member.id } });
    const [step] = await h.steps(transfer.id);
    expect(step).toMatchObject({ orgId: xh.id, escalationLevel: 0 });
    expect(await h.events(transfer.id)).toEqual(["SUBMITTED", "STEP_STARTED"]);
    const [toZhang] = await inbox(zhang.member.id);
    expect(toZhang!.text).toMatch(/请在 .+ 前办理。$/);
    expect(await h.outboxFor(sun.member.id)).toEqual([]);
    expect((await sun.chat.press(`tr-approve:${step!.id}`))[0]!.text).toBe(
      "这是你自己的转接申请，不能由你本人审批、退回、认领或分配。它已交给 广州星河科技有限公司团支部 办理。",
    );
    expect((await zhang.chat.press(`tr-approve:${step!.id}`))[0]!.text).toBe("已同意。 已转入下一步。");
  });
});

describe("a step of her own that began before the rule (it went to her alone)", () => {
  it("is handed up when she presses a button on it: the committee above gets it once, she is refused", async () => {
    const zhou = await chatAsMember(app, "201601234567");
    const m26 = await h.org("GD-GZ-SYSU-CS-M26");
    const sysu = await h.org("GD-GZ-SYSU");
    // 陈刚 also works for the 中山大学团委 here.
    await db.roleAssignment.create({ data: { memberId: chen.member.id, orgId: sysu.id, role: "COMMITTEE_STAFF" } });
    const transfer = await db.transferRequest.create({
      data: {
        memberId: zhou.member.id,
        fromOrgId: m26.id,
        toOrgId: (await h.org("GD-GZ-SCUT-CS")).id,
        reason: "FURTHER_STUDY",
        initiatedById: zhou.member.id,
        createdAt: app.clock.now,
      },
    });
    const step = await db.transferStep.create({
      data: {
        transferId: transfer.id,
        seq: 1,
        kind: "SENDER_APPROVAL",
        orgId: m26.id,
        startedAt: app.clock.now,
        ...(await startClock(db, m26.id, app.clock.now, 72)),
      },
    });
    const refusal = "这是你自己的转接申请，不能由你本人审批、退回、认领或分配。它已交给 中山大学团委 办理。";
    expect((await zhou.chat.press(`tr-approve:${step.id}`))[0]!.text).toBe(refusal);
    expect((await zhou.chat.press(`tr-claim:${step.id}`))[0]!.text).toBe(refusal);
    expect(await db.transferStep.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({
      status: "PENDING",
      decidedById: null,
      claimedById: null,
      escalationLevel: 2,
    });
    const toChen = await db.outboxMessage.findMany({
      where: { identity: { memberId: chen.member.id }, args: { path: ["id"], equals: transfer.id } },
    });
    expect(toChen.map((r) => r.messageKey)).toEqual(["transfers-step-waiting-above"]);
    expect(rowPayloads(toChen[0]!)[0]).toBe(`tr-approve:${step.id}`);
    expect((await inbox(zhou.member.id)).map((m) => m.key)).toEqual(["transfers-member-step-sent-up"]);
    expect(await h.events(transfer.id)).toEqual(["ESCALATED"]);
    expect((await chen.chat.press(`tr-approve:${step.id}`))[0]!.text).toBe("已同意。 已转入下一步。");
  });
});

describe("办理转出 / 办理转入 for oneself", () => {
  it("refuses her own 编号 and stores nothing", async () => {
    const wu = await chatAsMember(app, "201801000010");
    const before = await db.transferRequest.count();
    await wu.chat.say("办理转出");
    expect((await wu.chat.say("201801000010"))[0]!.text).toBe(
      "这是你自己的编号。为自己申请请发送 /transfer 并选「为我自己申请」。",
    );
    await wu.chat.say("取消");
    await wu.chat.say("办理转入");
    expect((await wu.chat.say("201801000010 吴昊"))[0]!.text).toBe(
      "这是你自己的编号。为自己申请请发送 /transfer 并选「为我自己申请」。",
    );
    expect(await db.transferRequest.count()).toBe(before);
    expect(await db.transferRequest.count({ where: { memberId: wu.member.id } })).toBe(0);
  });
});
