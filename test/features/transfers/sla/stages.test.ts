// The service-level timetable and the escalation ladder.
import { describe, expect, it } from "vitest";
import { escalationTarget } from "../../../../bot/features/transfers/sla/escalation.ts";
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

describe("escalationTarget", () => {
  // From a 团支部 upwards: 基层团委 (staffed), 县 (nobody), 市 (staffed), 省 (staffed), 团中央 (staffed).
  const chain = [
    { id: 10, level: "GRASSROOTS_COMMITTEE" as const, staffed: true },
    { id: 11, level: "COUNTY" as const, staffed: false },
    { id: 12, level: "CITY" as const, staffed: true },
    { id: 13, level: "PROVINCE" as const, staffed: true },
    { id: 14, level: "CENTRAL" as const, staffed: true },
  ];

  it("goes one level up at a time, skips a level with nobody and stops at the province", () => {
    expect(escalationTarget(chain, 0)).toEqual({ levelsUp: 1, orgId: 10 });
    expect(escalationTarget(chain, 1)).toEqual({ levelsUp: 3, orgId: 12 });
    expect(escalationTarget(chain, 3)).toEqual({ levelsUp: 4, orgId: 13 });
    expect(escalationTarget(chain, 4)).toBeNull();
  });

  it("ends the chain without a recipient when nobody up to the province is staffed", () => {
    const empty = chain.map((o) => ({ ...o, staffed: false }));
    expect(escalationTarget(empty, 0)).toEqual({ levelsUp: 4, orgId: null });
    expect(escalationTarget([], 0)).toBeNull();
  });
});
