// /start shows each person the buttons for their role: a 团支书 and a committee see the work waiting for them,
// a member only their own things; and a leader asking in their own words gets the pending list.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;

async function bound(code: string, userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform: "CONSOLE", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: app.clock.now },
  });
  return chatAs(app.core, userId);
}

const member = await bound("201901000001", "menu-li");
const secretary = await bound("201801000002", "menu-wang");
const staff = await bound("201701000003", "menu-chen");
const payloads = (replies: { buttons?: { payload: string }[][] }[]) =>
  replies.flatMap((r) => r.buttons ?? []).flatMap((row) => row.map((b) => b.payload));
const labels = (replies: { buttons?: { label: string }[][] }[]) =>
  replies.flatMap((r) => r.buttons ?? []).flatMap((row) => row.map((b) => b.label));

describe("the menu per role", () => {
  it("gives a member the member's buttons only", async () => {
    const shown = await member.say("/start");
    expect(labels(shown)).toContain("我的团籍");
    expect(labels(shown)).not.toContain("待审批");
    expect(payloads(shown)).not.toContain("go:notice.create");
  });

  it("gives a 团支书 待审批, 待确认缴费, 发通知 and 报表 first, above the member's", async () => {
    const shown = await secretary.say("/start");
    expect(shown[0]!.text).toContain("欢迎回来");
    expect(labels(shown).slice(0, 4)).toEqual(["待审批", "待确认缴费", "发通知", "报表"]);
    expect(payloads(shown).slice(0, 4)).toEqual([
      "go:transfer.pending",
      "go:duesleaders.review",
      "go:notice.create",
      "go:report.league",
    ]);
    expect(labels(shown)).toContain("我的团籍");
    expect(payloads(shown)).not.toContain("go:notice.progress");
    // The buttons do what they say.
    expect((await secretary.press("go:transfer.pending"))[0]!.intent).toBe("transfer.pending");
    expect((await secretary.press("go:report.league"))[0]!.intent).toBe("report.league");
    await secretary.say("/cancel");
  });

  it("gives committee staff the subtree views too, which open without a stray argument", async () => {
    const shown = await staff.say("/start");
    expect(labels(shown)).toEqual(expect.arrayContaining(["待审批", "报表", "谁没读", "下级收缴率"]));
    const [rates] = await staff.press("go:duesleaders.orgs");
    expect(rates!.intent).toBe("duesleaders.orgs");
    // Not a search for an organisation named "duesleaders.orgs".
    expect(rates!.text).not.toContain("duesleaders.orgs");
    const help = await staff.say("/help");
    expect(labels(help)).toContain("待审批");
  });

  it("answers a leader's 有啥要我审批的吗 with the pending list, in several phrasings", async () => {
    for (const words of ["有啥要我审批的吗", "有什么要我批的", "有没有待我处理的？", "anything for me to approve?"]) {
      const [reply] = await secretary.say(words);
      expect(reply!.intent, words).toBe("transfer.pending");
      expect(reply!.text, words).toMatch(/待办理的转接|没有待办理的转接/);
    }
    // A member who leads nothing is told so, not shown their own transfer.
    const [plain] = await member.say("有啥要我审批的吗");
    expect(plain!.text).toBe("只有团支书和团委工作人员可以为团员办理转接、查看待审批的转接。");
  });
});
