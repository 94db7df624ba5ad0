// 入团 on the console, on the app's clock: a stranger applies with the branch's invite code, 王芳 (团支书 of 2201)
// takes each step from /applicants, 陈刚 (SCUT committee staff) approves, the 编号 智慧团建 issued is typed in, and
// the person is a member whose dues start that month. Refusals on the way: too young, too old, a second tap, the
// training not over, too few 团课 hours, a failed vote, a leader out of scope, a 编号 of the wrong year.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { idFor } from "./id-number.ts";

// One 团支书 takes a whole application through in a few minutes of test time: more than the flood limit.
const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const wang = await chatAsMember(app, "201801000002"); // 团支书 of 2201
const chen = await chatAsMember(app, "201701000003"); // staff of the SCUT committee
const wu = await chatAsMember(app, "201801000010"); // staff elsewhere (Tianhe)
const xiao = chatAs(app.core, "applicant-xiao");

const payloads = (replies: { buttons?: { payload: string }[][] }[]) =>
  replies.flatMap((r) => r.buttons?.flat().map((b) => b.payload) ?? []);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text).join("\n");
const tap = async (who: { press(b: string): Promise<{ text: string }[]> }, payload: string) =>
  texts(await who.press(payload));
const stepOf = async (kind: string) =>
  (await db.joinStep.findFirstOrThrow({ where: { kind: kind as "MARK_ACTIVIST", application: { name: "肖明" } } })).id;

let invite = "";

describe("入团 on the console", () => {
  it("the 团支书 gets the branch's invite code; a committee must name the branch", async () => {
    const reply = await wang.chat.text("/applicants invite");
    invite = /邀请码：([A-Z2-9]{6})/.exec(reply)?.[1] ?? "";
    expect(reply).toContain("入团邀请码");
    expect(invite).toHaveLength(6);
    // Asking again gives the same code.
    expect(await wang.chat.text("/applicants invite")).toContain(invite);
    expect(await chen.chat.text("/applicants invite")).toContain("请指明团支部");
    expect(await db.auditLog.count({ where: { action: "joining.invite" } })).toBe(2);
  });

  it("too young or too old is refused with the rule, and nothing is stored", async () => {
    const young = chatAs(app.core, "applicant-young");
    await young.say("我想入团");
    await young.say(invite.toLowerCase());
    await young.say("小刚");
    await young.say("13900139000");
    expect(await young.text(idFor("2013-01-01"))).toContain("年满 14 周岁");
    const old = chatAs(app.core, "applicant-old");
    await old.say("/join");
    await old.say(invite);
    await old.say("老王");
    await old.say("13900139001");
    expect(await old.text(idFor("1998-11-18"))).toContain("不满 28 周岁");
    expect(await db.joinApplication.count()).toBe(0);
  });

  it("answers how joining works with the steps and the way to apply, without starting an application", async () => {
    const asker = chatAs(app.core, "join-how");
    const [steps] = await asker.say("入团流程是什么");
    expect(steps!.intent).toBe("join.guide");
    expect(steps!.text).toContain("年满 14 周岁、不满 28 周岁");
    expect(steps!.text).toContain("一般不少于 3 个月");
    expect(steps!.buttons?.flat().map((b) => b.payload)).toEqual(["go:join.apply", "go:join.status"]);
    const [apply] = await asker.press("go:join.apply");
    expect(apply!.text).toContain("入团邀请码");
  });

  it("a stranger applies in plain words: invite code, name, phone, ID number, then 提交", async () => {
    const [ask] = await xiao.say("我想申请入团");
    expect(ask!.intent).toBe("join.apply");
    expect(ask!.text).toContain("入团邀请码");
    // Without a code yet: told where it comes from (not the format again), and still asked for it.
    expect(await xiao.text("我没有邀请码啊")).toContain("由你所在团支部的团支书在团助里生成");
    // How it works, asked while the code is awaited: the steps, then the code asked for again.
    const [steps, still] = await xiao.say("入团申请书怎么写");
    expect(steps!.intent).toBe("join.guide");
    expect(steps!.text).toContain("4. 团支部召开支部大会讨论表决。");
    expect(steps!.text).toContain("入团申请书写明为什么要求入团");
    expect(still!.text).toContain("请发送 6 位入团邀请码");
    expect(await xiao.text("ABCDE2")).toContain("没有找到");
    expect(await xiao.text(` ${invite.slice(0, 3)} ${invite.slice(3).toLowerCase()} `)).toContain("计科2022级1班");
    await xiao.say("肖明");
    expect(await xiao.text("138 0013 800")).toContain("11 位");
    await xiao.say("138 0013 8000");
    const wrongCheck = idFor("2010-05-20").slice(0, 17) + (idFor("2010-05-20").endsWith("1") ? "2" : "1");
    expect(await xiao.text(wrongCheck)).toContain("校验位");
    const confirm = await xiao.say(idFor("2010-05-20"));
    expect(texts(confirm)).toContain("尾号 8000");
    expect(payloads(confirm)).toContain("join-submit:yes");
    // A question before deciding is answered, and the application still waits with its buttons.
    const aside = await xiao.say("你能做什么");
    expect(aside.map((r) => r.intent)).toEqual(["help", "joining.apply"]);
    expect(payloads(aside.slice(1))).toContain("join-submit:yes");
    // Typed where a button was offered.
    const done = await xiao.say("提交");
    expect(texts(done)).toContain("已提交给");
    expect(texts(done)).toContain("王芳");
    // A second tap on the old button submits nothing more.
    expect(texts(await xiao.press("join-submit:yes"))).toContain("入团申请");
    const apps = await db.joinApplication.findMany();
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({
      name: "肖明",
      stage: "APPLIED",
      phoneLast4: "8000",
      idLast4: idFor("2010-05-20").slice(14),
    });
    // Neither number is stored, only keyed hashes.
    expect(JSON.stringify(apps[0])).not.toContain("13800138000");
    expect(JSON.stringify(apps[0])).not.toContain(idFor("2010-05-20"));
    const told = await db.outboxMessage.findMany({ where: { messageKey: "joining-step-new" } });
    expect(told.map((r) => r.args)).toEqual([expect.objectContaining({ name: "肖明", step: "MARK_ACTIVIST" })]);
  });

  it("the applicant asks where it is and is told what comes next", async () => {
    const [status] = await xiao.say("我的入团申请到哪一步了");
    expect(status!.intent).toBe("join.status");
    expect(status!.text).toContain("✅ 递交入团申请");
    expect(status!.text).toContain("确定入团积极分子");
    expect(status!.text).toContain("下一步：团支部确定你为入团积极分子");
  });

  it("王芳 marks 入团积极分子 from /applicants; a second tap changes nothing; other leaders cannot", async () => {
    const list = await wang.chat.say("/applicants");
    expect(texts(list)).toContain("肖明");
    const activist = `join-activist:${await stepOf("MARK_ACTIVIST")}`;
    expect(payloads(list)).toContain(activist);
    expect(texts(await wu.chat.press(activist))).toContain("已失效");
    expect(texts(await wang.chat.press(activist))).toContain("入团积极分子");
    expect(texts(await wang.chat.press(activist))).toContain("已经办理过了（王芳 办理）");
    const app1 = await db.joinApplication.findFirstOrThrow();
    expect(app1).toMatchObject({ stage: "ACTIVIST", trainingMonths: 3, courseHoursRequired: 8 });
    expect(await db.auditLog.count({ where: { action: "joining.mark-activist" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "joining.denied" } })).toBe(1);
    const status = await xiao.text("入团进度怎么样了");
    expect(status).toContain("培养期至 2027年2月18日");
    expect(status).toContain("0/8");
  });

  it("no 发展对象 before the training period is over and the 团课 hours are in", async () => {
    const candidate = `join-candidate:${await stepOf("MARK_CANDIDATE")}`;
    expect(await tap(wang.chat, candidate)).toContain("培养期还没结束");
    const appId = (await db.joinApplication.findFirstOrThrow()).id;
    await wang.chat.press(`join-hours:${appId}`);
    expect(await wang.chat.text("4")).toContain("4/8");
    app.clock.set(new Date("2027-02-18T09:00:00+08:00"));
    expect(await tap(wang.chat, candidate)).toContain("团课学时还不够：已学 4 学时，需要 8 学时");
    await wang.chat.press(`join-hours:${appId}`);
    expect(await wang.chat.text("四个小时")).toContain("8/8");
    expect(await tap(wang.chat, candidate)).toContain("发展对象");
    expect((await db.joinApplication.findFirstOrThrow()).stage).toBe("CANDIDATE");
  });

  it("the branch meeting: an impossible record is asked again, a failed vote is recorded, a passing one moves on", async () => {
    const meeting = `join-meeting:${await stepOf("RECORD_MEETING")}`;
    await wang.chat.press(meeting);
    expect(await wang.chat.text("应到 30 实到 31 赞成 20")).toContain("实到人数不能多于应到人数");
    expect(await wang.chat.text("应到30人，实到25人，赞成15票")).toContain("表决未通过");
    expect((await db.joinApplication.findFirstOrThrow()).stage).toBe("CANDIDATE");
    await wang.chat.press(meeting);
    expect(await wang.chat.text("30 25 20")).toContain("支部大会通过");
    expect((await db.joinApplication.findFirstOrThrow()).stage).toBe("VOTED");
  });

  it("the approval is the committee's: 王芳 and 吴 are refused, 陈刚 approves from his list", async () => {
    const approve = `join-approve:${await stepOf("APPROVE")}`;
    expect(payloads(await wang.chat.say("/applicants"))).not.toContain(approve);
    expect(await tap(wang.chat, approve)).toContain("已失效");
    expect(await tap(wu.chat, approve)).toContain("已失效");
    expect(payloads(await chen.chat.say("/applicants"))).toContain(approve);
    // The offered button's number, typed.
    expect(await chen.chat.text("1")).toContain("上级团委批准");
    expect(await tap(chen.chat, approve)).toContain("已经办理过了（陈刚 办理）");
    expect((await db.joinApplication.findFirstOrThrow()).stage).toBe("APPROVED");
  });

  it("the 编号 must start with this year; then 肖明 is a member whose dues start this month", async () => {
    const code = `join-code:${await stepOf("ENTER_CODE")}`;
    await wang.chat.press(code);
    expect(await wang.chat.text("2026 1101 0001")).toContain("入团年份 2027");
    expect(await wang.chat.text("20271101")).toContain("12 位数字");
    expect(await wang.chat.text("201901000001")).toContain("入团年份 2027");
    expect(await wang.chat.text("202711010001")).toContain("团员编号 202711010001");
    expect(await tap(wang.chat, code)).toContain("已经办理过了");
    const member = await db.member.findUniqueOrThrow({ where: { code: "202711010001" } });
    expect(member).toMatchObject({ name: "肖明", status: "ACTIVE" });
    expect(member.joinedAt.toISOString().slice(0, 10)).toBe("2027-02-18");
    // The applicant's chat is now the member's: /dues counts from February 2027.
    const dues = await xiao.text("/dues");
    expect(dues).toContain("起缴月份：2027年2月");
    expect(dues).toContain("欠缴 1 个月");
    const update = await db.outboxMessage.findMany({ where: { messageKey: "joining-applicant-update" } });
    expect(update.at(-1)!.args).toMatchObject({ stage: "ADMITTED", code: "202711010001" });
    expect(await xiao.text("我的入团申请到哪一步了")).toContain("你已经是团员了");
  });
});
