// A hundred members tap "Sign up" at the same moment for ten places: exactly ten get one, ninety wait in the order
// they were served, and places freed later go to the head of the waitlist.
import { describe, expect, it } from "vitest";
import { createActivity, updateActivity } from "../../../bot/features/activities/activity-service.ts";
import { cancelSignup, signUp } from "../../../bot/features/activities/signup-service.ts";
import { createDb } from "../../../bot/infra/db.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const H = 3600_000;

const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2202" } });
const staff = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } });
await db.member.createMany({
  data: Array.from({ length: 100 }, (_, i) => ({
    code: `2024${String(900_000 + i).padStart(8, "0")}`,
    name: `测试${i}`,
    idHash: `hash-${i}`,
    idLast4: "0000",
    birthDate: new Date("2005-01-01"),
    joinedAt: new Date("2024-05-04"),
    duesCategory: "STUDENT" as const,
    orgId: branch.id,
  })),
});
const crowd = await db.member.findMany({ where: { code: { startsWith: "20240090" } }, orderBy: { id: "asc" } });

const created = await createActivity(
  app.deps,
  { memberId: staff.id },
  {
    orgId: branch.id,
    childIds: [],
    title: "篮球友谊赛",
    place: "北区球场",
    startsAt: new Date(app.clock.now.getTime() + 72 * H),
    capacity: 10,
  },
);
if (!created.ok) throw new Error(created.problem);
const activityId = created.activity.id;

/** The waitlist as stored, in the order it is served. */
const waitlist = () =>
  db.activitySignup.findMany({
    where: { activityId, status: "WAITLISTED" },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
  });

describe("100 concurrent sign-ups for 10 places", () => {
  let positions = new Map<number, number>();

  it("confirm exactly 10 and waitlist 90, each told their own position", async () => {
    const results = await Promise.all(crowd.map((m) => signUp(app.deps, m.id, activityId)));
    const confirmed = results.filter((r) => r.kind === "confirmed");
    const waiting = results.flatMap((r, i) =>
      r.kind === "waitlisted" ? [{ memberId: crowd[i]!.id, position: r.position }] : [],
    );
    expect(confirmed).toHaveLength(10);
    expect(waiting).toHaveLength(90);
    expect(waiting.map((w) => w.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(await db.activitySignup.count({ where: { activityId, status: "CONFIRMED" } })).toBe(10);

    // In arrival order: the first ten callers have the places, the other ninety wait in the order they called, and
    // the stored waitlist agrees with the position each was told.
    expect(results.slice(0, 10).every((r) => r.kind === "confirmed")).toBe(true);
    expect(waiting.map((w) => w.position)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    const stored = await waitlist();
    expect(stored.map((s) => s.memberId)).toEqual(crowd.slice(10).map((m) => m.id));
    const confirmedIds = (await db.activitySignup.findMany({ where: { activityId, status: "CONFIRMED" } })).map(
      (s) => s.id,
    );
    expect(Math.max(...confirmedIds)).toBeLessThan(Math.min(...stored.map((s) => s.id)));
    positions = new Map(waiting.map((w) => [w.memberId, w.position]));
  });

  it("give a freed place to the head of the waitlist", async () => {
    const leaver = (await db.activitySignup.findFirstOrThrow({ where: { activityId, status: "CONFIRMED" } })).memberId;
    const head = (await waitlist())[0]!.memberId;
    expect(positions.get(head)).toBe(1);
    expect((await cancelSignup(app.deps, leaver, activityId)).kind).toBe("left");
    const signup = await db.activitySignup.findUniqueOrThrow({
      where: { activityId_memberId: { activityId, memberId: head } },
    });
    expect(signup.status).toBe("CONFIRMED");
    expect(await db.activitySignup.count({ where: { activityId, status: "CONFIRMED" } })).toBe(10);
    const told = await db.outboxMessage.findMany({ where: { messageKey: "activities-promoted" } });
    // The crowd has no chat accounts: the promotion is recorded, nobody can be written to.
    expect(told).toHaveLength(0);
  });

  it("fill added places from the waitlist in order, and never more than the places", async () => {
    const next5 = (await waitlist()).slice(0, 5).map((s) => s.memberId);
    const result = await updateActivity(app.deps, { memberId: staff.id }, activityId, { capacity: 15 });
    expect(result.ok).toBe(true);
    const confirmed = await db.activitySignup.findMany({ where: { activityId, status: "CONFIRMED" } });
    expect(confirmed).toHaveLength(15);
    expect(next5.every((id) => confirmed.some((s) => s.memberId === id))).toBe(true);
    expect((await waitlist()).map((s) => positions.get(s.memberId))).toEqual(
      Array.from({ length: 84 }, (_, i) => i + 7),
    );
  });

  it("keep the places exact when cancellations and sign-ups race", async () => {
    const confirmed = await db.activitySignup.findMany({ where: { activityId, status: "CONFIRMED" }, take: 5 });
    const leaving = confirmed.map((s) => cancelSignup(app.deps, s.memberId, activityId));
    const returning = confirmed.map((s) => signUp(app.deps, s.memberId, activityId));
    await Promise.all([...leaving, ...returning]);
    expect(await db.activitySignup.count({ where: { activityId, status: "CONFIRMED" } })).toBe(15);
  });

  it("stay exact when two processes (two database clients) sign up at once: the row lock decides", async () => {
    const second = await createActivity(
      app.deps,
      { memberId: staff.id },
      {
        orgId: branch.id,
        childIds: [],
        title: "辩论赛",
        place: "礼堂",
        startsAt: new Date(app.clock.now.getTime() + 72 * H),
        capacity: 10,
      },
    );
    if (!second.ok) throw new Error(second.problem);
    const otherDb = createDb(app.config.DATABASE_URL);
    const other = { ...app.deps, db: otherDb };
    try {
      const results = await Promise.all(
        crowd.map((m, i) => signUp(i % 2 ? other : app.deps, m.id, second.activity.id)),
      );
      expect(results.filter((r) => r.kind === "confirmed")).toHaveLength(10);
      const positions = results.flatMap((r) => (r.kind === "waitlisted" ? [r.position] : []));
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
      expect(await db.activitySignup.count({ where: { activityId: second.activity.id, status: "CONFIRMED" } })).toBe(
        10,
      );
    } finally {
      await otherDb.$disconnect();
    }
  });
});
