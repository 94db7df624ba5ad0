// Leaders start transfers for members: 办理转出 (the 团支书 sends one of hers on; her own approval counts at once)
// and 办理转入 (district staff take someone in; their approval is given when their step comes).
import { describe, expect, it } from "vitest";
import { maskMemberCode } from "../../../bot/features/membership/member-code.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { payloads, rowPayloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const h = transferHelpers(app);
const wang = await chatAsMember(app, "201801000002");
const chen = await chatAsMember(app, "201701000003");
const wu = await chatAsMember(app, "201801000010");
const zhou = await h.member("201601234567");
const sysu = await h.org("GD-GZ-SYSU");
const sysuCs = await h.org("GD-GZ-SYSU-CS");
const shipai = await h.org("GD-GZ-TH-SP");
const branch2201 = await h.org("GD-GZ-SCUT-CS-2201");
const branch2202 = await h.org("GD-GZ-SCUT-CS-2202");
// 周杰 also works for the 中山大学团委 here, so the receiving side has someone.
await db.roleAssignment.create({ data: { memberId: zhou.id, orgId: sysu.id, role: "COMMITTEE_STAFF" } });
await chatAsMember(app, zhou.code);

const plainMemberOf = async (orgId: number) =>
  db.member.findFirstOrThrow({ where: { orgId, roles: { none: {} } }, orderBy: { id: "asc" } });

describe("办理转出", () => {
  it("the 团支书 names one of her members; her own approval is recorded at once", async () => {
    const student = await plainMemberOf(branch2201.id);
    await chatAsMember(app, student.code);
    const [whom] = await wang.chat.say("办理转出");
    expect(whom!.text).toContain("请发送要转出的团员的发展团员编号");
    // Someone outside her branch: not found, and the look-up is audited.
    expect((await wang.chat.say("201601234567"))[0]!.text).toBe(
      "在你负责的组织里没有找到这个编号的团员。请核对编号后再发一次。",
    );
    const [found, reasons] = await wang.chat.say(student.code);
    expect(found!.text).toBe(`为 ${student.name}（${maskMemberCode(student.code)}，计科2022级1班团支部）办理转接。`);
    expect(reasons!.text).toBe("组织关系转接的原因是？");
    await wang.chat.press("tr-reason:FURTHER_STUDY");
    await wang.chat.say("中山大学计算机");
    const [summary] = await wang.chat.press(`tr-dest:${sysuCs.id}`);
    expect(summary!.text).toContain(`团员：${student.name}`);
    const [done] = await wang.chat.press("tr-submit:yes");
    expect(done!.text).toMatch(new RegExp(`^已为 ${student.name} 提交转接申请 #\\d+。`));

    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: student.id } });
    expect(transfer.initiatedById).toBe(wang.member.id);
    const [step1, step2] = await h.steps(transfer.id);
    expect(step1).toMatchObject({ status: "APPROVED", decidedById: wang.member.id });
    expect(step2).toMatchObject({ kind: "RECEIVER_APPROVAL", orgId: sysuCs.id, status: "PENDING" });
    // Nobody at the 计算机学院团总支 uses Tuanzhu: the receiving step goes at once to 中山大学团委 (周杰).
    expect(await h.events(transfer.id)).toEqual(["SUBMITTED", "STEP_STARTED", "APPROVED", "STEP_STARTED", "ESCALATED"]);
    const [toZhou] = await h.outboxFor(zhou.id, "transfers-step-waiting-above");
    expect(rowPayloads(toZhou!)[0]).toBe(`tr-approve:${step2!.id}`);
    expect(await h.outboxFor(wang.member.id, "transfers-step-waiting")).toHaveLength(0);

    const lookups = await db.auditLog.findMany({ where: { action: "transfer.member-lookup" }, orderBy: { id: "asc" } });
    expect(lookups.map((l) => (l.data as { outcome: string }).outcome)).toEqual(["denied", "found"]);
    expect(
      await db.auditLog.count({ where: { action: "transfer.start-for-member", targetId: String(transfer.id) } }),
    ).toBe(1);
  });

  it("the member is told who started it and can follow it", async () => {
    const student = await plainMemberOf(branch2201.id);
    const mine = { chat: chatAs(app.core, `console-${student.code}`) };
    const [row] = await h.outboxFor(student.id, "transfers-member-started-for-you");
    expect(row!.args).toMatchObject({ by: "王芳", to: "中山大学计算机学院团总支" });
    expect((await mine.chat.say("/transfer"))[0]!.text).toContain("你已有一个进行中的转接申请");
  });
});

describe("办理转入", () => {
  it("district staff take in a member by number and name; their step is approved when it comes", async () => {
    const worker = await plainMemberOf(branch2202.id);
    await wu.chat.say("办理转入");
    expect((await wu.chat.say(`${worker.code} 不对的名字`))[0]!.text).toBe(
      "没有找到编号和姓名都对得上的团员。请核对后再发一次。",
    );
    await wu.chat.say(`${worker.code} ${worker.name}`);
    await wu.chat.press("tr-reason:UNEMPLOYED");
    const [matches] = await wu.chat.say("石牌");
    expect(payloads(matches)).toContain(`tr-dest:${shipai.id}`);
    // A destination outside the district is not theirs to take in to.
    expect((await wu.chat.press(`tr-dest:${(await h.org("GD-GZ-SCUT-CS")).id}`))[0]!.text).toContain(
      "不能转到「计算机科学与工程学院团总支」",
    );
    await wu.chat.press(`tr-dest:${shipai.id}`);
    await wu.chat.press("tr-submit:yes");

    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: worker.id } });
    const [step1] = await h.steps(transfer.id);
    // The sending branch has no 团支书: the university committee staff above it act.
    expect(step1).toMatchObject({ status: "PENDING", orgId: branch2202.id });
    const [toChen] = await h.outboxFor(chen.member.id, "transfers-step-waiting-above");
    expect(rowPayloads(toChen!)[0]).toBe(`tr-approve:${step1!.id}`);

    await chen.chat.press(`tr-approve:${step1!.id}`);
    const [, step2, step3] = await h.steps(transfer.id);
    expect(step2).toMatchObject({ status: "APPROVED", decidedById: wu.member.id });
    expect(step3).toMatchObject({ kind: "BRANCH_ASSIGNMENT", status: "PENDING" });
    const assignRow = (await h.outboxFor(wu.member.id, "transfers-step-waiting-above")).at(-1)!;
    expect(rowPayloads(assignRow)[0]).toBe(`tr-assign:${step3!.id}`);
  });

  it("refuses a destination outside the leader's organisations even when the rules allow it", async () => {
    const other = await db.member.findFirstOrThrow({
      where: { orgId: branch2202.id, roles: { none: {} }, transfers: { none: {} } },
      orderBy: { id: "asc" },
    });
    await wu.chat.say("办理转入");
    await wu.chat.say(`${other.code} ${other.name}`);
    await wu.chat.press("tr-reason:FURTHER_STUDY");
    // The school is found by the search but filtered out of a district officer's choices…
    expect((await wu.chat.say("中山大学计算机"))[0]!.text).toContain("不符合这个原因的转接规定");
    // …and a forged button for it is refused.
    expect((await wu.chat.press(`tr-dest:${sysuCs.id}`))[0]!.text).toBe(
      "办理转入只能转到你负责的组织，「中山大学计算机学院团总支」不在其中。",
    );
    await wu.chat.say("取消");
    expect(await db.transferRequest.count({ where: { memberId: other.id } })).toBe(0);
  });
});
