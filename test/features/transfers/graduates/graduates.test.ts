// Graduate season: a committee marks which branches graduate when; graduates who have not started a transfer are
// reminded before the start deadline, those not done before the completion deadline, each reminder once; the
// committee sees per branch how many have not started, are waiting, or are done.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../../bot/core/queues.ts";
import { createOrganisation } from "../../../../bot/features/orgs/org-service.ts";
import { renderRow } from "../../../../workers/delivery/render.ts";
import { createGraduatesProcessor } from "../../../../workers/graduates/graduates-processor.ts";
import { chatAs } from "../../../helpers/chat.ts";
import { createTestApp } from "../../../helpers/test-app.ts";

const app = await createTestApp({ TZ: "Asia/Shanghai" });
const { db } = app.deps;
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const cs2201 = await org("GD-GZ-SCUT-CS-2201");
const cs2202 = await org("GD-GZ-SCUT-CS-2202");
const ee2301 = await org("GD-GZ-SCUT-EE-2301");
const m26 = await org("GD-GZ-SYSU-CS-M26");
const xinghe = await org("GD-GZ-TH-XH");
const sysu = await org("GD-GZ-SYSU");

async function bindAs(code: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  const identity = await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: `tg-${code}`,
      chatId: `tg-${code}`,
      memberId: member.id,
      boundAt: new Date(),
    },
  });
  return { member, identity, chat: chatAs(app.core, `tg-${code}`, "telegram") };
}

const chen = await bindAs("201701000003"); // 华南理工大学团委 staff (branches 2201, 2202, 2301 below)
const wang = await bindAs("201801000002"); // 团支书 of 计科2022级1班 (2201)
const liMing = await bindAs("201901000001"); // member of 2201
const huang = await bindAs("202201000007"); // member of 2201
const sun = await bindAs("201901000009"); // 团支书 of 星河科技 (no graduation date)

const shanghai = (day: string, time = "10:00:00") => new Date(`${day}T${time}+08:00`);
const graduatesOn = async (id: number) =>
  (await db.organisation.findUniqueOrThrow({ where: { id } })).graduatesOn?.toISOString().slice(0, 10) ?? null;

describe("marking a branch's graduation date", () => {
  it("committee staff choose one of their branches and type the date; it is stored and audited", async () => {
    app.clock.set(shanghai("2027-03-01"));
    const [choose] = await chen.chat.say("/graduation");
    expect(choose!.text).toContain("为哪个团支部设置毕业时间");
    const payloads = choose!.buttons!.flat().map((b) => b.payload);
    expect(payloads.sort()).toEqual([cs2201.id, cs2202.id, ee2301.id].map((id) => `grad-branch:${id}`).sort());

    const [ask] = await chen.chat.press(`grad-branch:${cs2201.id}`);
    expect(ask!.text).toContain("计科2022级1班团支部 的毕业时间（目前：未设置）");
    const [set] = await chen.chat.say("2027年6月30日");
    expect(set!.text).toContain("已将 计科2022级1班团支部 的毕业时间设为 2027年6月30日");
    expect(await graduatesOn(cs2201.id)).toBe("2027-06-30");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "graduates.date-set", orgId: cs2201.id } });
    expect(audit).toMatchObject({ actorId: chen.member.id, data: { from: null, to: "2027-06-30" } });
  });

  it("refuses a date it cannot read, stores nothing, and takes a good one after", async () => {
    await chen.chat.say("/graduation");
    await chen.chat.press(`grad-branch:${cs2202.id}`);
    for (const bad of ["2027-02-30", "明年夏天", "2099-06-30"]) {
      const [refused] = await chen.chat.say(bad);
      expect(refused!.text).toContain("没看懂这个日期，未做任何修改");
    }
    expect(await graduatesOn(cs2202.id)).toBeNull();
    await chen.chat.say("2027/7/1");
    expect(await graduatesOn(cs2202.id)).toBe("2027-07-01");
  });

  it("a 团支书 marks their own branch directly; nobody marks outside their scope; members may not", async () => {
    const [ask] = await wang.chat.say("/graduation");
    expect(ask!.text).toContain("计科2022级1班团支部 的毕业时间（目前：2027年6月30日）");
    await wang.chat.say("2027-06-30");

    const before = await graduatesOn(xinghe.id);
    await chen.chat.say("/graduation");
    const [denied] = await chen.chat.press(`grad-branch:${xinghe.id}`);
    expect(denied!.text).toContain("不在你的管理范围内");
    expect(await graduatesOn(xinghe.id)).toBe(before);
    expect(await db.auditLog.count({ where: { action: "graduates.denied", actorId: chen.member.id } })).toBe(1);

    const [refused] = await liMing.chat.say("/graduation");
    expect(refused!.text).toContain("只有团委工作人员和团支书可以设置毕业时间");
  });

  it("with many branches, a committee types part of a name and gets only its own branches", async () => {
    // 中山大学团委 staff for the story, with a dozen more class branches; 华南理工's look-alike is outside the scope.
    const staff = await bindAs("201601234567");
    await db.roleAssignment.create({ data: { memberId: staff.member.id, orgId: sysu.id, role: "COMMITTEE_STAFF" } });
    const college = await org("GD-GZ-SYSU-CS");
    for (let i = 1; i <= 12; i++) {
      await createOrganisation(db, {
        code: `T-SYSU-${i}`,
        name: `软件2024级${i}班团支部`,
        level: "BRANCH",
        kind: "SCHOOL",
        parentId: college.id,
      });
    }
    await createOrganisation(db, {
      code: "T-SCUT-RJ",
      name: "软件2024级7班团支部（华工）",
      level: "BRANCH",
      kind: "SCHOOL",
      parentId: ee2301.parentId,
    });
    const [find] = await staff.chat.say("/graduation");
    expect(find!.text).toContain("请输入团支部名称的一部分");
    const [offer] = await staff.chat.say("软件2024级7班");
    const labels = offer!.buttons!.flat().map((b) => b.label);
    expect(labels).toContain("软件2024级7班团支部");
    expect(labels).not.toContain("软件2024级7班团支部（华工）");
    const seven = await org("T-SYSU-7");
    await staff.chat.press(`grad-branch:${seven.id}`);
    await staff.chat.say("2027-06-20");
    expect(await graduatesOn(seven.id)).toBe("2027-06-20");
    const [nothing] = await (await bindAs("201801000010")).chat.say("/graduation");
    expect(nothing!.buttons!.flat().map((b) => b.payload)).not.toContain(`grad-branch:${seven.id}`);
  });

  it("understands the request in words", async () => {
    expect((await chen.chat.say("设置毕业时间"))[0]!.intent).toBe("graduates.mark");
    await chen.chat.say("取消");
    expect((await chen.chat.say("毕业生转接进度"))[0]!.intent).toBe("graduates.progress");
  });
});

/** A transfer row made by hand: the counts read only status, branch and dates. */
async function transfer(
  memberId: number,
  fromOrgId: number,
  status: "IN_PROGRESS" | "COMPLETED" | "CANCELLED",
  createdAt: Date,
) {
  await db.transferRequest.create({
    data: {
      memberId,
      fromOrgId,
      toOrgId: sysu.id,
      reason: "FURTHER_STUDY",
      status,
      initiatedById: memberId,
      createdAt,
      ...(status === "IN_PROGRESS" ? {} : { closedAt: createdAt }),
    },
  });
}

describe("the season's progress per branch", () => {
  it("counts not started, waiting and done graduates of each branch graduating this season", async () => {
    // 李明 is waiting; 黄丽 cancelled hers (not started again); one of 2202 finished and has moved on; an older
    // completed transfer out of 2202 (last season) does not count; M26 graduates next year: not this season.
    await transfer(liMing.member.id, cs2201.id, "IN_PROGRESS", shanghai("2027-03-02"));
    await transfer(huang.member.id, cs2201.id, "CANCELLED", shanghai("2027-03-02"));
    const leaver = await db.member.findFirstOrThrow({
      where: { orgId: cs2202.id, status: "ACTIVE", NOT: { id: chen.member.id } },
    });
    await transfer(leaver.id, cs2202.id, "COMPLETED", shanghai("2027-03-05"));
    await db.member.update({ where: { id: leaver.id }, data: { orgId: m26.id } });
    await transfer(chen.member.id, cs2202.id, "COMPLETED", shanghai("2026-06-01"));
    await db.organisation.update({ where: { id: m26.id }, data: { graduatesOn: new Date("2028-06-30") } });

    const in2201 = await db.member.count({ where: { orgId: cs2201.id, status: "ACTIVE" } });
    const in2202 = await db.member.count({ where: { orgId: cs2202.id, status: "ACTIVE" } });
    const [progress] = await chen.chat.say("/graduates");
    expect(progress!.text).toContain(
      "2027 届毕业生组织关系转接进度（发起截止 2027年6月30日，办结截止 2027年11月30日）",
    );
    expect(progress!.text).toContain(
      `计科2022级1班团支部（2027年6月30日 毕业）：未发起 ${in2201 - 1} 人，办理中 1 人，已办结 0 人`,
    );
    expect(progress!.text).toContain(
      `计科2022级2班团支部（2027年7月1日 毕业）：未发起 ${in2202} 人，办理中 0 人，已办结 1 人`,
    );
    expect(progress!.text).not.toContain("电信2023级1班");
    // Names, not only counts: who in 2201 has not started (黄丽, whose transfer was cancelled; not 李明, waiting).
    const lines = progress!.text.split("\n");
    const after2201 = lines[lines.findIndex((l) => l.includes("计科2022级1班团支部（")) + 1]!;
    expect(after2201).toMatch(/^ {2}未发起：/);
    expect(after2201).toContain("黄丽");
    expect(after2201).not.toContain("李明");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "graduates.progress", actorId: chen.member.id },
      orderBy: { id: "desc" },
    });
    expect((audit.data as { named: number[] }).named).toContain(cs2201.id);

    const [others] = await sun.chat.say("/graduates");
    expect(others!.text).toContain("你的组织下还没有团支部设置毕业时间");
  });
});

/** Runs the daily job the way the worker would, in small batches. */
async function runDaily(day: string) {
  app.clock.set(shanghai(day));
  const job = {
    data: { task: "daily" } as JobData<"graduates">,
    async updateData(next: JobData<"graduates">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"graduates">>;
  return createGraduatesProcessor(app.deps, { batch: 2 })(job);
}

const reminders = (messageKey: string) =>
  db.outboxMessage.findMany({ where: { messageKey }, include: { identity: true }, orderBy: { id: "asc" } });
const recipients = async (messageKey: string) =>
  (await reminders(messageKey)).map((r) => r.identity.memberId).sort((a, b) => a! - b!);

describe("reminders", () => {
  it("say nothing until 14 days before the start deadline", async () => {
    await runDaily("2027-06-15");
    expect(await reminders("graduates-remind-start")).toEqual([]);
  });

  it("14 days before, remind the bound graduates with nothing under way, once however often the day runs", async () => {
    await runDaily("2027-06-16");
    // 陈刚 is a member of 2202 himself (graduating 7月1日) with nothing under way: he is reminded too.
    const expected = [wang.member.id, huang.member.id, chen.member.id].sort((a, b) => a - b);
    expect(await recipients("graduates-remind-start")).toEqual(expected);
    const [row] = await reminders("graduates-remind-start");
    expect(row!.args).toMatchObject({ branch: "计科2022级1班团支部", deadline: "2027-06-30", days: 14 });
    expect(row!.urgent).toBe(false);
    const { text } = await renderRow(row!, "zh-CN", app.deps, undefined);
    expect(text).toContain("请在 2027-06-30 前发起组织关系转接（还剩 14 天）");
    expect(row!.buttons).toEqual([[{ labelKey: "graduates-start-transfer", payload: "go:transfer.start" }]]);

    await runDaily("2027-06-16");
    await runDaily("2027-06-17");
    expect(await recipients("graduates-remind-start")).toEqual(expected);
  });

  it("3 days before, the second reminder; never to 李明, whose transfer is under way, nor outside the season", async () => {
    await runDaily("2027-06-27");
    const rows = await reminders("graduates-remind-start");
    expect(
      rows
        .filter((r) => (r.args as { days: number }).days === 3)
        .map((r) => r.identity.memberId)
        .sort(),
    ).toEqual([wang.member.id, huang.member.id, chen.member.id].sort());
    const all = await recipients("graduates-remind-start");
    expect(all).not.toContain(liMing.member.id);
    expect(all).not.toContain(sun.member.id);
    await runDaily("2027-06-28");
    expect(await reminders("graduates-remind-start")).toHaveLength(rows.length);
  });

  it("before the completion deadline, everyone still in a graduating branch, the waiting ones too", async () => {
    await runDaily("2027-11-16");
    expect(await recipients("graduates-remind-complete")).toEqual(
      [wang.member.id, liMing.member.id, huang.member.id, chen.member.id].sort((a, b) => a - b),
    );
    const liRow = (await reminders("graduates-remind-complete")).find((r) => r.identity.memberId === liMing.member.id);
    expect(liRow!.buttons).toEqual([[{ labelKey: "graduates-transfer-status", payload: "go:transfer.status" }]]);
    await runDaily("2027-11-16");
    expect(await reminders("graduates-remind-complete")).toHaveLength(4);
  });
});
