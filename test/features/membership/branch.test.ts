// /branch: a leader's roster summary of their subtree, and one member's record looked up only inside it.
// Every look-up, allowed or refused, lands in the audit log; a refusal never tells whether the person exists.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf, monthOfDay } from "../../../bot/features/dues/months.ts";
import { monthsOwed } from "../../../bot/features/dues/owed.ts";
import { createTestApp, type TestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "./member-chat.ts";

const app = await createTestApp();
const db = app.deps.db;
const current = monthOf(app.clock.now, app.config.TZ);
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const member = (code: string) => db.member.findUniqueOrThrow({ where: { code } });
const lookups = () => db.auditLog.findMany({ where: { action: "membership.lookup" }, orderBy: { id: "asc" } });
const lastLookup = async () => (await lookups()).at(-1)!;

/** The roster numbers worked out member by member, independently of the SQL the bot uses. */
async function expectedRoster(app: TestApp, orgId: number) {
  const members = await app.deps.db.member.findMany({
    where: { status: "ACTIVE", org: { ancestorIds: { has: orgId } } },
    include: { duesMonths: { select: { month: true } }, identities: { select: { id: true } } },
  });
  const owed = members.map(
    (m) =>
      monthsOwed(
        monthOfDay(m.joinedAt),
        current,
        m.duesMonths.map((d) => d.month),
      ).length,
  );
  const bound = members.filter((m) => m.identities.length > 0).length;
  return {
    members: members.length,
    bound,
    unbound: members.length - bound,
    owing3: owed.filter((n) => n >= 3).length,
    owing6: owed.filter((n) => n >= 6).length,
  };
}

async function unpay(code: string, months: number) {
  const m = await member(code);
  await db.duesMonth.deleteMany({ where: { memberId: m.id, month: { gte: addMonths(current, -months) } } });
}

const wangFang = await chatAsMember(app, "201801000002");
const liMing = await chatAsMember(app, "201901000001");
const chenGang = await chatAsMember(app, "201701000003");
const class1 = await org("GD-GZ-SCUT-CS-2201");
const scut = await org("GD-GZ-SCUT");

describe("a 团支书's roster", () => {
  it("counts 王芳's branch the way the database does, bound chats and arrears included", async () => {
    await unpay("201901000001", 7); // 李明: seven months before this one and this one unpaid: eight owed
    await unpay("202201000007", 3); // 黄丽: four owed
    const expected = await expectedRoster(app, class1.id);
    // Two seeded classmates owe three months each (this one included), so four owe 3+.
    expect(expected).toMatchObject({ bound: 2, owing3: 4, owing6: 1 });
    expect(expected.members).toBe(await db.member.count({ where: { org: { ancestorIds: { has: class1.id } } } }));

    const [reply] = await wangFang.chat.say("/branch");
    expect(reply!.intent).toBe("membership.branch");
    expect(reply!.text).toContain("计科2022级1班团支部");
    expect(reply!.text).toContain(
      `团员 ${expected.members} 人：已绑定团助 ${expected.bound} 人，未绑定 ${expected.unbound} 人`,
    );
    expect(reply!.text).toContain("欠缴团费 3 个月及以上 4 人，其中 6 个月及以上 1 人");
    expect(reply!.text).toContain("发送团员姓名或 12 位团员编号");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "membership.roster" } });
    expect(audit).toMatchObject({ actorId: wangFang.member.id, orgId: class1.id });
  });

  it("names who is unbound and who owes, with a binding code one tap away and the 编号 in full", async () => {
    const huang = await member("202201000007");
    const unbound = await db.member.findMany({
      where: { status: "ACTIVE", orgId: class1.id, identities: { none: {} } },
      orderBy: { code: "asc" },
    });
    expect(unbound.map((m) => m.code)).toContain(huang.code);
    const [reply] = await wangFang.chat.say("/branch");
    const lines = reply!.text.split("\n");
    const unboundLine = lines.find((l) => l.startsWith("未绑定团助"))!;
    expect(unboundLine).toContain(`未绑定团助（${unbound.length} 人）：`);
    expect(unboundLine).toContain("黄丽 202201000007");
    expect(unboundLine).not.toContain("李明");
    // Most months first, as the summary counts them (李明 7, 黄丽 3).
    expect(lines).toContain("欠缴 3 个月及以上（2 人）：李明 7 个月、黄丽 3 个月");
    const codeButton = reply!.buttons!.flat().find((b) => b.label === "为黄丽生成绑定码")!;
    expect(codeButton.payload).toBe(`code-for:${huang.id}`);
    const roster = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.roster", actorId: wangFang.member.id },
      orderBy: { id: "desc" },
    });
    expect(roster.targetId!.split(",")).toEqual(expect.arrayContaining([String(huang.id), String(liMing.member.id)]));

    const [issued] = await wangFang.chat.press(codeButton.payload);
    expect(issued!.text).toContain("已为 黄丽（202201000007）生成绑定码");
    expect(await db.bindingCode.count({ where: { memberId: huang.id } })).toBe(1);
    // A forged button for someone outside 王芳's branch makes nothing.
    const liuYang = await member("202001000005");
    const [refused] = await wangFang.chat.press(`code-for:${liuYang.id}`);
    expect(refused!.text).toBe("没有找到这名团员，未生成绑定码。");
    expect(await db.bindingCode.count({ where: { memberId: liuYang.id } })).toBe(0);
    await wangFang.chat.say("/cancel");
  });

  it("answers the words 支部情况 and 花名册 with the same summary", async () => {
    for (const words of ["支部情况", "看下花名册"]) {
      const [reply] = await wangFang.chat.say(words);
      expect(reply!.intent).toBe("membership.branch");
      expect(reply!.text).toContain("计科2022级1班团支部");
    }
  });

  it("lets 王芳 look up 李明 by name after the summary, and audits it", async () => {
    await wangFang.chat.say("/branch");
    const [reply] = await wangFang.chat.say("李明");
    expect(reply!.intent).toBe("membership.branch");
    expect(reply!.text).toContain("团员 李明 的团籍信息（团干部查询，已记录）");
    expect(reply!.text).toContain("› 计科2022级1班团支部");
    expect(reply!.text).toContain("团员编号：2019****0001");
    expect(reply!.text).toContain("脱团风险：已有 8 个月未缴团费");
    expect(await lastLookup()).toMatchObject({
      actorId: wangFang.member.id,
      orgId: class1.id,
      targetType: "member",
      targetId: String(liMing.member.id),
      data: { outcome: "allowed", query: "李明" },
    });
    // The look-up closed the dialog: the next question is answered as usual.
    const [next] = await wangFang.chat.say("我的团籍");
    expect(next!.text).toContain("王芳 的团籍信息");
  });

  it("answers a question typed after the summary as that question, not as a name", async () => {
    await wangFang.chat.say("/branch");
    const before = (await lookups()).length;
    const [answer] = await wangFang.chat.say("我欠多少团费");
    expect(answer!.intent).toBe("dues.status");
    expect((await lookups()).length).toBe(before);
    // The look-up is closed: a name now is just text.
    expect((await wangFang.chat.say("李明"))[0]!.intent).toBe("unknown");
  });

  it("refuses 王芳 a member of the company branch exactly as it refuses someone who does not exist", async () => {
    const liuYang = await member("202001000005");
    const refused = await wangFang.chat.text("/branch 刘洋");
    const byCode = await wangFang.chat.text("/branch 202001000005");
    const nobody = await wangFang.chat.text("/branch 欧阳不存在");
    expect(refused).toBe("在你管辖的组织中没有找到「刘洋」。你只能查看本组织及下级组织的团员。");
    expect(byCode).toBe(refused.replace("刘洋", "202001000005"));
    expect(nobody).toBe(refused.replace("刘洋", "欧阳不存在"));
    const [denied, deniedByCode, notFound] = (await lookups()).slice(-3);
    expect(denied).toMatchObject({
      actorId: wangFang.member.id,
      orgId: class1.id,
      targetId: String(liuYang.id),
      data: { outcome: "denied", query: "刘洋" },
    });
    expect(deniedByCode).toMatchObject({ targetId: String(liuYang.id), data: { outcome: "denied" } });
    expect(notFound).toMatchObject({ targetId: null, data: { outcome: "not-found", query: "欧阳不存在" } });
  });

  it("refuses a forged pick button for someone outside the scope, and audits it", async () => {
    const liuYang = await member("202001000005");
    const [reply] = await wangFang.chat.press(`branch-member:${liuYang.id}`);
    expect(reply!.text).toContain("在你管辖的组织中没有找到这名团员");
    expect(await lastLookup()).toMatchObject({ targetId: String(liuYang.id), data: { outcome: "denied" } });
  });
});

describe("committee staff", () => {
  it("gives 陈刚 the whole university's roster", async () => {
    const expected = await expectedRoster(app, scut.id);
    const text = await chenGang.chat.text("/branch");
    expect(text).toContain("华南理工大学团委");
    expect(text).toContain(`团员 ${expected.members} 人：已绑定团助 ${expected.bound} 人`);
    expect(text).toContain(`欠缴团费 3 个月及以上 ${expected.owing3} 人，其中 6 个月及以上 ${expected.owing6} 人`);
  });

  it("lets 陈刚 look up 李明 by 编号 two levels down, audited against his committee", async () => {
    const text = await chenGang.chat.text("/branch 201901000001");
    expect(text).toContain("团员 李明 的团籍信息");
    expect(await lastLookup()).toMatchObject({
      actorId: chenGang.member.id,
      orgId: scut.id,
      targetId: String(liMing.member.id),
      data: { outcome: "allowed" },
    });
    expect(await chenGang.chat.text("/branch 刘洋")).toContain("没有找到「刘洋」");
  });

  it("asks which one when two members in scope share a name, and shows only namesakes in scope", async () => {
    const class2 = await org("GD-GZ-SCUT-CS-2202");
    const namesake = await db.member.create({
      data: {
        code: "202201009999",
        name: "李明",
        idHash: "test-hash",
        idLast4: "0000",
        birthDate: new Date("2004-09-01"),
        joinedAt: new Date("2022-05-04"),
        duesCategory: "STUDENT",
        orgId: class2.id,
      },
    });
    const [pick] = await chenGang.chat.say("/branch 李明");
    expect(pick!.text).toContain("有多位「李明」");
    const options = pick!.buttons!.flat();
    expect(options.map((b) => b.label)).toEqual([
      "李明 · 2019****0001 · 计科2022级1班团支部",
      "李明 · 2022****9999 · 计科2022级2班团支部",
    ]);
    const [chosen] = await chenGang.chat.say("2");
    expect(chosen!.text).toContain("团员编号：2022****9999");
    expect(await lastLookup()).toMatchObject({ targetId: String(namesake.id), data: { outcome: "allowed" } });
    // 王芳 sees only the 李明 of her own branch.
    expect(await wangFang.chat.text("/branch 李明")).toContain("团员编号：2019****0001");
  });
});

describe("an ordinary member", () => {
  it("is refused /branch, with or without a name, and each try is audited", async () => {
    // "谁是我们支部书记" means the same to the model; he is told whom to turn to.
    for (const ask of ["/branch", "花名册", "谁是我们支部书记"]) {
      const [reply] = await liMing.chat.say(ask);
      expect(reply!.intent, ask).toBe("membership.branch");
      expect(reply!.text).toBe(
        "你的团组织有事可以找团支书王芳（计科2022级1班团支部）。/branch 只对团支书、团委工作人员等团干部开放，你不能查看其他团员的信息。想看自己的团籍，请发送 /me。",
      );
    }
    const roster = await db.auditLog.findMany({ where: { action: "membership.roster", actorId: liMing.member.id } });
    expect(roster.map((r) => (r.data as { outcome: string }).outcome)).toEqual([
      "not-leader",
      "not-leader",
      "not-leader",
    ]);

    const beside = await liMing.chat.text("/branch 王芳");
    const nobody = await liMing.chat.text("/branch 欧阳不存在");
    expect(beside).toBe(nobody);
    const [first, second] = (await lookups()).slice(-2);
    expect(first).toMatchObject({
      actorId: liMing.member.id,
      orgId: null,
      targetId: String(wangFang.member.id),
      data: { outcome: "not-leader", query: "王芳" },
    });
    expect(second).toMatchObject({ actorId: liMing.member.id, targetId: null, data: { outcome: "not-leader" } });
  });
});
