// Who acts on a step at 2201 (计科2022级1班): 王芳 there, nobody at the 团总支 above, 陈刚 at 华工团委 — each level
// nearest first, only people a message can reach; and who is told when a transfer ends there.
import { describe, expect, it } from "vitest";
import { actingChain, stepLeaders, whoActs } from "../../../bot/features/transfers/step-leaders.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const h = transferHelpers(app);
const branch = await h.org("GD-GZ-SCUT-CS-2201");
const scut = await h.org("GD-GZ-SCUT");
const wang = await h.member("201801000002");
const chen = await h.member("201701000003");

describe("step leaders", () => {
  it("lists the branch and every level above it nearest first, with those a message reaches", async () => {
    // Nobody is bound yet: every level is there, with no one to act.
    const unbound = await actingChain(db, branch.id);
    expect(unbound.map((o) => o.id)).toEqual([...branch.ancestorIds].reverse());
    expect(unbound.every((o) => o.actors.length === 0)).toBe(true);
    expect(await whoActs(db, branch.id, 0)).toBeNull();

    await chatAsMember(app, "201801000002");
    await chatAsMember(app, "201701000003");
    const chain = await actingChain(db, branch.id);
    expect(chain[0]).toMatchObject({ id: branch.id, name: branch.name, level: branch.level, actors: [wang.id] });
    expect(chain.find((o) => o.id === scut.id)?.actors).toContain(chen.id);
    expect(await whoActs(db, branch.id, 0)).toMatchObject({ levelsUp: 0, orgId: branch.id, memberIds: [wang.id] });
    // Inside a transaction the same, through it.
    expect(await db.$transaction((tx) => actingChain(tx, branch.id))).toEqual(chain);

    // 王芳 blocked the bot: the step goes past her branch.
    await db.chatIdentity.updateMany({ where: { memberId: wang.id }, data: { blocked: true } });
    const acting = await whoActs(db, branch.id, 0);
    expect(acting?.levelsUp).toBeGreaterThan(0);
    expect(acting?.memberIds).toContain(chen.id);
    expect(acting?.memberIds).not.toContain(wang.id);
  });

  it("tells the nearest level that has a 团支书 or staff, whether or not they are bound", async () => {
    expect(await stepLeaders(db, branch.id)).toEqual([wang.id]);
    await db.roleAssignment.deleteMany({ where: { orgId: branch.id } });
    const above = await stepLeaders(db, branch.id);
    expect(above).toContain(chen.id);
    expect(above).toEqual([...new Set(above)].sort((a, b) => a - b));
    expect(await stepLeaders(db, 999_999)).toEqual([]);
  });
});
