// Volunteer hours, as people live them: a committee publishes an activity that carries hours, a member checks in
// (once credited, never twice), sees the year's and total hours under /me, a 团支书 adds hours for offline service
// (never for herself, never outside her branch) and exports the branch's sheet; a new year starts its own count.
import { describe, expect, it } from "vitest";
import { createActivity } from "../../../bot/features/activities/activity-service.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { outboxTo, rendered, runActivityJob } from "../activities/helpers.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "1000" });
const { db } = app.deps;
// Saturday 21 November 2026, 09:00–11:30 in Shanghai (the suite's clock starts on Wednesday the 18th).
const START = new Date("2026-11-21T01:00:00Z");

const li = await chatAsMember(app, "201901000001"); // 李明, member of 计科2022级1班
const wang = await chatAsMember(app, "201801000002"); // 王芳, 团支书 of 计科2022级1班
const chen = await chatAsMember(app, "201701000003"); // 陈刚, 华工团委 staff
const huang = await chatAsMember(app, "202201000007"); // 黄丽, treasurer of 计科2022级1班
const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
let activityId = 0;
let code = "";
let unboundRow = "";

const creditsOf = (memberId: number) => db.volunteerCredit.findMany({ where: { memberId }, orderBy: { id: "asc" } });
const payloads = (reply: { buttons?: { payload: string }[][] } | undefined) =>
  reply?.buttons?.flat().map((b) => b.payload) ?? [];

describe("volunteer hours", () => {
  it("let committee staff give an activity hours in the creation dialogue, typed or from the offered button", async () => {
    const { chat } = chen;
    await chat.say("发起活动");
    await chat.say("社区敬老院志愿服务");
    await chat.say("2026-11-21 09:00-11:30");
    await chat.say("石牌街道敬老院");
    const [ask] = await chat.say("10人");
    expect(ask!.text).toContain("计多少志愿服务时长");
    // The activity's own length is offered, and "none".
    expect(ask!.buttons!.flat()).toEqual([
      { label: "按活动时长 2.5 小时", payload: "act-hours:150" },
      { label: "不计时长", payload: "act-hours:none" },
    ]);
    for (const bad of ["三天", "25", "1.2小时"]) {
      const [refused] = await chat.say(bad);
      expect(refused!.text).toContain("志愿服务时长请按半小时计，0 到 24 小时");
    }
    // A forged button (not in half-hour steps) stops at the router.
    expect((await chat.press("act-hours:45"))[0]!.text).toContain("按钮已失效");
    // "2小时" is two hours. (On the console, as on WeChat, the hint shows the buttons again as numbered lines, so a
    // bare "2" would be the second line, 不计时长; on Telegram, where buttons are buttons, it is two hours.)
    const [deadline] = await chat.say("2小时");
    expect(payloads(deadline)).toEqual(["act-dl:start", "act-dl:day"]);
    await chat.press("act-dl:start");
    const [preview] = await chat.press("act-aud:done");
    expect(preview!.text).toContain("志愿服务时长：签到后每人记 2 小时");
    await chat.press("act-publish:yes");
    const activity = await db.activity.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(activity).toMatchObject({ title: "社区敬老院志愿服务", serviceMinutes: 120, startsAt: START });
    activityId = activity.id;
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "activity.create", targetId: String(activityId) },
    });
    expect(audit.data).toMatchObject({ serviceMinutes: 120 });
  });

  it("let the organiser change the hours before the start, refusing what is not half-hour steps", async () => {
    const other = await createActivity(
      app.deps,
      { memberId: chen.member.id },
      {
        orgId: branch.id,
        childIds: [],
        title: "图书馆整理",
        place: "图书馆",
        startsAt: new Date("2026-11-28T01:00:00Z"),
        capacity: 5,
      },
    );
    expect(other.ok).toBe(true);
    const id = other.ok ? other.activity.id : 0;
    const [what] = await chen.chat.press(`act-edit:${id}`);
    expect(payloads(what)).toContain(`act-field:${id}.hours`);
    expect((await chen.chat.press(`act-field:${id}.hours`))[0]!.text).toContain("当前志愿服务时长：0 小时");
    expect((await chen.chat.say("24.5"))[0]!.text).toContain("志愿服务时长请按半小时计");
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).serviceMinutes).toBe(0);
    const [edited] = await chen.chat.say("1.5小时");
    expect(edited!.text).toContain("志愿时长 1.5 小时");
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).serviceMinutes).toBe(90);
    // Through the service too (the admin API's path): the same limits.
    const refused = await createActivity(
      app.deps,
      { memberId: chen.member.id },
      {
        orgId: branch.id,
        childIds: [],
        title: "太长的活动",
        place: "操场",
        startsAt: new Date("2026-11-28T01:00:00Z"),
        capacity: 5,
        serviceMinutes: 25 * 60,
      },
    );
    expect(refused).toEqual({ ok: false, problem: "hours" });
  });

  it("tell members what an activity carries: in the invitation, the list, the organiser's card", async () => {
    await runActivityJob(app, { task: "publish", activityId });
    const invitation = (await outboxTo(app, "activities-published")).find((r) => r.user === li.chat.ref.userId)!;
    expect((await rendered(app, invitation)).text).toContain("名额：10 人，报名截止");
    expect((await rendered(app, invitation)).text).toContain("\n签到计志愿服务时长 2 小时\n");
    expect((await rendered(app, invitation, "en")).text).toContain("2 volunteer hours for checking in");
    expect(await li.chat.text("/activities")).toContain("签到计志愿服务时长 2 小时");
    expect(await chen.chat.text(`/myactivities`)).toContain("社区敬老院志愿服务");
    const [card] = await chen.chat.press(`act-manage:${activityId}`);
    expect(card!.text).toContain("志愿服务时长：签到后每人记 2 小时");
  });

  it("credit the hours at check-in once: a second check-in credits nothing", async () => {
    expect((await li.chat.press(`act-join:${activityId}`))[0]!.text).toContain("报名成功");
    // Saturday 08:40: check-in is open from half an hour before the start.
    app.clock.set(new Date("2026-11-21T00:40:00Z"));
    const [codeReply] = await chen.chat.press(`act-code:${activityId}`);
    code = /签到码：(\d{6})/.exec(codeReply!.text)![1]!;
    expect(await creditsOf(li.member.id)).toEqual([]);

    const [done] = await li.chat.say(`签到 ${code}`);
    expect(done!.text).toContain("签到成功！【社区敬老院志愿服务】");
    expect(done!.text).toContain("已记入志愿服务时长 2 小时（2026 年共 2 小时，累计 2 小时）");
    const [again] = await li.chat.say(`/checkin ${code}`);
    expect(again!.text).toContain("无需重复签到");
    expect(again!.text).not.toContain("已记入志愿服务时长");
    const credits = await creditsOf(li.member.id);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ activityId, minutes: 120, enteredById: null, reason: null });
    expect(credits[0]!.creditedAt).toEqual(app.clock.now);
  });

  it("show the year's and total hours under /me, and the list when asked in so many words", async () => {
    const [me] = await li.chat.say("/me");
    expect(me!.text).toContain("志愿服务时长：2026 年 2 小时，累计 2 小时");
    expect(payloads(me)).toContain("go:volunteer.mine");
    // Someone without any credit sees 0, and no button for an empty list.
    const [wangMe] = await wang.chat.say("/me");
    expect(wangMe!.text).toContain("志愿服务时长：2026 年 0 小时，累计 0 小时");
    expect(payloads(wangMe)).not.toContain("go:volunteer.mine");

    for (const ask of ["我的志愿时长", "我现在有多少志愿服务时长了", "查下志愿时长", "/hours", "my volunteer hours"]) {
      const [list] = await li.chat.say(ask);
      expect(list!.intent, ask).toBe("volunteer.mine");
      expect(list!.text, ask).toContain("你的志愿服务时长：2026 年 2 小时，累计 2 小时。");
      expect(list!.text, ask).toContain("2026年11月21日 2 小时 —— 活动【社区敬老院志愿服务】签到");
    }
    expect((await li.chat.press("go:volunteer.mine"))[0]!.text).toContain("累计 2 小时");
    expect((await wang.chat.say("我的志愿时长"))[0]!.text).toContain("你还没有志愿服务时长记录");
  });

  it("let the 团支书 add hours on one line, confirmed once: the member is told and the entry audited", async () => {
    const [preview] = await wang.chat.say("/addhours 201901000001 1.5 社区敬老院服务");
    expect(preview!.text).toContain("为 李明（201901000001，计科2022级1班团支部）登记志愿服务时长 1.5 小时");
    expect(preview!.text).toContain("事由：社区敬老院服务");
    expect(payloads(preview)).toEqual(["hours-add:yes", "hours-add:no"]);
    expect(await db.volunteerCredit.count({ where: { enteredById: wang.member.id } })).toBe(0);

    const [saved] = await wang.chat.press("hours-add:yes");
    expect(saved!.text).toContain("已为 李明 登记 1.5 小时，并通知了本人。李明 2026 年共 3.5 小时，累计 3.5 小时。");
    // A second tap on the same preview saves nothing more.
    expect((await wang.chat.press("hours-add:yes"))[0]!.text).toContain("已经处理过或已失效");
    const entered = await db.volunteerCredit.findMany({ where: { enteredById: wang.member.id } });
    expect(entered).toHaveLength(1);
    expect(entered[0]).toMatchObject({
      memberId: li.member.id,
      minutes: 90,
      reason: "社区敬老院服务",
      activityId: null,
    });

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "volunteer.add", actorId: wang.member.id, targetId: String(li.member.id) },
      orderBy: { id: "desc" },
    });
    expect(audit.orgId).toBe(branch.id);
    expect(audit.data).toMatchObject({ outcome: "saved", minutes: 90, reason: "社区敬老院服务" });

    const rows = await db.outboxMessage.findMany({
      where: { messageKey: "volunteer-credited" },
      include: { identity: true },
    });
    expect(rows.map((r) => r.identity.memberId)).toEqual([li.member.id]);
    const told = await renderRow(rows[0]!, "zh-CN", { i18n: app.deps.i18n, db }, undefined);
    expect(told.text).toContain("王芳 为你登记了志愿服务时长 1.5 小时");
    expect(told.text).toContain("你 2026 年共 3.5 小时，累计 3.5 小时");
    expect((await renderRow(rows[0]!, "en", { i18n: app.deps.i18n, db }, undefined)).text).toContain(
      "王芳 recorded 1.5 volunteer hours for you.",
    );
    const [list] = await li.chat.say("/hours");
    expect(list!.text).toContain("1.5 小时 —— 王芳 登记：社区敬老院服务");
  });

  it("walk a leader through the short dialogue with typed answers, the offered button's label typed too", async () => {
    const { chat } = wang;
    const [ask] = await chat.say("补录志愿时长");
    expect(ask!.intent).toBe("volunteer.add");
    expect(ask!.text).toContain("请发送团员的 12 位编号");
    expect((await chat.say("20190100001"))[0]!.text).toContain("团员编号是 12 位数字");
    expect((await chat.say("201901000001"))[0]!.text).toContain("给 李明（计科2022级1班团支部）登记多少小时");
    expect((await chat.say("一天"))[0]!.text).toContain("时长请按半小时计");
    expect((await chat.say("两个半小时"))[0]!.text).toContain("为 李明 登记 2.5 小时。请写明服务内容");
    expect((await chat.say("好"))[0]!.text).toContain("请写明服务内容（2 到 100 字）");
    const [preview] = await chat.say("校运会志愿者");
    expect(preview!.text).toContain("登记志愿服务时长 2.5 小时");
    // The button's label typed instead of tapped.
    const [saved] = await chat.say("确认登记");
    expect(saved!.text).toContain("已为 李明 登记 2.5 小时");
    expect(await db.volunteerCredit.count({ where: { memberId: li.member.id } })).toBe(3);

    // Two taps at once on one preview (Telegram delivers both): one entry.
    await chat.say("/addhours 201901000001 0.5 整理活动照片");
    const taps = await Promise.all([chat.press("hours-add:yes"), chat.press("hours-add:yes")]);
    expect(taps.map((t) => t[0]!.text.includes("已为 李明 登记 0.5 小时")).sort()).toEqual([false, true]);
    expect(await db.volunteerCredit.count({ where: { memberId: li.member.id } })).toBe(4);

    // Cancelled at the preview: nothing stored.
    await chat.say("/addhours 201901000001 1 图书馆值班");
    expect((await chat.say("取消"))[0]!.text).toContain("已取消");
    expect(await db.volunteerCredit.count({ where: { memberId: li.member.id } })).toBe(4);
  });

  it("refuse hours for oneself, outside one's branch, and to anyone without a leader's role — changing nothing", async () => {
    const before = await db.volunteerCredit.count();
    const own = await wang.chat.text("/addhours 201801000002 3 组织支部活动");
    expect(own).toContain("不能给自己登记志愿时长");
    // 周杰 is in 中山大学: outside 王芳's branch, answered as if there were no such member.
    const outside = await wang.chat.text("/addhours 201601234567 2 社区服务");
    const nobody = await wang.chat.text("/addhours 209901009999 2 社区服务");
    expect(outside).toContain("在你负责的组织里没有找到这个编号的团员");
    expect(outside).toBe(nobody);
    expect(await li.chat.text("/addhours 201801000002 2 帮忙")).toContain("只有团支书和团委工作人员可以登记志愿时长");
    // A treasurer keeps the dues, not the hours.
    expect(await huang.chat.text("帮李明登记志愿时长")).toContain("只有团支书和团委工作人员可以登记志愿时长");
    expect(await db.volunteerCredit.count()).toBe(before);
    const refusals = await db.auditLog.findMany({
      where: { action: "volunteer.add", data: { path: ["outcome"], not: "saved" } },
      orderBy: { id: "asc" },
    });
    expect(refusals.map((r) => (r.data as { outcome: string }).outcome)).toEqual([
      "own",
      "not-found",
      "not-found",
      "not-leader",
      "not-leader",
    ]);
    const zhou = await db.member.findUniqueOrThrow({ where: { code: "201601234567" } });
    expect(refusals[1]!.targetId).toBe(String(zhou.id));
  });

  it("start a new year's count on 1 January in Shanghai, keeping the total", async () => {
    // 00:30 on 1 January 2027 in Shanghai is still 2026 in UTC.
    app.clock.set(new Date("2026-12-31T16:30:00Z"));
    await wang.chat.say("/addhours 201901000001 1 元旦值班");
    expect((await wang.chat.press("hours-add:yes"))[0]!.text).toContain("李明 2027 年共 1 小时，累计 7.5 小时");
    const me = await li.chat.text("我的团籍");
    expect(me).toContain("志愿服务时长：2027 年 1 小时，累计 7.5 小时");
  });

  it("record hours for a member who has not bound a chat: stored and counted, nobody to tell", async () => {
    const unbound = await db.member.findFirstOrThrow({
      where: { orgId: branch.id, status: "ACTIVE", identities: { none: {} } },
      orderBy: { code: "asc" },
    });
    const outboxBefore = await db.outboxMessage.count();
    await wang.chat.say(`/addhours ${unbound.code} 2 运动会志愿者`);
    expect((await wang.chat.press("hours-add:yes"))[0]!.text).toContain(`已为 ${unbound.name} 登记 2 小时`);
    expect(await db.outboxMessage.count()).toBe(outboxBefore);
    expect(await db.volunteerCredit.count({ where: { memberId: unbound.id } })).toBe(1);
    unboundRow = `="${unbound.code}",${unbound.name},2,2`;
  });

  it("export the branch's sheet for its 团支书 and, by choice, for committee staff: UTF-8 with BOM, 编号 as text", async () => {
    const [file] = await wang.chat.say("/hours export");
    expect(file!.intent).toBe("volunteer.export");
    expect(file!.file!.name).toBe("计科2022级1班团支部-志愿时长-2027.csv");
    expect(file!.text).toContain("计科2022级1班团支部 志愿服务时长表");
    const bytes = file!.file!.bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("编号,姓名,2027年时长(小时),累计时长(小时)");
    const members = await db.member.findMany({
      where: { orgId: branch.id, status: "ACTIVE" },
      orderBy: { code: "asc" },
    });
    expect(lines).toHaveLength(members.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(members.map((m) => m.name));
    expect(lines).toContain('="201901000001",李明,1,7.5');
    expect(lines).toContain('="201801000002",王芳,0,0');
    expect(lines).toContain(unboundRow);
    expect(file!.text).toContain(`${members.length} 人，2027 年共 3 小时，累计 9.5 小时`);
    expect(
      await db.auditLog.count({ where: { action: "volunteer.export", actorId: wang.member.id, orgId: branch.id } }),
    ).toBe(1);

    // Committee staff choose among the organisations they look after; the sheet is the same.
    const [choose] = await chen.chat.say("导出志愿时长表");
    expect(choose!.intent).toBe("volunteer.export");
    expect(payloads(choose)).toContain(`hours-csv:${branch.id}`);
    const [theirs] = await chen.chat.press(`hours-csv:${branch.id}`);
    expect(theirs!.file!.bytes).toEqual(bytes);
  });

  it("refuse the sheet outside the leader's scope and to members", async () => {
    const sysu = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SYSU-CS-M26" } });
    expect(await wang.chat.text(`/hours export ${sysu.code}`)).toContain(`在你负责的范围内没有找到「${sysu.code}」`);
    const [forged] = await wang.chat.press(`hours-csv:${sysu.id}`);
    expect(forged!.file).toBeUndefined();
    expect(forged!.text).toContain("在你负责的范围内没有找到");
    const [member] = await li.chat.say("/hours export");
    expect(member!.file).toBeUndefined();
    expect(member!.text).toContain("只有团干部（团支书、组织委员、团委工作人员）可以导出志愿时长表");
  });
});
