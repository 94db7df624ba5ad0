// Two leaders pressing Approve at the same moment: exactly one wins, the other is told who did. A leader from another
// subtree pressing a forged button is refused and nothing changes. Bad input gets a clear answer and stores nothing.
// /pending lists what waits on a leader's organisations, the earliest deadline first.
import { describe, expect, it } from "vitest";
import { submitTransfer } from "../../../bot/features/transfers/workflow.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { payloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
app.clock.set(new Date("2026-11-23T02:00:00Z"));

const wang = await chatAsMember(app, "201801000002");
const chen = await chatAsMember(app, "201701000003");
const sun = await chatAsMember(app, "201901000009");
const li = await chatAsMember(app, "201901000001");
const branch2201 = await h.org("GD-GZ-SCUT-CS-2201");
const xinghe = await h.org("GD-GZ-TH-XH");
const shipai = await h.org("GD-GZ-TH-SP");

/** A member of 计科2022级1班 without any role, applying through the service (the dialog has its own stories). */
async function submitFor(index: number, toOrgId = shipai.id) {
  const members = await db.member.findMany({
    where: { orgId: branch2201.id, roles: { none: {} }, id: { not: li.member.id } },
    orderBy: { id: "asc" },
  });
  const member = members[index]!;
  const result = await submitTransfer(app.deps, {
    memberId: member.id,
    initiatorId: member.id,
    toOrgId,
    reason: "UNEMPLOYED",
  });
  if (!result.ok) throw new Error(result.problem);
  const [step] = await h.steps(result.transferId);
  return { member, transferId: result.transferId, step: step! };
}

describe("racing approvals", () => {
  it("two leaders press Approve at once: one APPROVED event, one next step, the other told who handled it", async () => {
    const { transferId, step } = await submitFor(0);
    // 王芳 is the branch's 团支书, 陈刚 staff of the university committee above it: both may act.
    const [a, b] = await Promise.all([
      wang.chat.press(`tr-approve:${step.id}`),
      chen.chat.press(`tr-approve:${step.id}`),
    ]);
    const texts = [a![0]!.text, b![0]!.text];
    const winners = texts.filter((t) => t === "已同意。 已转入下一步。");
    expect(winners).toHaveLength(1);
    const winner = texts[0] === winners[0] ? "王芳" : "陈刚";
    const loser = texts.find((t) => t !== winners[0])!;
    expect(loser).toMatch(new RegExp(`^这一步已由 ${winner} 于 .+ 办理通过，不需要你再操作。$`));

    expect(await db.transferEvent.count({ where: { stepId: step.id, type: "APPROVED" } })).toBe(1);
    const steps = await h.steps(transferId);
    expect(steps.map((s) => [s.seq, s.status])).toEqual([
      [1, "APPROVED"],
      [2, "PENDING"],
    ]);
    expect(await db.auditLog.count({ where: { action: "transfer.approve", targetId: String(step.id) } })).toBe(1);
  });

  it("Approve and the member's cancel at once: exactly one of them happens", async () => {
    const { member, transferId, step } = await submitFor(1);
    const mine = await chatAsMember(app, member.code);
    const [approve, cancel] = await Promise.all([
      wang.chat.press(`tr-approve:${step.id}`),
      mine.chat.press(`tr-cancel-yes:${transferId}`),
    ]);
    const transfer = await db.transferRequest.findUniqueOrThrow({ where: { id: transferId } });
    const [first] = await h.steps(transferId);
    if (first!.status === "APPROVED") {
      // Approved first, then cancelled with the next step waiting.
      expect(transfer.status).toBe("CANCELLED");
      expect(approve![0]!.text).toBe("已同意。 已转入下一步。");
      expect((await h.steps(transferId))[1]!.status).toBe("CANCELLED");
    } else {
      expect(first!.status).toBe("CANCELLED");
      expect(approve![0]!.text).toMatch(/因申请撤销而取消/);
    }
    expect(cancel![0]!.text).toBe("转接申请已撤销。");
    expect(await db.transferEvent.count({ where: { transferId, type: "CANCELLED" } })).toBe(1);
  });
});

describe("one open request per member", () => {
  it("two submissions at once: one is stored, the other refused", async () => {
    const members = await db.member.findMany({
      where: { orgId: branch2201.id, roles: { none: {} }, id: { not: li.member.id } },
      orderBy: { id: "desc" },
    });
    const member = members[0]!;
    const submit = () =>
      submitTransfer(app.deps, {
        memberId: member.id,
        initiatorId: member.id,
        toOrgId: shipai.id,
        reason: "UNEMPLOYED",
      });
    const results = await Promise.all([submit(), submit()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "open-exists" }]);
    expect(await db.transferRequest.count({ where: { memberId: member.id } })).toBe(1);
  });
});

describe("scope", () => {
  it("a 团支书 of another subtree pressing forged buttons is answered as for no such step, nothing changes, the attempt is audited", async () => {
    const { transferId, step } = await submitFor(2);
    const before = await db.transferEvent.count({ where: { transferId } });
    for (const payload of [
      `tr-approve:${step.id}`,
      `tr-reject:${step.id}`,
      `tr-claim:${step.id}`,
      `tr-assign:${step.id}`,
    ]) {
      // The same words as for a step that does not exist: whether it exists is nobody else's business.
      const [reply] = await sun.chat.press(payload);
      expect(reply!.text, payload).toBe("这一步已失效，请发送 /transfer 重新开始。");
    }
    expect((await h.steps(transferId))[0]).toMatchObject({ status: "PENDING", claimedById: null });
    expect(await db.transferEvent.count({ where: { transferId } })).toBe(before);
    const denied = await db.auditLog.findMany({ where: { action: "transfer.denied", actorId: sun.member.id } });
    expect(denied.map((d) => (d.data as { attempted: string }).attempted).sort()).toEqual([
      "approve",
      "assign",
      "claim",
      "reject",
    ]);
    // A member without any role, and a forged step id, get the same "expired".
    expect((await li.chat.press(`tr-approve:${step.id}`))[0]!.text).toBe("这一步已失效，请发送 /transfer 重新开始。");
    expect((await wang.chat.press("tr-approve:99999999"))[0]!.text).toBe("这一步已失效，请发送 /transfer 重新开始。");
  });

  it("a branch outside the destination cannot be assigned", async () => {
    const { transferId, step } = await submitFor(3);
    const wu = await chatAsMember(app, "201801000010");
    await wang.chat.press(`tr-approve:${step.id}`);
    const step2 = (await h.steps(transferId))[1]!;
    await wu.chat.press(`tr-approve:${step2.id}`);
    const step3 = (await h.steps(transferId))[2]!;
    const [reply] = await wu.chat.press(`tr-branch:${step3.id}:${xinghe.id}`);
    expect(reply!.text).toBe("只能分配到转入组织下属的团支部。");
    expect((await h.steps(transferId))[2]!.status).toBe("PENDING");
  });
});

describe("bad input", () => {
  it("answers clearly and stores nothing", async () => {
    const before = await db.transferRequest.count();
    await li.chat.say("/transfer");
    expect((await li.chat.press("tr-reason:NOT_A_REASON"))[0]!.text).toBe(
      "这个按钮已失效，请重新发起操作。发送 /help 查看可用功能。",
    );
    await li.chat.press("tr-reason:OTHER");
    expect((await li.chat.say("说".repeat(301)))[0]!.text).toBe("说明最多 300 字，请精简后再发一次。");
    await li.chat.say("随家人迁居");
    expect((await li.chat.say("组".repeat(61)))[0]!.text).toBe("组织名称太长了，请发送 60 字以内的名称或简称。");
    expect((await li.chat.say("不存在的组织名字"))[0]!.text).toContain("没有找到和「不存在的组织名字」相符的组织");
    // A forged destination the rules forbid (a county committee) is refused with the rule.
    const tianhe = await h.org("GD-GZ-TH");
    const [refused] = await li.chat.press(`tr-dest:${tianhe.id}`);
    expect(refused!.text).toBe(
      "不能转到「共青团广州市天河区委员会」：它的组织类型不符合这个原因的规定。 其他原因：转到你实际学习、工作或生活地的基层团组织，由转入组织审核你的说明。",
    );
    // His own branch.
    expect((await li.chat.press(`tr-dest:${branch2201.id}`))[0]!.text).toContain("你现在就在这个组织。");
    // A question typed where an organisation was asked for leaves the dialog and is answered.
    const [status] = await li.chat.say("查一下我的团籍");
    expect(status!.intent).toBe("membership.status");
    expect((await li.chat.press("tr-submit:yes"))[0]!.text).toBe("这一步已失效，请发送 /transfer 重新开始。");
    expect(await db.transferRequest.count()).toBe(before);
  });
});

describe("/pending", () => {
  it("lists the steps waiting in the leader's subtree, the earliest deadline first, with buttons to act", async () => {
    // A later request whose organisation has a shorter service level comes first.
    app.clock.advance(5 * HOUR);
    await db.organisation.update({ where: { id: branch2201.id }, data: { slaHours: 24 } });
    const urgent = await submitFor(4);
    await db.organisation.update({ where: { id: branch2201.id }, data: { slaHours: null } });
    const waiting = await db.transferStep.findMany({
      where: { status: "PENDING", org: { ancestorIds: { has: (await h.org("GD-GZ-SCUT")).id } } },
      orderBy: { dueAt: "asc" },
    });
    expect(waiting[0]!.id).toBe(urgent.step.id);

    const [reply] = await chen.chat.say("/pending");
    expect(reply!.intent).toBe("transfer.pending");
    const rows = reply!.text.split("\n").slice(1);
    expect(reply!.text.split("\n")[0]).toBe(
      `待办理的转接共 ${waiting.length} 件（按期限先后，显示 ${waiting.length} 件）：`,
    );
    expect(rows[0]).toContain(
      `1. ${urgent.member.name}：计科2022级1班团支部 → 石牌街道团工委，转出组织审批（计科2022级1班团支部）`,
    );
    expect(rows[0]).toContain("还剩约 24 小时");
    expect(payloads(reply)[0]).toBe(`tr-open:${urgent.step.id}`);

    const [card] = await chen.chat.press(`tr-open:${urgent.step.id}`);
    expect(payloads(card)).toEqual([
      `tr-approve:${urgent.step.id}`,
      `tr-reject:${urgent.step.id}`,
      `tr-claim:${urgent.step.id}`,
    ]);
    // The street committee's steps are not 陈刚's; 孙静's company branch has nothing waiting.
    expect(reply!.text).not.toContain("转入组织审批（石牌街道团工委）");
    expect((await sun.chat.say("待审批的转接"))[0]!.text).toBe("你负责的组织目前没有待办理的转接。");
    expect((await li.chat.say("/pending"))[0]!.text).toContain("只有团支书和团委工作人员");
  });
});
