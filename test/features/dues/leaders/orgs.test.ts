// A committee's organisations below it by dues collection this year, worst first, each over its whole subtree.
import { describe, expect, it } from "vitest";
import { loadDues } from "../../../../bot/features/dues/dues-service.ts";
import { collectionRate, yearWindow } from "../../../../bot/features/dues/leaders/rules.ts";
import { monthOf } from "../../../../bot/features/dues/months.ts";
import { createTestApp } from "../../../helpers/test-app.ts";
import { chatAsMember } from "../../membership/member-chat.ts";

const app = await createTestApp();
const { db } = app.deps;
const current = monthOf(app.clock.now, app.config.TZ);

/** Each child's rate worked out member by member with the dues service, independently of the SQL. */
async function expectedRates(parentCode: string) {
  const parent = await db.organisation.findUniqueOrThrow({ where: { code: parentCode } });
  const children = await db.organisation.findMany({ where: { parentId: parent.id } });
  const result: { name: string; rate: string; members: number; paid: number; due: number }[] = [];
  for (const child of children) {
    const members = await db.member.findMany({
      where: { status: "ACTIVE", org: { ancestorIds: { has: child.id } } },
      include: { duesMonths: true },
    });
    let due = 0;
    let paid = 0;
    for (const m of members) {
      const dues = await loadDues(db, m, app.clock.now, app.config.TZ);
      const window = yearWindow(dues.startMonth, current);
      due += window.due;
      paid += m.duesMonths.filter((d) => d.month >= window.from && d.month <= current).length;
    }
    result.push({ name: child.name, rate: collectionRate(paid, due) ?? "—", members: members.length, paid, due });
  }
  return result;
}

describe("/duesorgs", () => {
  it("shows 天河区团委 its organisations worst first, rolled up over each subtree", async () => {
    const { chat, member } = await chatAsMember(app, "201801000010");
    const [reply] = await chat.say("团费收缴率");
    expect(reply!.intent).toBe("duesleaders.orgs");
    const lines = reply!.text.split("\n");
    expect(lines[0]).toMatch(/^共青团广州市天河区委员会 下属组织 \d{4}年团费收缴率（截至\d+月，从低到高）：$/);

    const expected = await expectedRates("GD-GZ-TH");
    expect(lines).toHaveLength(1 + expected.length);
    const shown = lines.slice(1).map((l) => /^\d+\. (.+?)：(.+?)（(\d+) 人，已缴 (\d+)\/(\d+) 个月/.exec(l)!.slice(1));
    // Worst first.
    const rates = shown.map(([, , , paid, due]) => Number(paid) / Number(due));
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
    for (const e of expected) {
      expect(shown).toContainEqual([e.name, e.rate, String(e.members), String(e.paid), String(e.due)]);
    }
    // 石牌街道团工委 has no members of its own: its rate is its 社区团支部's, 赵磊 included.
    expect(shown.some(([name]) => name === "石牌街道团工委")).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: member.id, action: "duesleaders.orgs" } });
    expect(entry.data).toEqual({ outcome: "allowed" });
  });

  it("tells a 团支书 their branch has nothing below it", async () => {
    const { chat } = await chatAsMember(app, "201801000002");
    const [reply] = await chat.say("/duesorgs");
    expect(reply!.text).toBe("计科2022级1班团支部 没有下属组织。可以用 /duesbranch 查看本组织的收缴明细。");
  });

  it("refuses a member without a leader role, and an organisation outside the scope", async () => {
    const { chat } = await chatAsMember(app, "202001000005");
    expect((await chat.say("/duesorgs"))[0]!.text).toBe(
      "只有团支书、组织委员（团费收缴）、团委工作人员和管理员可以使用这个功能。",
    );
    const { chat: chen } = await chatAsMember(app, "201701000003");
    expect((await chen.say("/duesorgs GD-GZ-TH"))[0]!.text).toBe("在你的管理范围内没有找到「GD-GZ-TH」这个组织。");
  });
});
