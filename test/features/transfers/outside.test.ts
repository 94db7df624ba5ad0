// A destination that is not in Tuanzhu (字节跳动, 北京大学, 腾讯): today the search says "没有找到" for ever. Now
// the member taps 不在列表中, picks the province and city (or leaves it to their own committee), types the name,
// and the request goes to that committee to approve and assign; the member is told who will handle it.
import { describe, expect, it } from "vitest";
import { stepPlan } from "../../../bot/features/transfers/rules.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { labels, payloads } from "./transfer-helpers.ts";

const app = await createTestApp();
const db = app.deps.db;
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const guangdong = await org("GD");
const guangzhou = await org("GD-GZ");
const scut = await org("GD-GZ-SCUT");
const wangFang = await chatAsMember(app, "201801000002");

describe("a destination not in Tuanzhu", () => {
  it("lets 李明 name 字节跳动 in 广州 and sends the request to 广州's committee to assign", async () => {
    const { chat, member } = await chatAsMember(app, "201901000001");
    await chat.say("/transfer");
    await chat.press("tr-reason:EMPLOYED_WITH_LEAGUE_ORG");
    const [none] = await chat.say("字节跳动");
    expect(none!.text).toContain("没有找到和「字节跳动」相符的组织");
    expect(none!.text).toContain("不在列表中");
    expect(payloads(none)).toEqual(["tr-outside:start"]);

    const [provinces] = await chat.press("tr-outside:start");
    expect(provinces!.text).toContain("新单位或学校在哪个省");
    expect(payloads(provinces)).toEqual([`tr-area:${guangdong.id}`, "tr-area:own"]);
    // Typing instead of tapping: told to use the buttons, still at the same step.
    expect((await chat.say("广东"))[0]!.text).toBe((await chat.say("广东省"))[0]!.text);

    const [cities] = await chat.press(`tr-area:${guangdong.id}`);
    expect(cities!.text).toBe(`${guangdong.name} 下的哪个市？`);
    expect(payloads(cities)).toContain(`tr-area:${guangzhou.id}`);
    expect(payloads(cities)).toContain(`tr-area:p${guangdong.id}`);

    const [askName] = await chat.press(`tr-area:${guangzhou.id}`);
    expect(askName!.text).toContain(`申请将由 ${guangzhou.name} 接收并分配`);
    expect((await chat.say("字"))[0]!.text).toBe("名称太短了，请发送新单位或学校的全称。");
    expect((await chat.say("字".repeat(61)))[0]!.text).toContain("名称太长了");

    const [summary] = await chat.say("北京字节跳动科技有限公司");
    expect(summary!.text).toContain(
      `北京字节跳动科技有限公司（不在团助中，由 ${guangzhou.name} 接收后分配到具体组织）`,
    );
    expect(await db.transferRequest.count({ where: { memberId: member.id } })).toBe(0);

    const [submitted] = await chat.press("tr-submit:yes");
    expect(submitted!.text).toContain(
      `「北京字节跳动科技有限公司」不在团助中：你的申请由 ${guangzhou.name} 办理，转出组织同意后，他们会把你分配到具体的团组织。`,
    );
    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: member.id } });
    expect(transfer).toMatchObject({
      toOrgId: guangzhou.id,
      destinationName: "北京字节跳动科技有限公司",
      status: "IN_PROGRESS",
    });
    // The committee approves, then assigns the right organisation.
    expect(stepPlan(transfer.reason, guangzhou.level)).toEqual([
      "SENDER_APPROVAL",
      "RECEIVER_APPROVAL",
      "BRANCH_ASSIGNMENT",
    ]);
    const submittedEvent = await db.transferEvent.findFirstOrThrow({
      where: { transferId: transfer.id, type: "SUBMITTED" },
    });
    expect(submittedEvent.data).toMatchObject({ destinationName: "北京字节跳动科技有限公司" });
    // 李明's 团支书 is asked to approve a request whose destination reads as what it is.
    const shown = `北京字节跳动科技有限公司 / ${guangzhou.name}`;
    const waiting = await db.outboxMessage.findFirstOrThrow({
      where: { messageKey: "transfers-step-waiting", identity: { memberId: wangFang.member.id } },
    });
    expect((waiting.args as { to: string }).to).toBe(shown);
    expect(await wangFang.chat.text("/pending")).toContain(shown);
    expect(await chat.text("我的转接到哪一步了")).toContain(shown);
  });

  it("leaves it to the member's own committee when they do not know the area", async () => {
    const { chat, member } = await chatAsMember(app, "202201000007");
    await chat.say("/transfer");
    await chat.press("tr-reason:FURTHER_STUDY");
    const [found] = await chat.say("北京大学");
    // Whatever the search offers, "not in the list" is one of the ways forward.
    expect(labels(found)).toContain("不在列表中（手动填写）");
    await chat.press("tr-outside:start");
    const [askName] = await chat.press("tr-area:own");
    expect(askName!.text).toContain(`申请将由 ${scut.name} 接收并分配`);
    await chat.say("北京大学");
    // "确认" typed at the summary submits it (the model alone reads it as 待确认缴费, a leader's list).
    const [submitted] = await chat.say("确认");
    expect(submitted!.text).toMatch(/转接申请 #\d+ 已提交/);
    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: member.id } });
    expect(transfer).toMatchObject({ toOrgId: scut.id, destinationName: "北京大学" });
  });

  it("refuses a forged area that is not a province or city, and changes nothing", async () => {
    const { chat, member } = await chatAsMember(app, "202001000005");
    await chat.say("/transfer");
    await chat.press("tr-reason:EMPLOYED_WITH_LEAGUE_ORG");
    await chat.say("腾讯");
    await chat.press("tr-outside:start");
    const branch = await org("GD-GZ-SCUT-CS-2201");
    const [refused] = await chat.press(`tr-area:${branch.id}`);
    const [again] = await chat.press(`tr-area:p${branch.id}`);
    expect(refused!.text).toBe(again!.text);
    expect(refused!.text).not.toContain("全称");
    // A tap on the outside button outside the dialog is stale, not a new request.
    await chat.say("/cancel");
    const [stale] = await chat.press("tr-outside:start");
    expect(stale!.text).toBe(refused!.text);
    expect(await db.transferRequest.count({ where: { memberId: member.id } })).toBe(0);
  });
});
