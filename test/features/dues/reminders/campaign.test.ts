// The monthly dues reminder: members who owe are reminded once (never twice, however often the month's campaign
// runs, and at most once a week); 3 months behind, the 团支书 hears of it; 6 months, the 团支书 and the parent
// committee get the 脱团-risk list. Nobody's status changes, and nothing goes out at night.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../../bot/core/queues.ts";
import { loadDues } from "../../../../bot/features/dues/dues-service.ts";
import { addMonths, monthOf } from "../../../../bot/features/dues/months.ts";
import { reminderDelivery } from "../../../../bot/features/dues/reminders/delivery.ts";
import { nextAllowedTime } from "../../../../workers/delivery/quiet-hours.ts";
import { renderRow } from "../../../../workers/delivery/render.ts";
import { createDuesProcessor } from "../../../../workers/dues/dues-processor.ts";
import { DUES_SCHEDULER_ID, upsertDuesSchedule } from "../../../../workers/dues/schedule.ts";
import { createTestApp } from "../../../helpers/test-app.ts";

const app = await createTestApp({ QUIET_HOURS_START: "22:00", QUIET_HOURS_END: "08:00", TZ: "Asia/Shanghai" });
const { db } = app.deps;
const month = monthOf(app.clock.now, app.config.TZ);

/** A Shanghai wall-clock time in the seeded month (the seed's arrears are counted to this month) or in `inMonth`. */
function shanghai(day: number, time: string, inMonth = month): Date {
  const y = Math.floor(inMonth / 100);
  const m = String(inMonth % 100).padStart(2, "0");
  return new Date(`${y}-${m}-${String(day).padStart(2, "0")}T${time}+08:00`);
}

async function bind(code: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  const identity = await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: `tg-${code}`, chatId: `tg-${code}`, memberId: member.id },
  });
  return { member, identity };
}

/** Runs a campaign job the way the worker would, small batches so several ranges and lanes are exercised. */
async function runCampaign(m = month) {
  const job = {
    data: { task: "campaign", month: m } as JobData<"dues">,
    async updateData(next: JobData<"dues">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"dues">>;
  await createDuesProcessor(app.deps, { memberBatch: 7, orgBatch: 3, lanes: 2 })(job);
  return job.data;
}

/** The highest outbox id among the first `count` rows. */
async function maxIdBefore(count: number): Promise<bigint> {
  const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" }, skip: count - 1, take: 1 });
  return rows[0]!.id;
}

const rowsFor = (identityId: number, messageKey: string) =>
  db.outboxMessage.findMany({ where: { identityId, messageKey }, orderBy: { id: "asc" } });

async function rendered(row: { messageKey: string; args: unknown; buttons: unknown }) {
  return (await renderRow(row, "zh-CN", app.deps, reminderDelivery[row.messageKey])).text;
}

// Members who owe (刘洋 4 months, 赵磊 7, 李明 this month only), some who do not, and the leaders above them.
const liu = await bind("202001000005");
const zhao = await bind("202101000006");
const li = await bind("201901000001");
const wang = await bind("201801000002");
const sun = await bind("201901000009"); // 团支书 of 星河科技 (刘洋's branch)
const wu = await bind("201801000010"); // 天河区团委 staff: the nearest committee above both 刘洋 and 赵磊
// 赵磊's 社区团支部 gets a 团支书 for the story.
const sp01 = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-SP-01" } });
const spSecretaryMember = await db.member.findFirstOrThrow({
  where: { orgId: sp01.id, NOT: { code: "202101000006" } },
  orderBy: { id: "asc" },
});
await db.roleAssignment.create({ data: { memberId: spSecretaryMember.id, orgId: sp01.id, role: "BRANCH_SECRETARY" } });
const spSecretary = await bind(spSecretaryMember.code);
// 何静 in the same branch has paid nothing for a year but checked in at an activity last month: behind with dues,
// yet not at 脱团 risk (that needs six months without organisational life too).
const active = await db.member.create({
  data: {
    code: "202401000099",
    name: "何静",
    idHash: "",
    idLast4: "1234",
    birthDate: new Date("2004-03-01"),
    joinedAt: new Date(Date.UTC(Math.floor(month / 100) - 1, (month % 100) - 1, 1)),
    duesCategory: "STUDENT",
    orgId: sp01.id,
    lastOrgLifeAt: new Date(shanghai(5, "10:00:00").getTime() - 30 * 86_400_000),
  },
});
// 孙静's reminder was sent three days ago by hand: the week is not over for her (she owes nothing anyway), nor
// for 李明, whose stamp is two days old.
await db.member.update({ where: { id: li.member.id }, data: { duesRemindedAt: shanghai(3, "10:00:00") } });

describe("the month's campaign", () => {
  it("reminds each member who owes, once, on each chat, with what they owe", async () => {
    app.clock.set(shanghai(5, "10:00:00"));
    const statuses = await db.member.groupBy({ by: ["status"], _count: true });
    await runCampaign();

    const [liuRow] = await rowsFor(liu.identity.id, "duesleaders-reminder");
    expect(liuRow).toMatchObject({
      status: "QUEUED",
      dedupeKey: `dues-reminder:${month}:member:${liu.member.id}:identity:${liu.identity.id}`,
    });
    expect(await rendered(liuRow!)).toBe(
      `【团费提醒】截至${Math.floor(month / 100)}年${month % 100}月，你有 4 个月的团费未交，共 80.00 元。欠缴已满 3 个月，团支书也会收到提醒，请尽快缴纳。`,
    );
    expect(liuRow!.buttons).toEqual([[{ labelKey: "duesleaders-button-my-dues", payload: "go:dues.status" }]]);
    const [zhaoRow] = await rowsFor(zhao.identity.id, "duesleaders-reminder");
    expect(await rendered(zhaoRow!)).toContain(
      "你有 7 个月的团费未交，共 1.40 元。欠缴已达 6 个月，按规定可能被视为自行脱团",
    );
    // Paid up, or reminded within the week: nothing.
    for (const person of [wang, sun, wu, li]) {
      expect(await rowsFor(person.identity.id, "duesleaders-reminder"), person.member.name).toEqual([]);
    }
    // The job went to the delivery queue.
    expect(await app.deps.queues["delivery-telegram"].getJob(`outbox-${liuRow!.id}`)).toBeDefined();
    const stamped = await db.member.findUniqueOrThrow({ where: { id: liu.member.id } });
    expect(stamped.duesRemindedAt).toEqual(shanghai(5, "10:00:00"));
    // Never a status change, whatever anyone owes.
    expect(await db.member.groupBy({ by: ["status"], _count: true })).toEqual(statuses);
  });

  it("tells the 团支书 of members 3+ months behind, marking those 6+ as 脱团 risk", async () => {
    const [toSun] = await rowsFor(sun.identity.id, "duesleaders-arrears-branch");
    const text = await rendered(toSun!);
    expect(text).toContain(
      "欠缴满 3 个月的团员 2 人（编号 姓名 欠缴月数）：\n202001000005 刘洋 4\n201700000216 何俊杰 3",
    );
    expect(text).not.toContain("脱团风险的团员");
    expect(text).toContain("系统不会自动变更团籍");

    const [toSp] = await rowsFor(spSecretary.identity.id, "duesleaders-arrears-branch");
    expect(await rendered(toSp!)).toMatch(
      /有自行脱团风险的团员 \d+ 人（编号 姓名 欠缴月数）：\n(.+\n)*202101000006 赵磊 7/,
    );
  });

  it("sends the parent committee the list of members 6+ months behind below it", async () => {
    // Worked out member by member with the dues service, independently of the campaign's SQL.
    const th = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH" } });
    const below = await db.member.findMany({
      where: { status: "ACTIVE", org: { ancestorIds: { has: th.id } } },
      include: { org: true },
    });
    const expected: string[] = [];
    for (const m of below) {
      const dues = await loadDues(db, m, app.clock.now, app.config.TZ);
      const recentLife = m.lastOrgLifeAt && m.lastOrgLifeAt.getTime() > app.clock.now.getTime() - 182 * 86_400_000;
      const owed = dues.position.owedMonths.length;
      if (owed >= 6 && !recentLife) expected.push(`${m.code} ${m.name} ${owed} ${m.org.name}`);
    }
    expect(expected.length).toBeGreaterThanOrEqual(1);

    const [toWu] = await rowsFor(wu.identity.id, "duesleaders-risk-committee");
    const text = await rendered(toWu!);
    expect(text).toContain(`下级团支部有 ${expected.length} 名团员欠缴团费满 6 个月`);
    const listed = text.split("\n").slice(1, 1 + expected.length);
    expect(listed.sort()).toEqual(expected.sort());
    expect(listed.some((l) => l.startsWith("202101000006 赵磊 7 石牌街道社区团支部"))).toBe(true);
  });

  it("lists a member behind with dues but with recent organisational life as behind, not at risk", async () => {
    const [toWu] = await rowsFor(wu.identity.id, "duesleaders-risk-committee");
    expect(await rendered(toWu!)).not.toContain(active.code);
    const [toSp] = await rowsFor(spSecretary.identity.id, "duesleaders-arrears-branch");
    const text = await rendered(toSp!);
    const [behind, risk] = text.split("有自行脱团风险的团员");
    expect(behind).toContain(`${active.code} 何静 13`);
    expect(risk).not.toContain(active.code);
  });

  it("sends nothing twice when the month's campaign runs again, even with the weekly stamps gone", async () => {
    const before = await db.outboxMessage.count();
    await runCampaign();
    expect(await db.outboxMessage.count()).toBe(before);
    // With every stamp gone, only 李明 (held back by his week) is reminded now; nobody gets a second copy.
    await db.member.updateMany({ data: { duesRemindedAt: null } });
    await runCampaign();
    const added = await db.outboxMessage.findMany({ where: { id: { gt: await maxIdBefore(before) } } });
    expect(added.map((r) => [r.identityId, r.messageKey])).toEqual([[li.identity.id, "duesleaders-reminder"]]);
  });

  it("resumes a retried job after its cursor, in the phase it reached", async () => {
    const data = await runCampaign();
    expect(data).toMatchObject({ task: "campaign", phase: "orgs" });
    const lastOrg = await db.organisation.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((data as { cursor: number }).cursor).toBe(lastOrg.id);
  });
});

describe("the week and the night", () => {
  it("reminds a member at most once a week, across campaigns", async () => {
    await db.member.updateMany({ data: { duesRemindedAt: shanghai(5, "10:00:00") } });
    app.clock.set(shanghai(10, "10:00:00"));
    await runCampaign(addMonths(month, 1));
    expect(await rowsFor(liu.identity.id, "duesleaders-reminder")).toHaveLength(1);
    // Not reminded again within the week, yet on his 团支书's list for the new month all the same.
    const [list] = (await rowsFor(sun.identity.id, "duesleaders-arrears-branch")).slice(-1);
    expect(list!.args).toMatchObject({ month: addMonths(month, 1) });
    expect(await rendered(list!)).toContain("202001000005 刘洋 5");
    app.clock.set(shanghai(12, "10:00:00"));
    await runCampaign(addMonths(month, 1));
    expect(await rowsFor(liu.identity.id, "duesleaders-reminder")).toHaveLength(2);
  });

  it("holds what a campaign writes at 23:00 until 08:00", async () => {
    app.clock.set(shanghai(20, "23:00:00"));
    await runCampaign(addMonths(month, 2));
    const rows = await rowsFor(liu.identity.id, "duesleaders-reminder");
    expect(rows).toHaveLength(3);
    const morning = new Date(shanghai(20, "08:00:00").getTime() + 24 * 3_600_000);
    expect(rows[2]!.notBefore).toEqual(morning);
    expect(nextAllowedTime(app.clock.now, { start: "22:00", end: "08:00" }, "Asia/Shanghai")).toEqual(morning);
    const [risk] = (await rowsFor(wu.identity.id, "duesleaders-risk-committee")).slice(-1);
    expect(risk!.notBefore).toEqual(morning);
    expect(risk!.urgent).toBe(false);
  });
});

describe("what the leaders' lists are built from", () => {
  it("keeps the month's members 3+ months behind as the dues service counts them, and no other month's", async () => {
    const later = addMonths(month, 3);
    app.clock.set(shanghai(5, "10:00:00", later));
    await runCampaign(later);

    const expected: string[] = [];
    for (const m of await db.member.findMany({ where: { status: "ACTIVE" } })) {
      const owed = (await loadDues(db, m, app.clock.now, app.config.TZ)).position.owedMonths.length;
      const recentLife = !!m.lastOrgLifeAt && m.lastOrgLifeAt.getTime() > app.clock.now.getTime() - 182 * 86_400_000;
      if (owed >= 3) expected.push(`${later} ${m.id} ${m.orgId} ${owed} ${recentLife}`);
    }
    const kept = await db.duesArrear.findMany();
    expect(kept.map((a) => `${a.month} ${a.memberId} ${a.orgId} ${a.owed} ${a.recentLife}`).sort()).toEqual(
      expected.sort(),
    );
  });
});

describe("the schedule", () => {
  it("runs on the configured day and hour in the configured zone, and queues one campaign per month", async () => {
    await upsertDuesSchedule(app.deps.queues, { DUES_REMINDER_DAY: 5, DUES_REMINDER_HOUR: 10, TZ: "Asia/Shanghai" });
    const scheduler = await app.deps.queues.dues.getJobScheduler(DUES_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: "0 10 5 * *", tz: "Asia/Shanghai" });

    app.clock.set(shanghai(5, "10:00:00"));
    const monthly = { data: { task: "monthly" } } as Job<JobData<"dues">>;
    const process = createDuesProcessor(app.deps);
    await process(monthly);
    await process(monthly);
    const jobs = await app.deps.queues.dues.getJobs(["waiting", "delayed", "prioritized"]);
    const campaigns = jobs.filter((j) => j.data.task === "campaign");
    expect(campaigns.map((j) => [j.id, j.data])).toEqual([[`dues-reminder-${month}`, { task: "campaign", month }]]);
  });
});
