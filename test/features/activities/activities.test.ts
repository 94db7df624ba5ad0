// An activity's life in chat: a committee publishes it to one college, members sign up and wait their turn, the
// organiser edits it, checks people in and exports the sheet; a 团支书 stays inside their branch.
import { describe, expect, it } from "vitest";
import { createActivity } from "../../../bot/features/activities/activity-service.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { bindAs, bindFirstIn, outboxTo, rendered, runActivityJob } from "./helpers.ts";

// The organiser sends more than the default 20 messages a minute.
const app = await createTestApp({ TELEGRAM_BOT_USERNAME: "TuanzhuTestBot", CHAT_RATE_PER_MINUTE: "1000" });
const { db } = app.deps;
const H = 3600_000;
// Monday 1 March 2027, 10:00 in Shanghai.
const T0 = new Date("2027-03-01T02:00:00Z");
// The activity: Saturday 6 March, 09:00–11:00 in Shanghai.
const START = new Date("2027-03-06T01:00:00Z");
app.clock.set(T0);

const cs = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS" } });
const chen = await bindAs(app, "201701000003", "tg-chen");
const wang = await bindAs(app, "201801000002", "tg-wang");
const li = await bindAs(app, "201901000001", "tg-li");
const huang = await bindAs(app, "202201000007", "tg-huang");
const ee = await bindFirstIn(app, "GD-GZ-SCUT-EE-2301", "tg-ee");
const zhou = await bindAs(app, "201601234567", "tg-zhou");
let activityId = 0;
let code = "";

const signupOf = (memberId: number) =>
  db.activitySignup.findUniqueOrThrow({ where: { activityId_memberId: { activityId, memberId } } });

describe("activities", () => {
  it("let committee staff create one for a chosen college in a dialogue; its bound members are told", async () => {
    const { chat } = chen;
    expect((await chat.say("发起活动"))[0]!.text).toContain("请发送活动名称");
    expect((await chat.say("周六社区志愿服务"))[0]!.text).toContain("活动什么时候举行");
    expect((await chat.say("过阵子"))[0]!.text).toContain("没看懂这个时间");
    expect((await chat.say("2027-03-06 09:00-11:00"))[0]!.text).toBe("活动地点在哪里？");
    await chat.say("五山校区体育馆");
    expect((await chat.say("零"))[0]!.text).toContain("1 到 10000 之间的整数");
    const [hours] = await chat.say("2人");
    expect(hours!.buttons!.flat().map((b) => b.payload)).toEqual(["act-hours:120", "act-hours:none"]);
    const [deadline] = await chat.press("act-hours:none");
    expect(deadline!.buttons!.flat().map((b) => b.payload)).toEqual(["act-dl:start", "act-dl:day"]);
    const [audience] = await chat.press("act-dl:day");
    expect(audience!.buttons!.flat().map((b) => b.label)).toEqual([
      "计算机科学与工程学院团总支",
      "电子与信息学院团总支",
      "选好了",
    ]);
    await chat.press(`act-aud:${cs.id}`);
    // "就这样吧" typed for 选好了: not a cancel.
    const [preview] = await chat.say("就这样吧");
    const inCs = await db.member.count({ where: { status: "ACTIVE", org: { ancestorIds: { has: cs.id } } } });
    expect(preview!.text).toContain("【周六社区志愿服务】");
    expect(preview!.text).toContain("志愿服务时长：不计");
    expect(preview!.text).toContain("2027年3月6日");
    expect(preview!.text).toContain("09:00");
    // 陈刚, 王芳, 李明 and 黄丽 are bound inside the college; the EE member and 周杰 are outside it.
    expect(preview!.text).toContain(`面向 ${inCs} 名团员，其中 4 人已绑定`);
    const [created] = await chat.press("act-publish:yes");
    expect(created!.text).toMatch(/活动 #\d+【周六社区志愿服务】已发布/);

    const activity = await db.activity.findFirstOrThrow({ orderBy: { id: "desc" }, include: { audiences: true } });
    activityId = activity.id;
    expect(activity).toMatchObject({ status: "PUBLISHED", capacity: 2, startsAt: START, place: "五山校区体育馆" });
    expect(activity.endsAt).toEqual(new Date(START.getTime() + 2 * H));
    expect(activity.signupDeadline).toEqual(new Date(START.getTime() - 24 * H));
    expect(activity.audiences.map((a) => a.orgId)).toEqual([cs.id]);
    expect(await db.auditLog.count({ where: { action: "activity.create", targetId: String(activityId) } })).toBe(1);

    await runActivityJob(app, { task: "publish", activityId });
    const told = await outboxTo(app, "activities-published");
    expect(told.map((r) => r.user).sort()).toEqual(["tg-chen", "tg-huang", "tg-li", "tg-wang"]);
    const message = await rendered(app, told[0]!);
    expect(message.text).toContain("【华工团委活动】周六社区志愿服务");
    expect(message.text).toContain("地点：五山校区体育馆");
    expect(message.buttons).toEqual([[{ label: "报名", payload: `act-join:${activityId}` }]]);
    expect((await rendered(app, told[0]!, "en")).text).toContain("New activity from 华工团委: 周六社区志愿服务");
    // A re-run (a retried job) tells nobody twice.
    await runActivityJob(app, { task: "publish", activityId });
    expect(await outboxTo(app, "activities-published")).toHaveLength(4);
  });

  it("let members list what they may join and sign up; a full activity waitlists with the position", async () => {
    const [list] = await li.chat.say("最近有什么活动");
    expect(list!.intent).toBe("activity.list");
    expect(list!.text).toContain("周六社区志愿服务");
    expect(list!.text).toContain("已报 0/2");
    expect(list!.buttons!.flat()[0]).toEqual({ label: "报名 1.周六社区志愿服务", payload: `act-join:${activityId}` });

    expect((await li.chat.press(`act-join:${activityId}`))[0]!.text).toContain("报名成功！【周六社区志愿服务】");
    expect((await huang.chat.press(`act-join:${activityId}`))[0]!.text).toContain("报名成功");
    expect((await wang.chat.press(`act-join:${activityId}`))[0]!.text).toContain("候补名单，当前排第 1 位");
    expect((await chen.chat.press(`act-join:${activityId}`))[0]!.text).toContain("候补名单，当前排第 2 位");
    expect((await li.chat.press(`act-join:${activityId}`))[0]!.text).toContain("你已经报名了【周六社区志愿服务】");
    const [again] = await chen.chat.say("/activities");
    expect(again!.text).toContain("⏳ 你在候补名单第 2 位");
    expect(again!.buttons!.flat()[0]!.payload).toBe(`act-leave:${activityId}`);
  });

  it("answer members outside the audience as if the activity did not exist, and do not list it for them", async () => {
    const missing = 2_000_000_000;
    const [refused] = await ee.chat.press(`act-join:${activityId}`);
    const [none] = await ee.chat.press(`act-join:${missing}`);
    expect(refused!.text).toBe(none!.text);
    expect(refused!.text).toContain("没有找到这个活动");
    expect(refused!.text).not.toContain("周六社区志愿服务");
    // Giving back a place never taken: the same words as for no activity at all, and no title.
    const [left] = await ee.chat.press(`act-leave:${activityId}`);
    expect(left!.text).toBe((await ee.chat.press(`act-leave:${missing}`))[0]!.text);
    expect(left!.text).not.toContain("周六社区志愿服务");
    expect((await ee.chat.say("/activities"))[0]!.text).toContain("近期没有你可以报名的活动");
    expect(await db.activitySignup.count({ where: { activityId, memberId: ee.member.id } })).toBe(0);
  });

  it("move the first waiting member up when someone cancels, and tell them", async () => {
    expect((await li.chat.press(`act-leave:${activityId}`))[0]!.text).toContain("已取消【周六社区志愿服务】的报名");
    expect((await signupOf(li.member.id)).status).toBe("CANCELLED");
    expect((await signupOf(wang.member.id)).status).toBe("CONFIRMED");
    expect((await signupOf(chen.member.id)).status).toBe("WAITLISTED");
    const promoted = await outboxTo(app, "activities-promoted");
    expect(promoted.map((r) => r.user)).toEqual(["tg-wang"]);
    expect((await rendered(app, promoted[0]!)).text).toContain("你已从候补转为正式报名：周六社区志愿服务");
    expect((await chen.chat.say("/activities"))[0]!.text).toContain("你在候补名单第 1 位");
  });

  it("let the organiser add places (the waitlist moves up) but not fewer than those confirmed", async () => {
    const [what] = await chen.chat.press(`act-edit:${activityId}`);
    expect(what!.buttons!.flat().map((b) => b.label)).toEqual([
      "名称",
      "时间",
      "地点",
      "名额",
      "志愿时长",
      "报名截止时间",
    ]);
    await chen.chat.press(`act-field:${activityId}.capacity`);
    expect((await chen.chat.say("1"))[0]!.text).toContain("已报名的人数超过了新的名额");
    expect((await db.activity.findUniqueOrThrow({ where: { id: activityId } })).capacity).toBe(2);
    expect((await chen.chat.say("3"))[0]!.text).toContain("名额 3 人");
    expect((await signupOf(chen.member.id)).status).toBe("CONFIRMED");
    expect((await outboxTo(app, "activities-promoted")).map((r) => r.user)).toEqual(["tg-wang", "tg-chen"]);
    expect(await db.auditLog.count({ where: { action: "activity.update", targetId: String(activityId) } })).toBe(1);
  });

  it("keep a 团支书 inside their branch and members out, audited", async () => {
    const denied = () => db.auditLog.count({ where: { action: "activity.denied" } });
    const before = await denied();
    expect((await wang.chat.press(`act-manage:${activityId}`))[0]!.text).toBe("没有找到你可以管理的这个活动。");
    expect((await wang.chat.press(`act-roster:${activityId}`))[0]!.text).toBe("没有找到你可以管理的这个活动。");
    expect((await wang.chat.press(`act-cancel-yes:${activityId}`))[0]!.text).toContain("只有团委工作人员和团支书");
    expect((await li.chat.say("/newactivity"))[0]!.text).toContain("只有团委工作人员和团支书可以发起和管理活动");
    expect((await db.activity.findUniqueOrThrow({ where: { id: activityId } })).status).toBe("PUBLISHED");
    expect(await denied()).toBe(before + 4);
    // Within the branch the 团支书 may organise.
    expect((await wang.chat.say("/newactivity"))[0]!.text).toContain("请发送活动名称");
    await wang.chat.say("/cancel");
  });

  it("check scope in the service the admin API calls too: the actor's roles, and a token's organisation", async () => {
    const input = {
      orgId: cs.id,
      childIds: [],
      title: "API 活动",
      place: "线上",
      startsAt: new Date(START.getTime() + 24 * H),
      capacity: 5,
    };
    // 王芳 is 团支书 of a branch inside the college, not of the college.
    expect(await createActivity(app.deps, { memberId: wang.member.id }, input)).toEqual({
      ok: false,
      problem: "not-allowed",
    });
    // 陈刚's roles cover the college, but a token of another university does not.
    const sysu = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SYSU" } });
    const viaToken = { memberId: chen.member.id, withinOrgId: sysu.id, label: "token:9" };
    expect((await createActivity(app.deps, viaToken, input)).ok).toBe(false);
    expect(await db.auditLog.count({ where: { action: "activity.denied", actorLabel: "token:9" } })).toBe(1);
    // A child that is not the organisation's child is refused as well.
    expect((await createActivity(app.deps, { memberId: chen.member.id }, { ...input, childIds: [sysu.id] })).ok).toBe(
      false,
    );
    expect(await db.activity.count({ where: { title: "API 活动" } })).toBe(0);
  });

  it("refuse sign-up after the deadline", async () => {
    app.clock.set(new Date(START.getTime() - 23 * H));
    const [late] = await zhou.chat.press(`act-join:${activityId}`);
    // 周杰 is outside the audience too; the audience is checked first, and for him there is no such activity.
    expect(late!.text).toContain("没有找到这个活动");
    const [refused] = await li.chat.press(`act-join:${activityId}`);
    expect(refused!.text).toContain("【周六社区志愿服务】的报名已于 2027年3月5日");
    expect(refused!.text).toContain("截止，无法再报名");
    expect((await signupOf(li.member.id)).status).toBe("CANCELLED");
  });

  it("show the organiser the roster at any time", async () => {
    const [card] = await chen.chat.press(`act-manage:${activityId}`);
    expect(card!.text).toContain("报名：3/3，候补 0 人");
    const [roster] = await chen.chat.press(`act-roster:${activityId}`);
    expect(roster!.text).toContain("1. 黄丽（计科2022级1班团支部）");
    expect(roster!.text).toContain("2. 王芳");
    expect(roster!.text).toContain("3. 陈刚");
    expect(roster!.text).not.toContain("李明");
    expect(await db.auditLog.count({ where: { action: "activity.roster", actorId: chen.member.id } })).toBe(1);
  });

  it("give the organiser a check-in code (QR on Telegram), storing only its hash", async () => {
    const [reply] = await chen.chat.press(`act-code:${activityId}`);
    code = /签到码：(\d{6})/.exec(reply!.text)![1]!;
    expect(reply!.text).toContain(`https://t.me/TuanzhuTestBot?start=checkin_${code}`);
    expect(Buffer.from(reply!.image!).subarray(1, 4).toString()).toBe("PNG");
    const activity = await db.activity.findUniqueOrThrow({ where: { id: activityId } });
    expect(activity.checkinCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(activity.checkinCodeHash).not.toContain(code);
    expect(activity.checkinOpensAt).toEqual(new Date(START.getTime() - 0.5 * H));
    expect(activity.checkinClosesAt).toEqual(new Date(activity.endsAt.getTime() + 0.5 * H));
  });

  it("check members in with the code, and answer wrong, early, repeated and expired codes clearly", async () => {
    const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
    expect((await huang.chat.say(`签到 ${code}`))[0]!.text).toContain("签到还没开始");
    app.clock.set(new Date(START.getTime() + 10 * 60_000));
    expect((await huang.chat.say(`签到 ${wrong}`))[0]!.text).toContain("签到码不对");
    const [done] = await huang.chat.say(`签到 ${code}`);
    expect(done!.intent).toBe("activity.checkin");
    expect(done!.text).toContain("签到成功！【周六社区志愿服务】");
    expect((await huang.chat.say(`签到 ${code}`))[0]!.text).toContain("无需重复签到");
    expect((await signupOf(huang.member.id)).checkedInAt).toEqual(app.clock.now);
    expect((await db.member.findUniqueOrThrow({ where: { id: huang.member.id } })).lastOrgLifeAt).toEqual(
      app.clock.now,
    );
    // Cancelled, or never signed up: no check-in.
    expect((await li.chat.say(`签到 ${code}`))[0]!.text).toContain("你没有报名【周六社区志愿服务】，不能签到");
    expect((await zhou.chat.say(`/checkin ${code}`))[0]!.text).toContain("你没有报名【周六社区志愿服务】");
    // "签到" alone asks for the code; the QR code's deep link checks in at once.
    expect((await wang.chat.say("签到"))[0]!.text).toContain("6 位签到码");
    expect((await wang.chat.say(code))[0]!.text).toContain("签到成功");
    expect((await wang.chat.say(`/start checkin_${code}`))[0]!.text).toContain("无需重复签到");
    expect((await wang.chat.say("/me"))[0]!.text).toContain("最近一次组织生活（活动签到）：2027年3月6日");
    // After the window the code has expired; 陈刚 never came.
    app.clock.set(new Date(START.getTime() + 3 * H));
    expect((await chen.chat.say(`签到 ${code}`))[0]!.text).toContain("签到时间已经结束，签到码已过期");
    expect((await signupOf(chen.member.id)).checkedInAt).toBeNull();
  });

  it("export attendance and no-shows as a CSV file for the organiser", async () => {
    const [reply] = await chen.chat.press(`act-csv:${activityId}`);
    expect(reply!.file!.name).toBe(`activity-${activityId}-attendance.csv`);
    expect(reply!.file!.mime).toBe("text/csv");
    expect(reply!.text).toContain("正式报名 3 人，已签到 2 人，缺席 1 人");
    const csv = new TextDecoder().decode(reply!.file!.bytes);
    const lines = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("序号,姓名,团员编号,所在组织,报名状态,报名时间,签到时间,出勤");
    expect(
      lines
        .slice(1)
        .map((l) => l.split(","))
        .map((f) => [f[1], f[2], f[4], f[7]]),
    ).toEqual([
      ["黄丽", "202201000007", "正式报名", "已签到"],
      ["王芳", "201801000002", "正式报名", "已签到"],
      ["陈刚", "201701000003", "正式报名", "缺席"],
      ["李明", "201901000001", "已取消", "已取消"],
    ]);
    expect(lines[1]!.split(",")[6]).toBe("2027-03-06 09:10");
    expect(await db.auditLog.count({ where: { action: "activity.export", targetId: String(activityId) } })).toBe(1);
  });

  it("tell everyone signed up and waitlisted when an activity is cancelled", async () => {
    app.clock.set(T0);
    await chen.chat.say("/newactivity");
    await chen.chat.say("团课：青年大学习");
    await chen.chat.say("3-10 19:00");
    await chen.chat.say("线上");
    await chen.chat.say("1");
    // No volunteer hours for a lecture, typed rather than tapped.
    await chen.chat.say("0");
    await chen.chat.press("act-dl:start");
    await chen.chat.press("act-aud:done");
    await chen.chat.press("act-publish:yes");
    const second = await db.activity.findFirstOrThrow({ orderBy: { id: "desc" }, include: { audiences: true } });
    expect(second.title).toBe("团课：青年大学习");
    expect(second.serviceMinutes).toBe(0);
    // No child chosen: the whole subtree of the committee.
    expect(second.audiences.map((a) => a.orgId)).toEqual([second.orgId]);
    await li.chat.press(`act-join:${second.id}`);
    await ee.chat.press(`act-join:${second.id}`);
    const [ask] = await chen.chat.press(`act-cancel:${second.id}`);
    expect(ask!.text).toContain("已报名的 1 人和候补的 1 人都会收到取消通知");
    expect((await chen.chat.press(`act-cancel-yes:${second.id}`))[0]!.text).toContain("已取消【团课：青年大学习】");
    const notices = await outboxTo(app, "activities-cancelled-notice");
    expect(notices.map((r) => r.user).sort()).toEqual(["tg-ee", "tg-li"]);
    expect((await rendered(app, notices[0]!)).text).toContain("华工团委已取消活动【团课：青年大学习】");
    expect((await chen.chat.press(`act-cancel-yes:${second.id}`))[0]!.text).toBe("这个活动已经取消。");
    expect(await outboxTo(app, "activities-cancelled-notice")).toHaveLength(2);
    expect((await huang.chat.press(`act-join:${second.id}`))[0]!.text).toContain("已取消，无法报名");
  });

  it("answer a request typed where the time is asked, and keep the draft waiting for it", async () => {
    const { chat } = chen;
    await chat.say("发起活动");
    await chat.say("冬季长跑");
    const [report, kept] = await chat.say("谁没读通知");
    expect(report!.intent).toBe("notice.progress");
    expect(kept).toMatchObject({
      intent: "activity.create",
      text: "刚才没办完的还在：接着回答之前的问题就能继续，发送「取消」则放弃。",
    });
    const [place] = await chat.say("2027-03-20 07:00-09:00");
    expect(place!.text).toBe("活动地点在哪里？");
    expect((await chat.say("取消"))[0]!.text).toBe("已取消。");
  });

  it("take the number of places as people write it, and never offer an aside answer's buttons as the step's", async () => {
    const { chat } = chen;
    await chat.say("发起活动");
    await chat.say("敬老院志愿服务");
    await chat.say("2027-03-20 09:00-11:30");
    await chat.say("石牌街道敬老院");
    // A request answered aside offers its own button; the places question offered none, so its hint shows none.
    const [hours, kept] = await chat.say("我的志愿时长");
    expect(hours!.intent).toBe("volunteer.mine");
    expect(kept!.text).toContain("刚才没办完的还在");
    const [hint] = await chat.say("xyz");
    expect(hint!.text).toContain("人数请发送 1 到 10000 之间的整数");
    expect(hint!.buttons).toBeUndefined();
    const [next] = await chat.say("20个人吧");
    expect(next!.text).toContain("计多少志愿服务时长");
    // The rest in words too: the start of a button's label, a deadline said as people say it, "发吧" under the preview.
    const [deadline] = await chat.say("按活动时长");
    expect(deadline!.text).toContain("报名什么时候截止");
    const [audience] = await chat.say("开始前");
    expect(audience!.text).toContain("这个活动面向谁");
    const [preview] = await chat.say("好了");
    expect(preview!.text).toContain("名额：20 人，报名截止 2027年3月20日周六 09:00");
    expect(preview!.text).toContain("签到后每人记 2.5 小时");
    const [published] = await chat.say("发吧");
    expect(published!.text).toContain("【敬老院志愿服务】已发布");
    expect(await db.activity.count({ where: { title: "敬老院志愿服务", capacity: 20, serviceMinutes: 150 } })).toBe(1);
  });
});
