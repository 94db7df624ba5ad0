// 团员教育评议 end to end on the console, on the app's clock: the 团总支 opens it for one branch of ten, members
// rate themselves with a tap and a few sentences (or type their answer where a button was offered), those who have
// not are reminded a week later, the 团支书 records results in bulk within the 30% 优秀 quota (three of ten), and
// the completion figures are the ones counted by hand.
import { describe, expect, it } from "vitest";
import { completion, decide, openCampaign } from "../../../bot/features/campaigns/campaign-service.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "../campaigns/helpers.ts";
import { makeBranch } from "./kind-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const jobs = campaignJobs(app);
const chen = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } }); // staff of the SCUT committee
const names = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八", "冯九"];
const { cs, branch, people } = await makeBranch(app, "GD-GZ-SCUT-CS-2401", [
  { name: "陈书记", birth: "2003-04-01", secretary: true },
  ...names.map((name, i) => ({ name, birth: `2004-0${1 + (i % 9)}-10`, bound: i < 6 })),
]);
const [secretary, zhao, qian, sun, li, zhou, wu, zheng, wang, feng] = people;
const today = { year: 2026, month: 11, day: 18 };
let campaignId = 0;

const rows = (messageKey: string) =>
  db.outboxMessage.findMany({ where: { messageKey }, include: { identity: true }, orderBy: { id: "asc" } });

describe("团员教育评议", () => {
  it("'发起教育评议' from the committee starts the engine's opening for this kind, no question which", async () => {
    const chenChat = chatAs(app.core, "console-chen-eval", "console");
    await db.chatIdentity.create({
      data: {
        platform: "CONSOLE",
        externalUserId: "console-chen-eval",
        chatId: "console-chen-eval",
        memberId: chen.id,
        boundAt: app.clock.now,
      },
    });
    const [reply] = await chenChat.send({ text: "发起教育评议" });
    expect(reply!.intent).toBe("evaluation.show");
    expect(reply!.text).not.toContain("要发起哪一项");
    expect(reply!.text).toContain("面向哪些下级组织");
    expect(await chenChat.text("取消")).toBeTruthy();
    expect(await db.campaign.count()).toBe(0);
  });

  it("opens for the branch: ten entries, the opening message with the four ratings to each bound chat", async () => {
    const opened = await openCampaign(
      app.deps,
      chen.id,
      {
        kind: "evaluation",
        orgId: cs.id,
        childIds: [branch.id],
        label: "2026",
        opensOn: today,
        closesOn: { year: 2026, month: 12, day: 10 },
        remindEveryDays: 7,
      },
      today,
    );
    if (opened.kind !== "opened") throw new Error(opened.kind);
    campaignId = opened.campaign.id;
    await jobs.open(campaignId);
    expect(await db.campaignEntry.count({ where: { campaignId } })).toBe(10);
    const open = await rows("campaigns-evaluation-open");
    // 陈书记 and the first six are bound.
    expect(open).toHaveLength(7);
    expect(open[0]!.buttons).toEqual([
      ["excellent", "qualified", "basic", "unqualified"].map((c) => ({
        labelKey: `campaigns-evaluation-choice-${c}`,
        payload: `camp-ans:${campaignId}:${c}`,
      })),
    ]);
    const text = i18n.t("zh-CN", "campaigns-evaluation-open", {
      ...(open[0]!.args as Record<string, string>),
      label: "2026",
      org: cs.name,
      closes: "2026-12-10",
    });
    expect(text).toContain("团员教育评议（2026）");
  });

  it("a member taps a rating, then writes a few sentences: too short and too long are refused, the text kept", async () => {
    const ask = await zhao!.chat.press(`camp-ans:${campaignId}:excellent`);
    expect(ask[0]!.text).toContain("自评等次：优秀");
    expect(await zhao!.chat.text("好")).toContain("太短了（1 字），至少写 5 字");
    expect(await zhao!.chat.text("学".repeat(301))).toContain("太长了（301 字），最多 300 字");
    const saved = await zhao!.chat.text("按时参加组织生活，完成志愿服务 20 小时，担任班级学习委员。");
    expect(saved).toContain("已记录：自评优秀：按时参加组织生活");
    expect(saved).toContain("陈书记");
    const entry = await db.campaignEntry.findUniqueOrThrow({
      where: { campaignId_memberId: { campaignId, memberId: zhao!.id } },
    });
    expect(entry.response).toEqual({
      rating: "excellent",
      text: "按时参加组织生活，完成志愿服务 20 小时，担任班级学习委员。",
    });
    // Rated, not yet decided: not done (the branch's result makes it done).
    expect(entry.done).toBe(false);
  });

  it("a member who asks types the rating where a button was offered, and may cancel the text", async () => {
    const shown = await qian!.chat.send({ text: "教育评议" });
    expect(shown[0]!.intent).toBe("evaluation.show");
    expect(shown[0]!.text).toContain("2026 团员教育评议");
    expect(await qian!.chat.text("合格")).toContain("自评等次：合格");
    expect(await qian!.chat.text("取消")).not.toContain("已记录");
    expect(
      await db.campaignEntry.count({ where: { campaignId, memberId: qian!.id, respondedAt: { not: null } } }),
    ).toBe(0);
    await qian!.chat.press(`camp-ans:${campaignId}:qualified`);
    expect(await qian!.chat.text("能按时交团费，参加了两次团日活动。")).toContain("已记录：自评合格");
  });

  it("reminds a week later only those bound who have not rated themselves", async () => {
    expect(await jobs.daily("2026-11-25")).toMatchObject({ rounds: 1 });
    await jobs.remind(campaignId, 1);
    const reminded = (await rows("campaigns-evaluation-remind")).map((r) => r.identity.memberId).sort();
    expect(reminded).toEqual([secretary!.id, sun!.id, li!.id, zhou!.id, wu!.id].sort());
  });

  it("the 团支书 sees the sheet with the quota: ten evaluated, three 优秀 places", async () => {
    const sheet = await secretary!.chat.text("/evaluate");
    expect(sheet).toContain("参评 10 人：已评 0 人，未评 10 人。优秀名额 3 个（参评人数的 30%，向下取整），还剩 3 个");
    expect(sheet).toContain("赵一：自评优秀：按时参加组织生活");
    expect(sheet).toContain("孙三：未自评");
  });

  it("refuses a batch over the quota as a whole, saying how many 优秀 are left", async () => {
    const refused = await secretary!.chat.text("赵一 优秀，钱二 优秀，孙三 优秀，李四 优秀，周五 合格");
    expect(refused).toContain("优秀最多 3 个（30%）。这次要评 4 个优秀，只剩 3 个名额");
    expect(await db.campaignEntry.count({ where: { campaignId, decision: { not: null } } })).toBe(0);
  });

  it("records a batch within the quota, tells each member, then refuses the fourth 优秀 with none left", async () => {
    const recorded = await secretary!.chat.text("赵一 优秀，钱二 优秀\n孙三：优秀；李四 合格、周五 基本合格");
    expect(recorded).toContain("已记录 5 人");
    expect(recorded).toContain("优秀 3、合格 1、基本合格 1、不合格 0，未评 5 人；优秀名额还剩 0 个");
    const told = await rows("campaigns-evaluation-decided-excellent");
    expect(told.map((r) => r.identity.memberId).sort()).toEqual([zhao!.id, qian!.id, sun!.id].sort());
    expect(await secretary!.chat.text("吴六 优秀")).toContain("这次要评 1 个优秀，只剩 0 个名额");
    // Changing a 优秀 to 合格 frees the place in the same batch.
    expect(await secretary!.chat.text("赵一 合格，吴六 优秀")).toContain("已记录 2 人");
    expect(await secretary!.chat.text("吴六 优秀")).toContain("和已记录的一样");
  });

  it("names what it cannot use and stores nothing: a stranger, an unreadable piece, the 团支书 themself", async () => {
    expect(await secretary!.chat.text("张三 合格")).toContain("名单里没有 张三");
    expect(await secretary!.chat.text("郑七 很好")).toContain("看不懂：郑七 很好");
    expect(await secretary!.chat.text("陈书记 优秀")).toContain("不能评议自己（陈书记）");
    expect(await db.campaignEntry.count({ where: { campaignId, decision: { not: null } } })).toBe(6);
  });

  it("a request typed in the middle leaves the sheet and is answered", async () => {
    const [reply] = await secretary!.chat.send({ text: "我的团籍" });
    expect(reply!.intent).toBe("membership.status");
  });

  it("the engine's own decision path keeps the quota too (a forged batch is vetoed and audited)", async () => {
    const vetoed = await decide(app.deps, secretary!.id, campaignId, [zheng!.id], "excellent", null);
    expect(vetoed.vetoed?.key).toBe("campaigns-evaluation-quota-refused");
    expect(vetoed.decided).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "campaign.denied", actorId: secretary!.id } })).toBe(1);
  });

  it("completion matches the hand count: ten in the branch, two rated themselves, six decided", async () => {
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(await completion(db, campaign, cs.id)).toEqual([
      { orgId: branch.id, name: branch.name, total: 10, responded: 2, done: 6 },
    ]);
    // The rest decided: done for all ten; the members without a chat counted all the same.
    await decide(app.deps, secretary!.id, campaignId, [zhou!.id, zheng!.id, wang!.id, feng!.id], "qualified", null);
    await decide(app.deps, chen.id, campaignId, [secretary!.id], "qualified", null);
    expect(await completion(db, campaign, cs.id)).toEqual([
      { orgId: branch.id, name: branch.name, total: 10, responded: 2, done: 10 },
    ]);
  });
});
