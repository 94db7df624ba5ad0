// 教育评议 and 推优入党 on Telegram, over real HTTP to the fake Bot API with the delivery worker running: the opening
// message reaches the member's chat with the rating buttons, a tap and a few typed sentences store the
// self-assessment, the 团支书's bulk results meet the quota refusal in their chat, and the 推优 meeting is confirmed
// with the button under its summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCampaign } from "../../../bot/features/campaigns/campaign-service.ts";
import { REGISTERED } from "../../../bot/features/recommendation/candidates.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import { type SentMessage, type TgUser, telegramUser } from "../../helpers/fake-telegram.ts";
import { telegramPeople } from "../../helpers/telegram-people.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "../campaigns/helpers.ts";
import { makeBranch } from "./kind-helpers.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const jobs = campaignJobs(app);
const { fake, channel } = await startTelegram(app);
const { messageWith, say } = telegramPeople(db, fake);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", channel.sender]]));
});
afterAll(async () => {
  await workers.close();
});

const chen = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } });
// Four in the branch: 30% of four is one 优秀 place.
const { cs, branch, people } = await makeBranch(app, "GD-GZ-SCUT-CS-2403", [
  { name: "唐书记", birth: "2003-04-01", secretary: true, bound: false },
  { name: "宋一", birth: "2004-01-10", bound: false },
  { name: "元二", birth: "2004-02-10", bound: false },
  { name: "明三", birth: "2004-03-10", bound: false },
]);
const [secretary, song, yuan] = people;

async function onTelegram(id: number, memberId: number, name: string): Promise<TgUser> {
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: String(id), chatId: String(id), memberId, boundAt: new Date() },
  });
  return telegramUser(id, name);
}
const tang = await onTelegram(950_001, secretary!.id, "唐书记");
const songTg = await onTelegram(950_002, song!.id, "宋一");

async function press(user: TgUser, payload: string, message: SentMessage): Promise<SentMessage> {
  const before = fake.sent(user.id).length;
  fake.userPresses(payload, message.message_id, { from: user });
  return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
}
const period = (kind: string) => ({
  kind,
  orgId: cs.id,
  childIds: [branch.id],
  label: "2026",
  opensOn: { year: 2026, month: 11, day: 18 },
  closesOn: { year: 2026, month: 12, day: 10 },
  remindEveryDays: 7,
});

describe("campaign kinds on Telegram", () => {
  it("教育评议: the rating buttons arrive, a tap and a few sentences are stored, the quota refuses in the chat", async () => {
    const opened = await openCampaign(app.deps, chen.id, period("evaluation"), { year: 2026, month: 11, day: 18 });
    if (opened.kind !== "opened") throw new Error(opened.kind);
    await jobs.open(opened.campaign.id);
    const { message } = await messageWith(songTg, `camp-ans:${opened.campaign.id}:`);
    expect(message.text).toContain("团员教育评议（2026）");
    expect(message.buttons.flat().map((b) => b.text)).toEqual(["优秀", "合格", "基本合格", "不合格"]);
    const ask = await press(songTg, `camp-ans:${opened.campaign.id}:excellent`, message);
    expect(ask.text).toContain("自评等次：优秀");
    expect((await say(songTg, "担任志愿服务队长，全年服务 40 小时。")).text).toContain("已记录：自评优秀");

    const sheet = await say(tang, "/evaluate");
    expect(sheet.text).toContain("参评 4 人：已评 0 人，未评 4 人。优秀名额 1 个");
    expect(sheet.text).toContain("宋一：自评优秀：担任志愿服务队长");
    expect((await say(tang, "宋一 优秀，元二 优秀")).text).toContain("这次要评 2 个优秀，只剩 1 个名额");
    expect((await say(tang, "宋一 优秀，元二 合格")).text).toContain("已记录 2 人");
    const decided = await db.campaignEntry.findMany({
      where: { campaignId: opened.campaign.id, decision: { not: null } },
      orderBy: { memberId: "asc" },
    });
    expect(decided.map((e) => [e.memberId, e.decision])).toEqual([
      [song!.id, "excellent"],
      [yuan!.id, "qualified"],
    ]);
  });

  it("推优入党: the member applies with the button, the 团支书 confirms the meeting with the button", async () => {
    const year = await db.campaign.create({
      data: {
        kind: "registration",
        orgId: cs.id,
        createdById: chen.id,
        label: "2026",
        opensOn: new Date("2026-03-01T00:00:00Z"),
        closesOn: new Date("2026-04-30T00:00:00Z"),
        status: "CLOSED",
      },
    });
    await db.campaignEntry.create({
      data: { campaignId: year.id, memberId: song!.id, orgId: branch.id, decision: REGISTERED, done: true },
    });
    const opened = await openCampaign(app.deps, chen.id, period("recommendation"), { year: 2026, month: 11, day: 18 });
    if (opened.kind !== "opened") throw new Error(opened.kind);
    await jobs.open(opened.campaign.id);
    const { message } = await messageWith(songTg, `camp-ans:${opened.campaign.id}:apply`);
    expect(message.buttons.flat().map((b) => b.text)).toEqual(["申请推优", "本次不申请"]);
    expect((await press(songTg, `camp-ans:${opened.campaign.id}:apply`, message)).text).toContain("申请推优");

    expect((await say(tang, "/recommend")).text).toContain("1. 宋一");
    expect((await say(tang, "1")).text).toContain("候选人：宋一");
    expect((await say(tang, "应到4 实到3")).text).toContain("宋一 的赞成票是多少");
    const summary = await say(tang, "3");
    expect(summary.text).toContain("宋一：赞成 3 票 → 通过");
    const { payload } = await messageWith(tang, "rec-meet:confirm");
    expect((await press(tang, payload, summary)).text).toContain("通过 1 人，未通过 0 人");
    // A second tap on the same button records nothing twice.
    expect((await press(tang, payload, summary)).text).toContain("已经处理过");
    expect(await db.recommendationVote.count({ where: { passed: true, memberId: song!.id } })).toBe(1);
  });
});
