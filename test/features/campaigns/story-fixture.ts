// A small committee of its own for the 团籍注册 stories, so every figure can be counted by hand: 测试大学团委 with
// branch A (团支书 钱芳 and three members) and branch B (two members, no 团支书 of its own: its members' answers go to
// the committee's staff 赵敏). 孙立 of B has no chat. 吴昊 (staff of Tianhe, seeded) is outside.
import { createOrganisation } from "../../../bot/features/orgs/org-service.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export async function registrationFixture(app: TestApp) {
  const { db } = app.deps;
  const gz = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ" } });
  const committee = await createOrganisation(db, {
    code: "T-UNI",
    name: "测试大学团委",
    level: "GRASSROOTS_COMMITTEE",
    kind: "SCHOOL",
    parentId: gz.id,
  });
  const a = await createOrganisation(db, {
    code: "T-UNI-A",
    name: "甲班团支部",
    level: "BRANCH",
    parentId: committee.id,
  });
  const b = await createOrganisation(db, {
    code: "T-UNI-B",
    name: "乙班团支部",
    level: "BRANCH",
    parentId: committee.id,
  });
  let n = 0;
  const person = async (name: string, orgId: number, extra: { joined?: string; orgLife?: string } = {}) => {
    n++;
    return db.member.create({
      data: {
        code: `20260900${String(n).padStart(4, "0")}`,
        name,
        idHash: `hash-t-${n}`,
        idLast4: "0000",
        birthDate: new Date("2004-03-01T00:00:00Z"),
        joinedAt: new Date(`${extra.joined ?? "2026-09-10"}T00:00:00Z`),
        duesCategory: "STUDENT",
        orgId,
        lastOrgLifeAt: extra.orgLife ? new Date(`${extra.orgLife}T10:00:00+08:00`) : null,
      },
    });
  };
  const zhao = await person("赵敏", committee.id);
  const qian = await person("钱芳", a.id, { orgLife: "2026-10-01" });
  // 周一 joined in November (owes this month only) and went to an activity this year; the others owe
  // September–November and have no check-in.
  const zhou = await person("周一", a.id, { joined: "2026-11-01", orgLife: "2026-06-01" });
  const zheng = await person("郑二", a.id);
  const feng = await person("冯三", a.id);
  const chu = await person("褚四", b.id);
  const sun = await person("孙立", b.id);
  await db.roleAssignment.createMany({
    data: [
      { memberId: zhao.id, orgId: committee.id, role: "COMMITTEE_STAFF" },
      { memberId: qian.id, orgId: a.id, role: "BRANCH_SECRETARY" },
    ],
  });
  const wu = await db.member.findUniqueOrThrow({ where: { code: "201801000010" } });
  return { committee, a, b, zhao, qian, zhou, zheng, feng, chu, sun, wu };
}
