// Status tells the whole truth: a transfer sent back (and why) is not "no transfer"; the last completed transfer
// shows too; the 转接进度 button is there only when there is a transfer to follow; and a member can see their own
// full 编号 (智慧团建 asks for it), audited.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "./member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const payloads = (reply: { buttons?: { payload: string }[][] } | undefined) =>
  reply?.buttons?.flat().map((b) => b.payload);

const huang = await chatAsMember(app, "202201000007", { platform: "telegram" });
const class1 = await org("GD-GZ-SCUT-CS-2201");
const sysu = await org("GD-GZ-SYSU");
const sysuBranch = await org("GD-GZ-SYSU-CS-M26");

/** A transfer of 黄丽's, closed as `status`, its receiving step decided as `stepStatus`. */
async function pastTransfer(status: "REJECTED" | "COMPLETED", closedAt: Date) {
  return db.transferRequest.create({
    data: {
      memberId: huang.member.id,
      fromOrgId: class1.id,
      toOrgId: sysu.id,
      ...(status === "COMPLETED" ? { assignedOrgId: sysuBranch.id } : {}),
      reason: "FURTHER_STUDY",
      initiatedById: huang.member.id,
      status,
      closedAt,
      steps: {
        create: [
          {
            seq: 1,
            kind: "RECEIVER_APPROVAL",
            orgId: sysu.id,
            status: status === "REJECTED" ? "REJECTED" : "APPROVED",
            startedAt: new Date(closedAt.getTime() - 86_400_000),
            dueAt: new Date(closedAt.getTime() + 2 * 86_400_000),
            decidedAt: closedAt,
            slaHours: 72,
            slaBusinessHours: false,
            ...(status === "REJECTED" ? { rejectCode: "INCOMPLETE_INFO" as const, note: "录取通知书照片看不清" } : {}),
          },
        ],
      },
    },
  });
}

describe("a member's status tells the whole truth", () => {
  it("offers no 转接进度 without a transfer, and shows the member's own full 编号 on request, audited", async () => {
    const [me] = await huang.chat.say("/me");
    expect(me!.text).toContain("组织关系转接：无进行中的转接");
    expect(me!.text).toContain("团员编号：2022****0007");
    expect(payloads(me)).toEqual(["go:dues.status", "me-code:show"]);
    const [code] = await huang.chat.press("me-code:show");
    expect(code!.text).toContain("黄丽，你的团员编号（发展团员编号）是：202201000007");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "membership.own-code" } });
    expect(audit).toMatchObject({ actorId: huang.member.id, targetId: String(huang.member.id) });
    // Never someone else's: the payload names nobody, and a group chat is refused.
    const [inGroup] = await huang.chat.send({ button: "me-code:show", chatType: "group" });
    expect(inGroup!.text).not.toContain("202201000007");
  });

  it("shows a sent-back transfer and its reason in /me and in 我的转接怎么样了, with the way to fix it", async () => {
    await pastTransfer("REJECTED", new Date("2026-09-02T02:00:00Z"));
    const [me] = await huang.chat.say("/me");
    expect(me!.text).toContain("组织关系转接：你上一次转往 中山大学团委 的申请被 中山大学团委 退回了。");
    expect(me!.text).toContain("退回原因：信息不全。申请信息不完整，请补全后重新提交。 说明：录取通知书照片看不清");
    expect(me!.text).not.toContain("无进行中的转接");
    expect(payloads(me)).toEqual(["go:dues.status", "go:transfer.status", "me-code:show"]);

    for (const ask of ["我的转接怎么样了", "/transfer status"]) {
      const [progress] = await huang.chat.say(ask);
      expect(progress!.intent).toBe("transfer.status");
      expect(progress!.text).toContain("你上一次转往 中山大学团委 的申请被 中山大学团委 退回了。");
      expect(progress!.text).toContain("说明：录取通知书照片看不清");
      expect(progress!.text).not.toContain("你目前没有进行中的组织关系转接");
      expect(payloads(progress)![0]).toMatch(/^tr-resubmit:\d+$/);
    }
  });

  it("shows the last completed transfer too", async () => {
    await db.transferRequest.updateMany({ where: { memberId: huang.member.id }, data: { status: "CANCELLED" } });
    await pastTransfer("COMPLETED", new Date("2026-10-09T02:00:00Z"));
    const [me] = await huang.chat.say("/me");
    expect(me!.text).toContain("组织关系转接：无进行中的转接");
    expect(me!.text).toContain(
      "最近一次完成的转接：计科2022级1班团支部 → 计算机学院2026级硕士1班团支部，2026年10月9日 完成。",
    );
    expect(payloads(me)).toEqual(["go:dues.status", "me-code:show"]);
    const [progress] = await huang.chat.say("我的转接怎么样了");
    expect(progress!.text).toContain("你目前没有进行中的组织关系转接");
    expect(progress!.text).toContain("最近一次完成的转接：计科2022级1班团支部 → 计算机学院2026级硕士1班团支部");
  });
});
