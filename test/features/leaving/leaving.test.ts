// 超龄离团 and 主动离团 on the app's clock: three months before 28 a member and their 团支书 are told once; at 28 the
// 团支书 confirms from a button (never the bot alone), dues stop with the leaving month and the member gets a record
// of their League years; officers past 28 are listed to the committee; "我要退团" goes to the 团支书, nothing changes.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { owedMonths } from "../../../bot/features/dues/ledger.ts";
import { owedCountSql } from "../../../bot/features/dues/owed.ts";
import { stillActive } from "../../../bot/features/leaving/leaving-service.ts";
import { ageStage } from "../../../bot/features/leaving/rules.ts";
import { Prisma } from "../../../bot/infra/db.ts";
import { createLeavingProcessor } from "../../../workers/leaving/leaving-processor.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const shanghai = (day: string) => new Date(`${day}T10:00:00+08:00`);

const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
const otherBranch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-XH" } });
const wang = await chatAsMember(app, "201801000002", { platform: "telegram" }); // 团支书 of 2201
const chen = await chatAsMember(app, "201701000003", { platform: "telegram" }); // staff of the SCUT committee
const wu = await chatAsMember(app, "201801000010", { platform: "telegram" }); // staff elsewhere (Tianhe)
const liMing = await chatAsMember(app, "201901000001", { platform: "telegram" });

async function newMember(code: string, name: string, birth: string, options: { post?: boolean; orgId?: number } = {}) {
  const member = await db.member.create({
    data: {
      code,
      name,
      idHash: `hash-${code}`,
      idLast4: "1234",
      birthDate: new Date(`${birth}T00:00:00Z`),
      joinedAt: new Date("2017-05-04T00:00:00Z"),
      duesCategory: "STUDENT",
      hasLeaguePost: options.post ?? false,
      orgId: options.orgId ?? branch.id,
    },
  });
  return { member, chat: (await bind(member.id, code)).chat };
}
async function bind(memberId: number, code: string) {
  const userId = `tg-${code}`;
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: userId, chatId: userId, memberId, boundAt: app.clock.now },
  });
  return { chat: chatAs(app.core, userId, "telegram") };
}

// Turns 28 on 2027-02-10: inside the notice period on the suite's day (2026-11-18).
const zhao = await newMember("201705000101", "赵晓", "1999-02-10");
// Turns 28 on 2027-05-01: not yet.
const qian = await newMember("201705000102", "钱多", "1999-05-01");
// 28 already, with a league post: the committee is told, never the leaving button.
const sun = await newMember("201705000103", "孙官", "1998-10-01", { post: true });

async function runDaily(day: string) {
  app.clock.set(shanghai(day));
  const job = {
    data: { task: "daily" } as JobData<"leaving">,
    async updateData(next: JobData<"leaving">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"leaving">>;
  return createLeavingProcessor(app.deps, { batch: 3 })(job);
}
const rows = (messageKey: string, memberId?: number) =>
  db.outboxMessage.findMany({
    where: { messageKey, ...(memberId ? { args: { path: ["memberId"], equals: memberId } } : {}) },
    include: { identity: true },
    orderBy: { id: "asc" },
  });
const render = (row: { messageKey: string; args: unknown }, locale: "zh-CN" | "en" = "zh-CN") =>
  i18n.t(locale, row.messageKey, row.args as Record<string, string>);

describe("the rules", () => {
  it("notices from three months before 28, then due, or post with a league post", () => {
    const birth = { year: 1999, month: 2, day: 10 };
    expect(ageStage(birth, { year: 2026, month: 11, day: 9 }, false)).toBeNull();
    expect(ageStage(birth, { year: 2026, month: 11, day: 10 }, false)?.kind).toBe("notice");
    expect(ageStage(birth, { year: 2027, month: 2, day: 9 }, false)?.kind).toBe("notice");
    expect(ageStage(birth, { year: 2027, month: 2, day: 10 }, false)?.kind).toBe("due");
    expect(ageStage(birth, { year: 2027, month: 2, day: 9 }, true)).toBeNull();
    expect(ageStage(birth, { year: 2027, month: 2, day: 10 }, true)?.kind).toBe("post");
    // 29 February: 28 on 1 March in a common year.
    expect(ageStage({ year: 2000, month: 2, day: 29 }, { year: 2028, month: 2, day: 28 }, false)?.kind).toBe("notice");
    expect(ageStage({ year: 2000, month: 2, day: 29 }, { year: 2028, month: 2, day: 29 }, false)?.kind).toBe("due");
  });
});

describe("超龄离团", () => {
  it("tells the member and their 团支书 three months ahead, once, and the committee about an officer past 28", async () => {
    await runDaily("2026-11-18");
    const [toZhao] = await rows("leaving-age-notice-member", zhao.member.id);
    expect(toZhao!.identity.memberId).toBe(zhao.member.id);
    expect(toZhao!.urgent).toBe(false); // waits out quiet hours
    expect(render(toZhao!)).toContain("赵晓，你将于 2027-02-10 年满 28 周岁");
    expect(render(toZhao!)).toContain("由你的团支书（王芳）确认离团");
    expect(render(toZhao!, "en")).toContain("you turn 28 on 2027-02-10");
    const toLeader = await rows("leaving-age-notice-leader", zhao.member.id);
    expect(toLeader.map((r) => r.identity.memberId)).toEqual([wang.member.id]);
    expect(render(toLeader[0]!)).toBe(
      `⏳ 超龄提醒：${branch.name} 的团员 赵晓（2017****0101）将于 2027-02-10 年满 28 周岁。届时我会请你确认离团（不会自动办理）；已告知本人。`,
    );
    expect(await rows("leaving-age-notice-member", qian.member.id)).toEqual([]);
    const post = await rows("leaving-age-post-committee", sun.member.id);
    expect(post.map((r) => r.identity.memberId)).toEqual([chen.member.id]);
    expect(await rows("leaving-age-due-leader", sun.member.id)).toEqual([]);

    // The same day again, and the following days: said once (seeded members reaching the window get their own).
    const ours = () =>
      db.outboxMessage.count({
        where: { OR: [zhao, qian, sun].map((m) => ({ args: { path: ["memberId"], equals: m.member.id } })) },
      });
    const before = await ours();
    expect(before).toBe(3);
    await runDaily("2026-11-18");
    await runDaily("2026-11-19");
    await runDaily("2027-01-31");
    expect(await ours()).toBe(before);
    // 钱多's notice period starts three months before 1 May.
    await runDaily("2027-02-01");
    expect((await rows("leaving-age-notice-member", qian.member.id)).map((r) => r.identity.memberId)).toEqual([
      qian.member.id,
    ]);
    await runDaily("2027-02-09");
    expect(await ours()).toBe(before + 2);
    expect(await rows("leaving-age-due-leader", zhao.member.id)).toEqual([]);
  });

  it("asks the 团支书 to confirm on the 28th birthday, with a button; nothing changes by itself", async () => {
    await runDaily("2027-02-10");
    const due = await rows("leaving-age-due-leader", zhao.member.id);
    expect(due.map((r) => r.identity.memberId)).toEqual([wang.member.id]);
    expect(due[0]!.buttons).toEqual([
      [{ labelKey: "leaving-button-confirm", payload: `leave-confirm:${zhao.member.id}` }],
    ]);
    await runDaily("2027-02-11");
    expect(await rows("leaving-age-due-leader", zhao.member.id)).toHaveLength(1);
    expect((await db.member.findUniqueOrThrow({ where: { id: zhao.member.id } })).status).toBe("ACTIVE");
  });

  it("refuses the button outside the leader's scope, to the member themselves and to oneself", async () => {
    const [outside] = await wu.chat.press(`leave-confirm:${zhao.member.id}`);
    expect(outside!.text).toBe("找不到这名团员，或不在你的管辖范围内。");
    const [self] = await zhao.chat.press(`leave-confirm:${zhao.member.id}`);
    expect(self!.text).toBe(outside!.text);
    const [own] = await wang.chat.press(`leave-confirm:${wang.member.id}`);
    expect(own!.text).toBe("不能确认自己的离团，请由上级组织办理。");
    const [early] = await wang.chat.press(`leave-confirm:${qian.member.id}`);
    expect(early!.text).toBe("钱多 目前不满足超龄离团条件（未满 28 周岁或担任团内职务），没有做任何更改。");
    const [officer] = await chen.chat.press(`leave-confirm:${sun.member.id}`);
    expect(officer!.text).toBe("孙官 目前不满足超龄离团条件（未满 28 周岁或担任团内职务），没有做任何更改。");
    expect(await db.member.count({ where: { status: "LEFT" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "leaving.denied" } })).toBe(3);
  });

  it("confirms: status LEFT, dues stop after the leaving month, a farewell with the League years; a second tap changes nothing", async () => {
    const owedBefore = (await owedMonths(db, zhao.member.id, app.clock.now)).months.length;
    const [reply] = await wang.chat.press(`leave-confirm:${zhao.member.id}`);
    expect(reply!.text).toBe(
      "已确认 赵晓 离团：团籍状态改为“已离团”，团费不再计算，已向本人发送告别消息。此操作已记录。",
    );
    const left = await db.member.findUniqueOrThrow({ where: { id: zhao.member.id } });
    expect(left.status).toBe("LEFT");
    expect(left.leftOn).toEqual(new Date("2027-02-11T00:00:00Z")); // the day after the button came
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "leaving.confirm" } });
    expect(audit).toMatchObject({ actorId: wang.member.id, targetId: String(zhao.member.id), orgId: branch.id });

    const [farewell] = await rows("leaving-farewell");
    expect(farewell!.identity.memberId).toBe(zhao.member.id);
    expect(render(farewell!)).toBe(
      [
        "🎓 赵晓，感谢你在共青团的 9 年！",
        "入团：2017-05-04",
        "离团：2027-02-11",
        "团龄：9 年",
        `所在组织：${branch.name}`,
        "你的团籍已转为“已离团”，团费已停止计算。祝你前程似锦，继续发光发热！",
      ].join("\n"),
    );
    expect(render(farewell!, "en")).toContain("thank you for your 9 years in the League!");

    // Three months on, nothing more is owed than in the leaving month — in the ledger and in the set-based count.
    app.clock.set(shanghai("2027-05-20"));
    expect((await owedMonths(db, zhao.member.id, app.clock.now)).months.length).toBe(owedBefore);
    const [sql] = await db.$queryRaw<{ owed: number }[]>(
      Prisma.sql`SELECT ${owedCountSql(202705)} AS owed FROM members m WHERE m.id = ${zhao.member.id}`,
    );
    expect(sql!.owed).toBe(owedBefore);
    // A member still in the league keeps owing month by month.
    const [stillIn] = await db.$queryRaw<{ owed: number }[]>(
      Prisma.sql`SELECT ${owedCountSql(202705)} - ${owedCountSql(202702)} AS owed FROM members m WHERE m.id = ${qian.member.id}`,
    );
    expect(stillIn!.owed).toBe(3);

    const [again] = await chen.chat.press(`leave-confirm:${zhao.member.id}`);
    expect(again!.text).toBe("赵晓 已不是在册团员，无需再次确认。");
    expect(await rows("leaving-farewell")).toHaveLength(1);
    // A notice still waiting for the morning is dropped at send time now that they have left.
    expect(await stillActive(db, { memberId: zhao.member.id })).toBe(false);
    expect(await stillActive(db, { memberId: qian.member.id })).toBe(true);
  });
});

describe("主动离团 / 退团", () => {
  it("asks first, then passes the request to the 团支书 with the member's words, and changes nothing", async () => {
    const [ask] = await liMing.chat.say("我要退团，毕业后不想继续了");
    expect(ask!.intent).toBe("leaving.request");
    expect(ask!.text).toBe(
      "离团/退团需要由团组织办理，团助不会自动处理。要把你的离团申请（连同你刚才的话）转告给你的团支书 王芳 吗？",
    );
    expect(ask!.buttons!.flat().map((b) => b.payload)).toEqual(["leave-request:send", "leave-request:cancel"]);
    expect(await rows("leaving-request-leader")).toEqual([]);

    const [reply] = await liMing.chat.press("leave-request:send");
    expect(reply!.text).toBe(
      "已把你的离团申请转告给 王芳，TA 会与你联系。团助不会自动办理，在支部确认前你的团籍不变。",
    );
    const [told] = await rows("leaving-request-leader");
    expect(told!.identity.memberId).toBe(wang.member.id);
    expect(render(told!)).toBe(
      `📨 离团申请：${branch.name} 的团员 李明（2019****0001）提出离团/退团。TA 的原话：“我要退团，毕业后不想继续了”。请与 TA 联系并按规定办理；团助不会自动更改团籍。`,
    );
    expect((await db.member.findUniqueOrThrow({ where: { id: liMing.member.id } })).status).toBe("ACTIVE");
    expect(await db.auditLog.count({ where: { action: "leaving.request", actorId: liMing.member.id } })).toBe(1);

    // A second tap sends nothing more.
    const [second] = await liMing.chat.press("leave-request:send");
    expect(second!.text).toBe("这个申请已处理或已过期。如需申请离团，请重新告诉我，例如“我要退团”。");
    expect(await rows("leaving-request-leader")).toHaveLength(1);
  });

  it("takes a typed answer, and a no tells nobody", async () => {
    expect((await liMing.chat.say("申请离团"))[0]!.intent).toBe("leaving.request");
    const [no] = await liMing.chat.say("先不了");
    expect(no!.text).toBe("好的，没有转告任何人，你的团籍不变。");
    // "算了" is everyone's cancel: the question closes, nobody is told.
    await liMing.chat.say("申请离团");
    expect((await liMing.chat.say("算了"))[0]!.text).toBe("已取消。");
    expect((await liMing.chat.press("leave-request:send"))[0]!.text).toContain("已处理或已过期");
    expect(await rows("leaving-request-leader")).toHaveLength(1);

    // Something else typed instead is answered as usual and sends nothing.
    await liMing.chat.say("我想退团");
    expect((await liMing.chat.say("我的团籍"))[0]!.intent).toBe("membership.status");
    expect(await rows("leaving-request-leader")).toHaveLength(1);

    await liMing.chat.press("lang:en");
    const [ask] = await liMing.chat.say("I want to leave the league");
    expect(ask!.text).toContain(
      "Shall I pass your request to leave (with what you just wrote) on to your branch secretary 王芳?",
    );
    const [en] = await liMing.chat.say("yes");
    expect(en!.text).toBe(
      "I passed your request to leave on to 王芳, who will contact you. Tuanzhu does not process it by itself: your membership stays as it is until your branch confirms.",
    );
    expect(await rows("leaving-request-leader")).toHaveLength(2);
  });

  it("answers why before anything is sent, keeps the question through another request, and takes 那就告诉吧", async () => {
    const before = (await rows("leaving-request-leader")).length;
    await liMing.chat.press("lang:zh-CN");
    await liMing.chat.say("我想退团");
    const [why] = await liMing.chat.say("为啥要告诉团支书");
    expect(why!.text).toContain("团籍的变动只能由团组织按规定办理");
    expect(why!.buttons!.flat().map((b) => b.payload)).toEqual(["leave-request:send", "leave-request:cancel"]);
    const [status, kept] = await liMing.chat.say("我的团籍");
    expect(status!.intent).toBe("membership.status");
    expect(kept!.text).toContain("刚才没办完的还在");
    const [unclear] = await liMing.chat.say("嗯……让我想想怎么说");
    expect(unclear!.text).toContain("点「转告团支书」或「先不了」");
    expect(await rows("leaving-request-leader")).toHaveLength(before);
    const [sent] = await liMing.chat.say("好吧 那就告诉吧");
    expect(sent!.text).toContain("已把你的离团申请转告给 王芳");
    expect(await rows("leaving-request-leader")).toHaveLength(before + 1);
  });

  it("says so when nobody can be told, and refuses someone who has already left", async () => {
    const lonely = await db.organisation.create({
      data: {
        code: "LONELY-1",
        name: "无人团支部",
        level: otherBranch.level,
        kind: otherBranch.kind,
        ancestorIds: [],
        depth: 0,
      },
    });
    await db.organisation.update({ where: { id: lonely.id }, data: { ancestorIds: [lonely.id] } });
    const alone = await newMember("202005000104", "周一", "2004-01-01", { orgId: lonely.id });
    const [nobody] = await alone.chat.say("我想退团");
    expect(nobody!.text).toBe(
      "你所在的组织暂时没有在团助上的团支书或团委工作人员，申请无法转达。请直接联系所在团组织。",
    );
    const [gone] = await zhao.chat.say("申请退团");
    expect(gone!.text).toBe("你的团籍状态已不是“正常”，无需申请离团。");
  });
});
