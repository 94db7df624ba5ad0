// The same transfer on Telegram, over real HTTP to the fake Bot API, with the delivery worker running: the member
// applies with inline buttons, each leader gets the waiting step in their own chat and presses its buttons there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import { telegramPeople } from "../../helpers/telegram-people.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";
import { transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const h = transferHelpers(app);
const { fake, channel } = await startTelegram(app);
const { bound, messageWith, say, press, pressExpecting } = telegramPeople(db, fake);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", channel.sender]]));
});
afterAll(async () => {
  await workers.close();
});

const li = await bound(940_001, "李明", "201901000001");
const wang = await bound(940_002, "王芳", "201801000002");
const wu = await bound(940_003, "吴昊", "201801000010");

describe("a transfer on Telegram", () => {
  it("member applies, 团支书 approves, district staff approve and assign: completed, everyone told", async () => {
    expect((await say(li, "/transfer")).text).toBe("组织关系转接的原因是？");
    expect((await press(li, "tr-reason:EMPLOYED_WITHOUT_LEAGUE_ORG")).text).toContain("乡镇/街道团组织");
    const matches = await say(li, "石牌");
    expect(matches.buttons.flat().map((b) => b.text)).toContain("石牌街道团工委（共青团广州市天河区委员会）");
    const shipai = await h.org("GD-GZ-TH-SP");
    expect((await press(li, `tr-dest:${shipai.id}`)).text).toContain("请确认转接申请");
    expect((await press(li, "tr-submit:yes")).text).toMatch(/转接申请 #\d+ 已提交/);

    // The delivery worker brings the step to 王芳's chat, with the buttons to act.
    const { message: waiting } = await messageWith(wang, "tr-approve:");
    expect(waiting.text).toContain("李明 申请从 计科2022级1班团支部 转往 石牌街道团工委");
    expect(waiting.buttons.flat().map((b) => b.text)).toEqual(["同意", "退回", "我来处理"]);
    expect((await press(wang, "tr-approve:")).text).toBe("已同意。 已转入下一步。");

    // His answer, and the assignment step's card: his organisation holds that step too.
    expect(await pressExpecting(wu, "tr-approve:", 2)).toContain("已同意。 已转入下一步。");
    const choose = await press(wu, "tr-assign:");
    expect(choose.buttons.flat().map((b) => b.text)).toEqual(["石牌街道社区团支部"]);
    expect((await press(wu, "tr-branch:")).text).toBe("已分配团支部。转接已完成，团员和双方组织都会收到通知。");

    const done = await until(() => fake.sent(li.id).find((m) => m.text?.startsWith("你的组织关系转接已完成")));
    expect(done.text).toBe("你的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。");
    const toWang = await until(() => fake.sent(wang.id).find((m) => m.text?.includes("的组织关系转接已完成")));
    expect(toWang.text).toBe("李明 的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。");
    // Each step's news reaches 李明 (in its own time: the delivery worker runs beside the test).
    await until(() => fake.sent(li.id).filter((m) => m.text?.includes("已由")).length === 2);
    // Nobody at the street committee uses Tuanzhu: he was told once that its steps went to the district.
    expect(fake.sent(li.id).filter((m) => m.text?.includes("已直接交给 共青团广州市天河区委员会"))).toHaveLength(1);
    expect((await h.member("201901000001")).orgId).toBe((await h.org("GD-GZ-TH-SP-01")).id);
    await until(async () => (await db.outboxMessage.count({ where: { status: { not: "SENT" } } })) === 0);
  });
});
