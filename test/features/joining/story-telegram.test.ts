// The same 入团 on Telegram, over real HTTP to the fake Bot API with the delivery worker running: a stranger applies
// in their own chat, each step reaches the leader who takes it as a message with its button, and every move comes
// back to the applicant, until the 编号 makes them a member whose dues start that month.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import { type TgUser, telegramUser } from "../../helpers/fake-telegram.ts";
import { telegramPeople } from "../../helpers/telegram-people.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";
import { idFor } from "./id-number.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const { fake, channel } = await startTelegram(app);
const { bound, messageWith, say, press } = telegramPeople(db, fake);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", channel.sender]]));
});
afterAll(async () => {
  await workers.close();
});

const wang = await bound(950_002, "王芳", "201801000002");
const chen = await bound(950_003, "陈刚", "201701000003");
const xiao = telegramUser(950_009, "肖明");

const heard = (user: TgUser, words: string) => until(() => fake.sent(user.id).find((m) => m.text?.includes(words)));

describe("入团 on Telegram", () => {
  it("apply → 积极分子 → 团课 → 发展对象 → meeting → approval → member with 编号 → first dues month", async () => {
    const invite = /邀请码：([A-Z2-9]{6})/.exec((await say(wang, "/applicants invite")).text!)![1]!;
    expect((await say(xiao, "我想入团")).text).toContain("入团邀请码");
    expect((await say(xiao, invite)).text).toContain("计科2022级1班团支部");
    await say(xiao, "肖明");
    await say(xiao, "13800138000");
    const confirm = await say(xiao, idFor("2010-05-20"));
    expect(confirm.buttons.flat().map((b) => b.text)).toEqual(["提交申请", "取消"]);
    expect((await press(xiao, "join-submit:yes")).text).toContain("已提交给 计科2022级1班团支部");

    // The step reaches 王芳's chat through the delivery worker, with its button.
    const { message: todo } = await messageWith(wang, "join-activist:");
    expect(todo.text).toContain("入团待办：肖明（计科2022级1班团支部）——确定入团积极分子");
    expect((await press(wang, "join-activist:")).text).toContain("进入「入团积极分子」阶段");
    expect((await heard(xiao, "已进入「入团积极分子」阶段")).text).toContain("肖明");

    // 团课 hours from /applicants, typed answers; then the training period ends.
    await say(wang, "/applicants");
    await press(wang, "join-hours:");
    expect((await say(wang, "8")).text).toContain("8/8");
    app.clock.set(new Date("2027-02-18T10:00:00+08:00"));
    await say(wang, "/applicants");
    expect((await press(wang, "join-candidate:")).text).toContain("发展对象");
    const { message: meetingTodo } = await messageWith(wang, "join-meeting:");
    expect(meetingTodo.text).toContain("登记支部大会表决结果");
    expect((await press(wang, "join-meeting:")).text).toContain("应到人数、实到人数、赞成票数");
    expect((await say(wang, "应到 30 实到 25 赞成 20")).text).toContain("支部大会通过");

    // The approval goes to the committee above, which uses Tuanzhu through 陈刚.
    const { message: approval } = await messageWith(chen, "join-approve:");
    expect(approval.text).toContain("上级团委审批");
    expect((await press(chen, "join-approve:")).text).toContain("上级团委批准");
    // A second tap on the same message is harmless.
    expect((await press(chen, "join-approve:")).text).toContain("已经办理过了");

    const { message: codeTodo } = await messageWith(wang, "join-code:");
    expect(codeTodo.text).toContain("录入团员编号");
    await press(wang, "join-code:");
    expect((await say(wang, "202611010007")).text).toContain("入团年份 2027");
    expect((await say(wang, "202711010007")).text).toContain("正式入团，团员编号 202711010007");
    expect((await heard(xiao, "你已正式入团")).text).toContain("202711010007");

    // Now a member: the same chat answers /dues, owed from February 2027.
    const dues = await say(xiao, "/dues");
    expect(dues.text).toContain("起缴月份：2027年2月");
    expect(await db.member.count({ where: { code: "202711010007", status: "ACTIVE" } })).toBe(1);
    await until(async () => (await db.outboxMessage.count({ where: { status: { not: "SENT" } } })) === 0);
  });
});
