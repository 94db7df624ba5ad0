// The service-level timetable and the escalation ladder.
import { describe, expect, it } from "vitest";
import { escalationTarget, nearestActing } from "../../../../bot/features/transfers/sla/escalation.ts";
import { dueAtFor, isNudgeStage, stageDueAt } from "../../../../bot/features/transfers/sla/stages.ts";
import { holidays2026, workCalendarRows } from "../../../../prisma/seed/work-calendar.ts";

const calendar = new Map(workCalendarRows(holidays2026).map((r) => [r.date.toISOString().slice(0, 10), r.working]));
const cst = (local: string) => new Date(`${local}+08:00`);
const H = 3_600_000;

function calendarStep(slaHours: number) {
  const startedAt = cst("2026-11-02T10:00");
  return { startedAt, slaHours, slaBusinessHours: false, dueAt: dueAtFor(startedAt, slaHours, false, calendar) };
}

describe("stageDueAt", () => {
  it("nudges at 24 h and 48 h, escalates at 72 h and every 24 h after with the default 72 h", () => {
    const step = calendarStep(72);
    const hours = [1, 2, 3, 4, 5, 6].map(
      (k) => (stageDueAt(step, k, calendar).getTime() - step.startedAt.getTime()) / H,
    );
    expect(hours).toEqual([24, 48, 72, 96, 120, 144]);
    expect([1, 2, 3].map(isNudgeStage)).toEqual([true, true, false]);
  });

  it("scales with another service level: thirds of it", () => {
    const step = calendarStep(12);
    const hours = [1, 2, 3, 4].map((k) => (stageDueAt(step, k, calendar).getTime() - step.startedAt.getTime()) / H);
    expect(hours).toEqual([4, 8, 12, 16]);
    const odd = calendarStep(10);
    expect((stageDueAt(odd, 1, calendar).getTime() - odd.startedAt.getTime()) / 60_000).toBe(200);
  });

  it("counts business-hour steps in business hours across 国庆, from the stored deadline on", () => {
    const startedAt = cst("2026-09-30T17:00");
    const dueAt = dueAtFor(startedAt, 18, true, calendar);
    expect(dueAt).toEqual(cst("2026-10-09T17:00"));
    const step = { startedAt, dueAt, slaHours: 18, slaBusinessHours: true };
    expect(stageDueAt(step, 1, calendar)).toEqual(cst("2026-10-08T14:00"));
    expect(stageDueAt(step, 3, calendar)).toEqual(dueAt);
    // Saturday 10 October is a 调休 working day.
    expect(stageDueAt(step, 4, calendar)).toEqual(cst("2026-10-10T14:00"));
  });

  it("refuses a stage that is not a positive integer", () => {
    expect(() => stageDueAt(calendarStep(72), 0, calendar)).toThrow(RangeError);
  });
});

describe("who can act, and whom an escalation reaches", () => {
  // From a 团支部 upwards: the branch (its 团支书 is member 1), 基层团委 (staffed), 县 (nobody), 市 (staffed),
  // 省 (staffed), 团中央 (staffed).
  const chain = [
    { id: 9, name: "团支部", level: "BRANCH" as const, actors: [1] },
    { id: 10, name: "团委", level: "GRASSROOTS_COMMITTEE" as const, actors: [2, 3] },
    { id: 11, name: "县委", level: "COUNTY" as const, actors: [] },
    { id: 12, name: "市委", level: "CITY" as const, actors: [4] },
    { id: 13, name: "省委", level: "PROVINCE" as const, actors: [5] },
    { id: 14, name: "团中央", level: "CENTRAL" as const, actors: [6] },
  ];
  const empty = chain.map((o) => ({ ...o, actors: [] }));

  it("a step starts with the people of its own organisation", () => {
    expect(nearestActing(chain, 99)).toEqual({
      levelsUp: 0,
      orgId: 9,
      orgName: "团支部",
      memberIds: [1],
      passedOverMember: false,
    });
  });

  it("the member's own transfer passes her over: the next level with someone has it", () => {
    expect(nearestActing(chain, 1)).toEqual({
      levelsUp: 1,
      orgId: 10,
      orgName: "团委",
      memberIds: [2, 3],
      passedOverMember: true,
    });
    // A colleague at her own organisation takes it first.
    const twoLeaders = [{ ...chain[0]!, actors: [1, 7] }, ...chain.slice(1)];
    expect(nearestActing(twoLeaders, 1)).toMatchObject({ levelsUp: 0, memberIds: [7] });
    // She stays passed over when she also works at the committee above.
    const alsoAbove = [chain[0]!, { ...chain[1]!, actors: [1] }, ...chain.slice(2)];
    expect(nearestActing(alsoAbove, 1)).toMatchObject({ levelsUp: 3, orgId: 12, memberIds: [4] });
  });

  it("nobody bound up to the province: nobody can act (团中央 never counts)", () => {
    const onlyCentral = empty.map((o) => (o.level === "CENTRAL" ? { ...o, actors: [6] } : o));
    expect(nearestActing(onlyCentral, 99)).toBeNull();
  });

  it("goes one level up at a time, skips a level with nobody and stops at the province", () => {
    expect(escalationTarget(chain, 0, 99)).toEqual({ levelsUp: 1, orgId: 10, memberIds: [2, 3] });
    expect(escalationTarget(chain, 1, 99)).toEqual({ levelsUp: 3, orgId: 12, memberIds: [4] });
    expect(escalationTarget(chain, 3, 99)).toEqual({ levelsUp: 4, orgId: 13, memberIds: [5] });
    expect(escalationTarget(chain, 4, 99)).toBeNull();
  });

  it("never escalates to the member herself", () => {
    const memberAtCity = chain.map((o) => (o.id === 12 ? { ...o, actors: [4, 8] } : o));
    expect(escalationTarget(memberAtCity, 1, 4)).toEqual({ levelsUp: 3, orgId: 12, memberIds: [8] });
    const onlyMemberAtCity = chain.map((o) => (o.id === 12 ? { ...o, actors: [4] } : o));
    expect(escalationTarget(onlyMemberAtCity, 1, 4)).toEqual({ levelsUp: 4, orgId: 13, memberIds: [5] });
  });

  it("ends the chain without a recipient when nobody up to the province can act", () => {
    expect(escalationTarget(empty, 0, 99)).toEqual({ levelsUp: 4, orgId: null, memberIds: [] });
    expect(escalationTarget([], 0, 99)).toBeNull();
  });
});
