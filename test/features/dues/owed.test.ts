// Owed months have one computation everywhere (bot/features/dues/owed.ts). Before, /dues said "欠缴 4 个月" beside
// a warning of 3, and a member owing exactly three months (this one included) was listed by /duesbranch but not
// counted by the /branch roster. Here the same members are read through every surface and must agree.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { addMonths, monthOf, monthOfDay } from "../../../bot/features/dues/months.ts";
import { arrearsLevel, monthsOwed, owedCountSql } from "../../../bot/features/dues/owed.ts";
import { reminderDelivery } from "../../../bot/features/dues/reminders/delivery.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createDuesProcessor } from "../../../workers/dues/dues-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const current = monthOf(app.clock.now, app.config.TZ);

describe("monthsOwed", () => {
  it("counts the unpaid months from joining through this month, this month included", () => {
    expect(monthsOwed(202605, 202611, [202605, 202606, 202607])).toEqual([202608, 202609, 202610, 202611]);
    expect(monthsOwed(202605, 202611, [202605, 202606, 202607, 202608, 202609, 202610, 202611, 202612])).toEqual([]);
    expect(monthsOwed(202611, 202611, [])).toEqual([202611]);
    expect(monthsOwed(202612, 202611, [])).toEqual([]);
    // A gap is owed even after later months were paid; months paid ahead never offset it.
    expect(monthsOwed(202607, 202611, [202607, 202609, 202610, 202611, 202612])).toEqual([202608]);
  });

  it("warns at 3 and flags 脱团 risk at 6 owed months", () => {
    expect([0, 2, 3, 5, 6, 9].map(arrearsLevel)).toEqual(["none", "none", "warn", "warn", "risk", "risk"]);
  });
});

describe("every surface counts owed months the same way", () => {
  const xh = db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-XH" } });

  /** Each active member of 星河科技's branch with their owed months, worked out here from the stored months. */
  async function expectedOwed() {
    const members = await db.member.findMany({
      where: { status: "ACTIVE", orgId: (await xh).id },
      include: { duesMonths: { select: { month: true } } },
      orderBy: { code: "asc" },
    });
    return members.map((m) => ({
      ...m,
      owed: monthsOwed(
        monthOfDay(m.joinedAt),
        current,
        m.duesMonths.map((d) => d.month),
      ).length,
    }));
  }

  it("agrees in SQL and in code for every seeded member", async () => {
    const sql = await db.$queryRaw<{ id: number; owed: number }[]>`
      SELECT m.id, ${owedCountSql(current)} AS owed FROM members m ORDER BY m.id`;
    const members = await db.member.findMany({ include: { duesMonths: true }, orderBy: { id: "asc" } });
    const inCode = members.map((m) => ({
      id: m.id,
      owed: monthsOwed(
        monthOfDay(m.joinedAt),
        current,
        m.duesMonths.map((d) => d.month),
      ).length,
    }));
    expect(sql).toEqual(inCode);
    expect(inCode.some((m) => m.owed >= 6)).toBe(true);
  });

  it("/me, /dues, /branch, /duesbranch and the reminder campaign give each member the same number", async () => {
    // A member of 刘洋's branch who owed nothing now owes exactly three months: the boundary that used to split.
    const paidUp = (await expectedOwed()).find((m) => m.owed === 0 && !["201901000009"].includes(m.code))!;
    await db.duesMonth.deleteMany({ where: { memberId: paidUp.id, month: { gte: addMonths(current, -2) } } });
    const people = (await expectedOwed()).filter((m) => m.owed > 0);
    expect(people.find((p) => p.id === paidUp.id)!.owed).toBe(3);
    expect(people.find((p) => p.code === "202001000005")!.owed).toBe(4);

    const chats = new Map<string, Awaited<ReturnType<typeof chatAsMember>>>();
    for (const p of people) chats.set(p.code, await chatAsMember(app, p.code));
    for (const p of people) {
      const chat = chats.get(p.code)!.chat;
      const me = await chat.text("/me");
      expect(me, p.name).toContain(`欠缴 ${p.owed} 个月`);
      const dues = await chat.text("/dues");
      expect(dues, p.name).toContain(`欠缴 ${p.owed} 个月`);
      if (p.owed >= 3) expect(me, p.name).toContain(`已有 ${p.owed} 个月未缴团费`);
      else expect(me, p.name).not.toContain("未缴团费");
    }

    const sun = await chatAsMember(app, "201901000009");
    const roster = await sun.chat.text("/branch");
    const owing3 = (await expectedOwed()).filter((m) => m.owed >= 3).length;
    const owing6 = (await expectedOwed()).filter((m) => m.owed >= 6).length;
    expect(owing3).toBeGreaterThanOrEqual(2);
    expect(roster).toContain(`欠缴团费 3 个月及以上 ${owing3} 人，其中 6 个月及以上 ${owing6} 人`);
    await sun.chat.say("/cancel");

    const [summary] = await sun.chat.say("/duesbranch");
    for (const p of people) {
      const line = summary!.text.split("\n").find((l) => l.startsWith(`${p.code} `));
      expect(line, p.name).toContain(`欠缴 ${p.owed} 个月`);
    }

    // The month's campaign: each member's reminder and the 团支书's list carry the same numbers.
    const job = {
      data: { task: "campaign", month: current } as JobData<"dues">,
      async updateData(next: JobData<"dues">) {
        job.data = next;
      },
    } as unknown as Job<JobData<"dues">>;
    await createDuesProcessor(app.deps, { memberBatch: 10, orgBatch: 5, lanes: 2 })(job);
    const render = (row: { messageKey: string; args: unknown; buttons: unknown }) =>
      renderRow(row, "zh-CN", app.deps, reminderDelivery[row.messageKey]);
    for (const p of people) {
      const [row] = await db.outboxMessage.findMany({
        where: { messageKey: "duesleaders-reminder", identity: { memberId: p.id } },
      });
      expect((await render(row!)).text, p.name).toContain(`你有 ${p.owed} 个月的团费未交`);
    }
    const [list] = await db.outboxMessage.findMany({
      where: { messageKey: "duesleaders-arrears-branch", identity: { memberId: sun.member.id } },
    });
    const listText = (await render(list!)).text;
    for (const p of people.filter((x) => x.owed >= 3)) expect(listText).toContain(`${p.code} ${p.name} ${p.owed}`);
    for (const p of people.filter((x) => x.owed < 3)) expect(listText).not.toContain(p.code);
  });
});
