// /help lists what the asker can do: officers also get their own commands.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;

async function bound(code: string, userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform: "CONSOLE", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return chatAs(app.core, userId);
}

describe("help", () => {
  it("shows a member the member's commands only", async () => {
    const text = await (await bound("201901000001", "help-li")).text("/help");
    expect(text).toContain("交团费 —— /pay");
    expect(text).toContain("活动签到 —— /checkin");
    expect(text).not.toContain("/pending");
  });

  it("adds the officers' commands for a 团支书", async () => {
    const text = await (await bound("201801000002", "help-wang")).text("/help");
    expect(text).toContain("我能帮你");
    expect(text).toContain("团干部还可以");
    expect(text).toContain("/pending");
    expect(text).toContain("/duesbranch");
  });

  it("shows an unbound chat the member's list", async () => {
    expect(await chatAs(app.core, "help-nobody").text("/help")).not.toContain("团干部还可以");
  });
});
