// 推优入党 end to end on the console, on the app's clock (2026-11-18): the 团总支 opens it for one branch, members
// apply with a tap, the 团支书 records the meeting step by step — candidates under 18 or not registered this year
// are refused with the reason, a meeting whose attendance is not more than half of those due passes nobody, a second
// record replaces it — each candidate is told, the committee gets the passed list, and a decision without the
// meeting's record is refused.
import { describe, expect, it } from "vitest";
import { completion, decide, openCampaign } from "../../../bot/features/campaigns/campaign-service.ts";
import { registrationKind } from "../../../bot/features/campaigns/kinds/registration.ts";
import { REGISTERED } from "../../../bot/features/recommendation/candidates.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "../campaigns/helpers.ts";
import { makeBranch } from "./kind-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const jobs = campaignJobs(app);
const chen = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } }); // staff of the SCUT committee
await db.chatIdentity.create({
  data: {
    platform: "CONSOLE",
    externalUserId: "console-chen",
    chatId: "console-chen",
    memberId: chen.id,
    boundAt: app.clock.now,
  },
});
const chenChat = chatAs(app.core, "console-chen", "console");
const { cs, branch, people } = await makeBranch(app, "GD-GZ-SCUT-CS-2402", [
  { name: "陈书记", birth: "2003-04-01", secretary: true },
  { name: "林成年", birth: "2000-01-01" }, // 26, registered
  { name: "高刚满", birth: "2008-11-18" }, // 18 today, registered
  { name: "许未满", birth: "2009-03-01" }, // 17: turns 18 on 2027-03-01, registered
  { name: "何未注", birth: "2001-06-01" }, // registered last year only
  { name: "罗不报", birth: "2002-02-02" }, // does not apply
]);
const [secretary, lin, gao, xu, he, luo] = people;
const today = { year: 2026, month: 11, day: 18 };
let campaignId = 0;

/** 团籍注册 results as the registration kind leaves them: this year's for four, last year's for 何未注. */
async function registration(year: number, memberIds: number[]) {
  const c = await db.campaign.create({
    data: {
      kind: registrationKind.name,
      orgId: cs.id,
      createdById: chen.id,
      label: String(year),
      opensOn: new Date(`${year}-03-01T00:00:00Z`),
      closesOn: new Date(`${year}-04-30T00:00:00Z`),
      status: "CLOSED",
    },
  });
  await db.campaignEntry.createMany({
    data: memberIds.map((memberId) => ({
      campaignId: c.id,
      memberId,
      orgId: branch.id,
      decision: REGISTERED,
      done: true,
    })),
  });
}
await registration(2026, [secretary!.id, lin!.id, gao!.id, xu!.id, luo!.id]);
await registration(2025, [he!.id]);

const rows = (messageKey: string) =>
  db.outboxMessage.findMany({ where: { messageKey }, include: { identity: true }, orderBy: { id: "asc" } });

describe("推优入党", () => {
  it("the registration kind's 注册 is the result that counts", () => {
    expect(registrationKind.decisions).toContain(REGISTERED);
  });

  it("opens for the branch; members apply or not with one tap", async () => {
    const opened = await openCampaign(
      app.deps,
      chen.id,
      {
        kind: "recommendation",
        orgId: cs.id,
        childIds: [branch.id],
        label: "2026",
        opensOn: today,
        closesOn: { year: 2026, month: 12, day: 20 },
        remindEveryDays: 7,
      },
      today,
    );
    if (opened.kind !== "opened") throw new Error(opened.kind);
    campaignId = opened.campaign.id;
    await jobs.open(campaignId);
    expect(await rows("campaigns-recommendation-open")).toHaveLength(6);
    for (const p of [lin, gao, xu, he]) {
      expect(await p!.chat.text("/start")).toBeTruthy();
      expect(await p!.chat.press(`camp-ans:${campaignId}:apply`).then((r) => r[0]!.text)).toContain("已记录：申请推优");
    }
    expect(await luo!.chat.press(`camp-ans:${campaignId}:skip`).then((r) => r[0]!.text)).toContain("本次不申请");
    // A second tap changes nothing.
    expect(await lin!.chat.press(`camp-ans:${campaignId}:apply`).then((r) => r[0]!.text)).toContain("已经这样回复过了");
  });

  it("reminds a week later only the one who has not answered", async () => {
    await jobs.daily("2026-11-25");
    await jobs.remind(campaignId, 1);
    expect((await rows("campaigns-recommendation-remind")).map((r) => r.identity.memberId)).toEqual([secretary!.id]);
  });

  it("the 团支书 sees the applicants with what stands in their way", async () => {
    const start = await secretary!.chat.text("/recommend");
    expect(start).toContain("1. 林成年\n2. 高刚满\n3. 许未满（未满 18 周岁）\n4. 何未注（未完成本年度团籍注册）");
  });

  it("refuses a candidate under 18 and one not registered this year, naming why", async () => {
    const refused = await secretary!.chat.text("1 2 3 4");
    expect(refused).toContain("许未满：未满 18 周岁（2027-03-01 满 18 周岁）");
    expect(refused).toContain("何未注：未完成 2026 年团籍注册");
    expect(refused).not.toContain("林成年：");
    expect(refused).not.toContain("高刚满：");
  });

  it("a meeting with attendance not more than half of those due passes nobody", async () => {
    expect(await secretary!.chat.text("林成年，高刚满")).toContain("候选人：林成年、高刚满");
    expect(await secretary!.chat.text("二十个人来了不少")).toContain("没看懂人数");
    expect(await secretary!.chat.text("应到 10 实到 11")).toContain("实到人数（11）不能多于应到人数（10）");
    expect(await secretary!.chat.text("应到10，实到5")).toContain("林成年 的赞成票是多少？（应到 10 人，实到 5 人）");
    expect(await secretary!.chat.text("6")).toContain("林成年 的赞成票（6）不能多于实到人数（5）");
    expect(await secretary!.chat.text("5票")).toContain("高刚满 的赞成票是多少");
    const summary = await secretary!.chat.text("四");
    expect(summary).toContain("林成年：赞成 5 票 → 未通过");
    expect(summary).toContain("至少 6 人");
    expect(summary).toContain("本次到会人数未超过应到人数的一半，所有候选人均不能通过");
    const recorded = await secretary!.chat.press("rec-meet:confirm");
    expect(recorded[0]!.text).toContain("通过 0 人，未通过 2 人");
    expect((await rows("campaigns-recommendation-decided-failed")).map((r) => r.identity.memberId).sort()).toEqual(
      [lin!.id, gao!.id].sort(),
    );
    // A second tap records nothing twice.
    expect((await secretary!.chat.press("rec-meet:confirm"))[0]!.text).toContain("已经处理过");
  });

  it("recorded again, a candidate with more than half of those due in favour passes; the committee is told", async () => {
    await secretary!.chat.text("/recommend");
    await secretary!.chat.text("1 2");
    await secretary!.chat.text("20 16");
    await secretary!.chat.text("11");
    const summary = await secretary!.chat.text("10");
    expect(summary).toContain("林成年：赞成 11 票 → 通过");
    expect(summary).toContain("高刚满：赞成 10 票 → 未通过");
    // Typed where the buttons were offered.
    expect(await secretary!.chat.text("确认")).toContain("通过 1 人，未通过 1 人。通过名单已报 陈刚");
    const meetings = await db.recommendationMeeting.findMany({ include: { votes: { orderBy: { memberId: "asc" } } } });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ due: 20, present: 16 });
    expect(meetings[0]!.votes.map((v) => [v.memberId, v.votesFor, v.passed])).toEqual([
      [lin!.id, 11, true],
      [gao!.id, 10, false],
    ]);
    const toCommittee = await rows("campaigns-recommendation-passed-committee");
    const last = toCommittee.at(-1)!;
    expect(last.identity.memberId).toBe(chen.id);
    expect(i18n.t("zh-CN", last.messageKey, last.args as Record<string, string>)).toContain(
      "2402团支部 召开推优大会（2026-11-25，应到 20 人，实到 16 人），通过推荐：林成年。",
    );
    expect((await db.campaignEntry.findFirstOrThrow({ where: { campaignId, memberId: lin!.id } })).decision).toBe(
      "passed",
    );
    expect(await db.auditLog.count({ where: { action: "recommendation.meeting", actorId: secretary!.id } })).toBe(2);
  });

  it("the committee asks for the passed list", async () => {
    const reply = await chenChat.send({ text: "推优名单" });
    expect(reply[0]!.intent).toBe("recommendation.show");
    expect(reply[0]!.text).toContain("2402团支部：林成年（应到 20，实到 16）");
    expect(await chenChat.text("/recommended")).toContain("林成年");
  });

  it("no decision passes a candidate without the meeting's record", async () => {
    const forged = await decide(app.deps, secretary!.id, campaignId, [gao!.id], "passed", null);
    expect(forged.vetoed?.key).toBe("campaigns-recommendation-vet-no-meeting");
    expect((await db.campaignEntry.findFirstOrThrow({ where: { campaignId, memberId: gao!.id } })).decision).toBe(
      "failed",
    );
  });

  it("completion counts those who answered: five of six", async () => {
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(await completion(db, campaign, cs.id)).toEqual([
      { orgId: branch.id, name: branch.name, total: 6, responded: 5, done: 5 },
    ]);
  });
});
