// 黄丽 goes on to graduate school at 中山大学. Her 团支书 sends the first try back (wrong organisation, with a note);
// she fixes the destination in one tap and resubmits; later she cancels. Leaders pressing stale buttons are told.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { labels, payloads, rowPayloads, transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const h = transferHelpers(app);
const huang = await chatAsMember(app, "202201000007");
const wang = await chatAsMember(app, "201801000002");
const sysu = await h.org("GD-GZ-SYSU");
const sysuCs = await h.org("GD-GZ-SYSU-CS");

async function apply(query: string, orgId: number) {
  await huang.chat.say("/transfer");
  await huang.chat.press("tr-reason:FURTHER_STUDY");
  await huang.chat.say(query);
  await huang.chat.press(`tr-dest:${orgId}`);
  return huang.chat.press("tr-submit:yes");
}

describe("rejection with a reason, then fix and resubmit", () => {
  let firstId = 0;

  it("the 团支书 chooses a reason code, types a note, confirms: the member gets it in plain words", async () => {
    await apply("中山大学团委", sysu.id);
    const first = await db.transferRequest.findFirstOrThrow({ where: { memberId: huang.member.id } });
    firstId = first.id;
    const [step1] = await h.steps(first.id);

    const [codes] = await wang.chat.press(`tr-reject:${step1!.id}`);
    expect(codes!.text).toBe("退回 黄丽 的申请，原因是？");
    expect(labels(codes)).toEqual(["信息不全", "转入组织错误", "非本组织团员", "去向不符合规定", "需线下报到", "其他"]);
    const [askNote] = await wang.chat.press(`tr-rcode:${step1!.id}:WRONG_DESTINATION`);
    expect(askNote!.text).toContain("退回原因：转入组织错误。请写一句说明");
    // Too long a note: refused, asked again, nothing stored.
    expect((await wang.chat.say("说".repeat(301)))[0]!.text).toBe("说明最多 300 字，请精简后再发一次。");
    const [confirm] = await wang.chat.say("研究生请转到学院团总支");
    expect(confirm!.text).toBe("确认退回吗？原因：转入组织错误；说明：研究生请转到学院团总支");
    expect((await h.steps(first.id))[0]!.status).toBe("PENDING");
    const [done] = await wang.chat.press("tr-rconfirm:yes");
    expect(done!.text).toBe("已退回，团员会收到退回原因。");

    expect(await db.transferStep.findUniqueOrThrow({ where: { id: step1!.id } })).toMatchObject({
      status: "REJECTED",
      rejectCode: "WRONG_DESTINATION",
      note: "研究生请转到学院团总支",
      decidedById: wang.member.id,
    });
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("REJECTED");
    const rejected = await db.transferEvent.findFirstOrThrow({ where: { transferId: first.id, type: "REJECTED" } });
    expect(rejected.data).toEqual({ code: "WRONG_DESTINATION", note: "研究生请转到学院团总支" });

    const [told] = await h.outboxFor(huang.member.id, "transfers-member-rejected");
    expect(rowPayloads(told!)).toEqual([`tr-resubmit:${first.id}`]);
    const text = app.deps.i18n.t("zh-CN", told!.messageKey, told!.args as Record<string, string>);
    expect(text).toContain(
      "退回原因：转入组织错误。选择的转入组织不对，请重新选择正确的组织。 说明：研究生请转到学院团总支",
    );
  });

  it("/transfer after a rejection shows the reason and offers the one-tap resubmit", async () => {
    const [reply] = await huang.chat.say("/transfer");
    expect(reply!.text).toContain("你上一次转往 中山大学团委 的申请被 计科2022级1班团支部 退回了。");
    expect(payloads(reply)).toEqual([`tr-resubmit:${firstId}`, "tr-new:self"]);
  });

  it("resubmit: prefilled summary, change the destination, submit a new request linked to the old one", async () => {
    const [summary] = await huang.chat.press(`tr-resubmit:${firstId}`);
    expect(summary!.text).toContain("请确认转接申请（修改后重新提交）");
    expect(summary!.text).toContain("转入：中山大学团委");
    await huang.chat.press("tr-submit:dest");
    const [matches] = await huang.chat.say("中山大学计算机");
    expect(payloads(matches)).toContain(`tr-dest:${sysuCs.id}`);
    const [again] = await huang.chat.press(`tr-dest:${sysuCs.id}`);
    expect(again!.text).toContain("转入：中山大学计算机学院团总支");
    await huang.chat.press("tr-submit:yes");
    const second = await db.transferRequest.findFirstOrThrow({
      where: { memberId: huang.member.id, previousId: firstId },
    });
    expect(second).toMatchObject({ status: "IN_PROGRESS", toOrgId: sysuCs.id, reason: "FURTHER_STUDY" });
    // The old button cannot be used twice.
    expect((await huang.chat.press(`tr-resubmit:${firstId}`))[0]!.text).toContain("这份申请已经不能重新提交了");
    expect(await db.transferRequest.count({ where: { memberId: huang.member.id } })).toBe(2);
  });
});

describe("cancelling", () => {
  it("the member cancels after confirming; the waiting step's leaders are told; stale buttons say so", async () => {
    const open = await db.transferRequest.findFirstOrThrow({
      where: { memberId: huang.member.id, status: "IN_PROGRESS" },
    });
    const [step1] = await h.steps(open.id);
    const [timeline] = await huang.chat.say("我的转接到哪一步了");
    expect(payloads(timeline)).toContain(`tr-cancel:${open.id}`);
    // In plain words too.
    const [asked] = await huang.chat.say("我不转了，撤销申请");
    expect(asked!.intent).toBe("transfer.cancel");
    expect(payloads(asked)).toEqual([`tr-cancel-yes:${open.id}`, "tr-keep:1"]);
    const [ask] = await huang.chat.press(`tr-cancel:${open.id}`);
    expect(ask!.text).toBe("确定撤销转往 中山大学计算机学院团总支 的转接申请吗？撤销后需要重新申请。");
    expect((await huang.chat.press("tr-keep:1"))[0]!.text).toBe("好的，申请继续办理。");
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("IN_PROGRESS");

    const [cancelled] = await huang.chat.press(`tr-cancel-yes:${open.id}`);
    expect(cancelled!.text).toBe("转接申请已撤销。");
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CANCELLED");
    expect((await h.steps(open.id))[0]!.status).toBe("CANCELLED");
    const event = await db.transferEvent.findFirstOrThrow({ where: { transferId: open.id, type: "CANCELLED" } });
    expect(event).toMatchObject({ stepId: step1!.id, actorId: huang.member.id });
    expect(await h.outboxFor(wang.member.id, "transfers-leaders-cancelled")).toHaveLength(1);

    const [stale] = await wang.chat.press(`tr-approve:${step1!.id}`);
    expect(stale!.text).toMatch(/^这一步已于 .+ 因申请撤销而取消，不需要你再操作。$/);
    expect(await db.transferEvent.count({ where: { stepId: step1!.id, type: "APPROVED" } })).toBe(0);
    expect((await huang.chat.press(`tr-cancel-yes:${open.id}`))[0]!.text).toBe("这份申请已经办结，不能再撤销。");
  });

  it("nobody else may cancel someone's transfer", async () => {
    const first = await db.transferRequest.findFirstOrThrow({ where: { memberId: huang.member.id } });
    await db.transferRequest.update({ where: { id: first.id }, data: { status: "IN_PROGRESS" } });
    const [reply] = await wang.chat.press(`tr-cancel-yes:${first.id}`);
    expect(reply!.text).toBe("你没有可以撤销的转接申请。");
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("IN_PROGRESS");
  });
});
