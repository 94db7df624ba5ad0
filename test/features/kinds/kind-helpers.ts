// A branch of known people for the 教育评议 and 推优入党 stories: created under SCUT's 计科 团总支 with given birth
// dates, some bound to a console chat, one of them its 团支书; the campaign opened from the 团总支 for this branch
// alone, so every figure is counted by hand.
import { chatAs } from "../../helpers/chat.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export interface Person {
  id: number;
  name: string;
  code: string;
  chat: ReturnType<typeof chatAs>;
}

export async function makeBranch(
  app: TestApp,
  code: string,
  people: { name: string; birth: string; secretary?: boolean; bound?: boolean }[],
) {
  const { db } = app.deps;
  const cs = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS" } });
  const branch = await db.organisation.create({
    data: {
      code,
      name: `${code.slice(-4)}团支部`,
      level: "BRANCH",
      kind: "SCHOOL",
      parentId: cs.id,
      depth: cs.depth + 1,
      ancestorIds: [],
    },
  });
  await db.organisation.update({ where: { id: branch.id }, data: { ancestorIds: [...cs.ancestorIds, branch.id] } });
  const out: Person[] = [];
  for (const [i, p] of people.entries()) {
    const memberCode = `2024${code.slice(-4)}${String(i + 1).padStart(4, "0")}`;
    const member = await db.member.create({
      data: {
        code: memberCode,
        name: p.name,
        idHash: `hash-${memberCode}`,
        idLast4: "1234",
        birthDate: new Date(`${p.birth}T00:00:00Z`),
        joinedAt: new Date("2020-05-04T00:00:00Z"),
        duesCategory: "STUDENT",
        orgId: branch.id,
      },
    });
    if (p.secretary)
      await db.roleAssignment.create({ data: { memberId: member.id, orgId: branch.id, role: "BRANCH_SECRETARY" } });
    const userId = `console-${memberCode}`;
    if (p.bound ?? true) {
      await db.chatIdentity.create({
        data: {
          platform: "CONSOLE",
          externalUserId: userId,
          chatId: userId,
          memberId: member.id,
          boundAt: app.clock.now,
        },
      });
    }
    out.push({ id: member.id, name: p.name, code: memberCode, chat: chatAs(app.core, userId, "console") });
  }
  return { cs, branch, people: out };
}
