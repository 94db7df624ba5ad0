// 李明 has a job at a company without a league organisation: his membership goes to the 石牌 street committee.
// The whole story on the console: apply → 团支书 approves → the receiving side approves → a 团支部 is assigned →
// completed, with every message, event and deadline checked.
import { describe, expect, it } from "vitest";
import { formatInstant } from "../../../bot/features/membership/format.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { labels, payloads, rowPayloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
app.clock.set(new Date("2026-11-23T02:00:00Z"));
const at = (d: Date) => formatInstant(d, "zh-CN", app.config.TZ);

const li = await chatAsMember(app, "201901000001");
const wang = await chatAsMember(app, "201801000002");
const wu = await chatAsMember(app, "201801000010");
const branch2201 = await h.org("GD-GZ-SCUT-CS-2201");
const shipai = await h.org("GD-GZ-TH-SP");
const shipaiBranch = await h.org("GD-GZ-TH-SP-01");

describe("a transfer from application to completion", () => {
  let transferId = 0;

  it("asks the reason, explains the rule, finds the destination and refuses one the rule forbids", async () => {
    const [ask] = await li.chat.say("我毕业了想转团关系");
    expect(ask!.intent).toBe("transfer.start");
    expect(ask!.text).toBe("组织关系转接的原因是？");
    expect(labels(ask)).toEqual([
      "升学",
      "就业（单位有团组织）",
      "就业（单位无团组织）",
      "公派出国",
      "自费出国",
      "待业",
      "参军",
      "其他",
    ]);
    const [dest] = await li.chat.press("tr-reason:EMPLOYED_WITHOUT_LEAGUE_ORG");
    expect(dest!.text).toContain("就业但单位没有团组织：组织关系转到单位所在地的乡镇/街道团组织。");

    // The university is found, but the rule for this reason excludes it: said in the rule's words.
    const [refused] = await li.chat.say("华南理工");
    expect(refused!.text).toContain("找到了「华南理工大学团委」，但它不符合这个原因的转接规定。");
    // The only way forward offered besides another name: a destination not in Tuanzhu.
    expect(payloads(refused)).toEqual(["tr-outside:start"]);

    const [matches] = await li.chat.say("石牌");
    expect(payloads(matches)).toEqual([`tr-dest:${shipai.id}`, `tr-dest:${shipaiBranch.id}`, "tr-outside:start"]);
    expect(labels(matches)[0]).toBe("石牌街道团工委（共青团广州市天河区委员会）");

    const [summary] = await li.chat.press(`tr-dest:${shipai.id}`);
    expect(summary!.text.split("\n")).toEqual([
      "请确认转接申请：",
      "团员：李明",
      "转出：计科2022级1班团支部",
      "转入：石牌街道团工委",
      "原因：就业（单位无团组织）",
      "规定：就业但单位没有团组织：组织关系转到单位所在地的乡镇/街道团组织。",
      "办理步骤：",
      "1. 转出组织审批",
      "2. 转入组织审批",
      "3. 分配团支部",
    ]);
    expect(payloads(summary)).toEqual(["tr-submit:yes", "tr-submit:dest", "tr-submit:reason", "tr-submit:no"]);
    expect(await db.transferRequest.count()).toBe(0);
  });

  it("submits: the sending branch's 团支书 gets the step with Approve / Reject / Claim", async () => {
    const [done] = await li.chat.press("tr-submit:yes");
    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: li.member.id } });
    transferId = transfer.id;
    expect(transfer).toMatchObject({
      status: "IN_PROGRESS",
      fromOrgId: branch2201.id,
      toOrgId: shipai.id,
      reason: "EMPLOYED_WITHOUT_LEAGUE_ORG",
      initiatedById: li.member.id,
    });
    const [step1] = await h.steps(transferId);
    expect(step1).toMatchObject({ seq: 1, kind: "SENDER_APPROVAL", orgId: branch2201.id, status: "PENDING" });
    expect(step1!.slaHours).toBe(72);
    expect(step1!.dueAt.getTime() - step1!.startedAt.getTime()).toBe(72 * HOUR);
    expect(done!.text).toContain(`转接申请 #${transferId} 已提交`);
    expect(done!.text).toContain(
      `1. ⏳ 转出组织审批 —— 计科2022级1班团支部：待办理，自 ${at(step1!.startedAt)} 起，办理期限 ${at(step1!.dueAt)}`,
    );
    expect(payloads(done)).toEqual([`tr-cancel:${transferId}`, "go:membership.status"]);

    const [toWang] = await h.outboxFor(wang.member.id, "transfers-step-waiting");
    expect(toWang!.args).toMatchObject({ member: "李明", to: "石牌街道团工委", due: "2026-11-26 10:00" });
    expect(rowPayloads(toWang!)).toEqual([
      `tr-approve:${step1!.id}`,
      `tr-reject:${step1!.id}`,
      `tr-claim:${step1!.id}`,
    ]);
    expect(toWang!.status).toBe("QUEUED");
    // The same message in English, for a leader who chose it.
    expect(app.deps.i18n.t("en", toWang!.messageKey, toWang!.args as Record<string, string>)).toBe(
      `[Transfer #${transferId} waiting] 李明 asks to move from 计科2022级1班团支部 to 石牌街道团工委 (reason: employment, employer has no league organisation).\nTo do: approval by the sending organisation (计科2022级1班团支部), by 2026-11-26 10:00.`,
    );
    // The step's service-level timer is queued (its first stage, the 24 h nudge).
    const timers = await app.deps.queues["transfer-sla"].getJobs(["delayed", "waiting"]);
    expect(timers.map((j) => j.data)).toContainEqual({ stepId: step1!.id, stage: 1 });
    expect(await h.events(transferId)).toEqual(["SUBMITTED", "STEP_STARTED"]);
    const started = await db.transferEvent.findFirstOrThrow({ where: { transferId, type: "STEP_STARTED" } });
    expect(started).toMatchObject({ stepId: step1!.id, orgId: branch2201.id, at: step1!.startedAt });
    expect(started.data).toEqual({ slaHours: 72, business: false });
  });

  it("shows the member the timeline on /transfer and 我的转接到哪一步了", async () => {
    app.clock.advance(2 * HOUR);
    for (const ask of ["/transfer", "我的转接到哪一步了"]) {
      const [reply] = await li.chat.say(ask);
      expect(reply!.text, ask).toContain("组织关系转接进度");
      expect(reply!.text).toContain("从 计科2022级1班团支部 转往 石牌街道团工委，原因：就业（单位无团组织）");
    }
  });

  it("the 团支书 claims and approves; the receiving side (staff above the street committee) gets it next", async () => {
    const [step1] = await h.steps(transferId);
    expect((await wang.chat.press(`tr-claim:${step1!.id}`))[0]!.text).toBe(
      "已认领。系统不再向本级催办，但办理期限不变。",
    );
    expect((await li.chat.say("/transfer"))[0]!.text).toContain("（王芳 已认领，正在处理）");

    const [approved] = await wang.chat.press(`tr-approve:${step1!.id}`);
    expect(approved!.text).toBe("已同意。 已转入下一步。");
    const [, step2] = await h.steps(transferId);
    expect(step2).toMatchObject({ kind: "RECEIVER_APPROVAL", orgId: shipai.id, status: "PENDING" });
    // Nobody holds a role at the street committee: the 天河区团委 staff above it act.
    const [toWu] = await h.outboxFor(wu.member.id, "transfers-step-waiting-above");
    expect(rowPayloads(toWu!)).toEqual([`tr-approve:${step2!.id}`, `tr-reject:${step2!.id}`, `tr-claim:${step2!.id}`]);
    const [told] = await h.outboxFor(li.member.id, "transfers-member-step-done");
    expect(told!.args).toMatchObject({ kind: "SENDER_APPROVAL", org: "计科2022级1班团支部" });
  });

  it("the receiving side approves, then assigns a 团支部: completed, member moved, everyone told", async () => {
    const [, step2] = await h.steps(transferId);
    expect((await wu.chat.press(`tr-approve:${step2!.id}`))[0]!.text).toBe("已同意。 已转入下一步。");
    const [, , step3] = await h.steps(transferId);
    expect(step3).toMatchObject({ kind: "BRANCH_ASSIGNMENT", orgId: shipai.id, status: "PENDING" });
    const assignRows = await h.outboxFor(wu.member.id, "transfers-step-waiting-above");
    expect(rowPayloads(assignRows.at(-1)!)).toEqual([
      `tr-assign:${step3!.id}`,
      `tr-reject:${step3!.id}`,
      `tr-claim:${step3!.id}`,
    ]);

    const [choose] = await wu.chat.press(`tr-assign:${step3!.id}`);
    expect(choose!.text).toBe("请为 李明 选择 石牌街道团工委 下的团支部：");
    expect(payloads(choose)).toEqual([`tr-branch:${step3!.id}:${shipaiBranch.id}`]);
    const [done] = await wu.chat.press(`tr-branch:${step3!.id}:${shipaiBranch.id}`);
    expect(done!.text).toBe("已分配团支部。转接已完成，团员和双方组织都会收到通知。");

    expect((await h.member("201901000001")).orgId).toBe(shipaiBranch.id);
    expect(await db.transferRequest.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({
      status: "COMPLETED",
      assignedOrgId: shipaiBranch.id,
    });
    expect(await h.events(transferId)).toEqual([
      "SUBMITTED",
      "STEP_STARTED",
      "CLAIMED",
      "APPROVED",
      // Nobody at the street committee uses Tuanzhu: both its steps go straight to the district (吴昊).
      "STEP_STARTED",
      "ESCALATED",
      "APPROVED",
      "STEP_STARTED",
      "ESCALATED",
      "BRANCH_ASSIGNED",
      "COMPLETED",
    ]);
    const [completedForLi] = await h.outboxFor(li.member.id, "transfers-member-completed");
    expect(completedForLi!.args).toMatchObject({ org: "石牌街道社区团支部", from: "计科2022级1班团支部" });
    // The sending side hears; the one who finished it saw it in their own chat.
    expect(await h.outboxFor(wang.member.id, "transfers-sides-completed")).toHaveLength(1);
    expect(await h.outboxFor(wu.member.id, "transfers-sides-completed")).toHaveLength(0);
    const audits = await db.auditLog.findMany({
      where: { action: { startsWith: "transfer." } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["transfer.claim", wang.member.id],
      ["transfer.approve", wang.member.id],
      ["transfer.approve", wu.member.id],
      ["transfer.assign", wu.member.id],
    ]);
    // Everything announced was handed to the delivery queue.
    expect(await db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("a button pressed again after the end is told who handled it", async () => {
    const [, step2] = await h.steps(transferId);
    const [reply] = await wu.chat.press(`tr-reject:${step2!.id}`);
    expect(reply!.text).toMatch(/^这一步已由 吴昊 于 .+ 办理通过，不需要你再操作。$/);
  });
});
