import { describe, expect, it } from "vitest";
import {
  admissionCodeProblem,
  candidateProblem,
  courseHoursProblem,
  inviteFromBytes,
  joinAgeProblem,
  meetingOutcome,
  normaliseInvite,
  normalisePhone,
  readIdNumber,
  readMeeting,
  resolvePolicy,
  STAGE_AFTER,
  STEP_OF_STAGE,
  trainingEndsOn,
} from "../../../bot/features/joining/rules.ts";
import { idFor } from "./id-number.ts";

const day = (s: string) => {
  const [year, month, d] = s.split("-").map(Number) as [number, number, number];
  return { year, month, day: d };
};

describe("who may apply", () => {
  it("reads the birth date and last four from an ID number, whatever the spacing or width", () => {
    const id = idFor("2010-05-20");
    const read = readIdNumber(` ${id.slice(0, 6)} ${id.slice(6)} `);
    expect(read).toEqual({ ok: true, id, birth: day("2010-05-20"), last4: id.slice(14) });
  });

  it("refuses a mistyped number (check character), a short one and an impossible birth date", () => {
    const id = idFor("2010-05-20");
    const wrong = `${id.slice(0, 17)}${id[17] === "1" ? "2" : "1"}`;
    expect(readIdNumber(wrong)).toEqual({ ok: false, problem: "checksum" });
    expect(readIdNumber("11010120100520")).toEqual({ ok: false, problem: "format" });
    expect(readIdNumber(idFor("2010-02-30"))).toEqual({ ok: false, problem: "birth" });
  });

  it("14 on the birthday itself is old enough; 28 on the birthday is too old", () => {
    const today = day("2026-11-18");
    expect(joinAgeProblem(day("2012-11-18"), today)).toBeNull();
    expect(joinAgeProblem(day("2012-11-19"), today)).toBe("too-young");
    expect(joinAgeProblem(day("1998-11-19"), today)).toBeNull();
    expect(joinAgeProblem(day("1998-11-18"), today)).toBe("too-old");
    expect(joinAgeProblem(day("2030-01-01"), today)).toBe("too-young");
  });

  it("takes a phone as typed and refuses what is not a mobile number", () => {
    expect(normalisePhone("138 0013 8000")).toBe("13800138000");
    expect(normalisePhone("+86 138-0013-8000")).toBe("13800138000");
    expect(normalisePhone("12345678901")).toBeNull();
    expect(normalisePhone("1380013800")).toBeNull();
  });

  it("invite codes: made from bytes, read back in any case and spacing, look-alikes refused", () => {
    const code = inviteFromBytes(new Uint8Array([0, 1, 2, 3, 4, 31]));
    expect(code).toBe("ABCDE9");
    expect(normaliseInvite("abc de9")).toBe("ABCDE9");
    expect(normaliseInvite("ABCDE0")).toBeNull();
    expect(normaliseInvite("ABCDE")).toBeNull();
  });
});

describe("the steps", () => {
  it("each waiting stage has its step, and each step leads to the next stage", () => {
    let stage: keyof typeof STEP_OF_STAGE = "APPLIED";
    const seen: string[] = [];
    for (let kind = STEP_OF_STAGE[stage]; kind; kind = STEP_OF_STAGE[stage]) {
      seen.push(kind);
      stage = STAGE_AFTER[kind] as typeof stage;
    }
    expect(seen).toEqual(["MARK_ACTIVIST", "MARK_CANDIDATE", "RECORD_MEETING", "APPROVE", "ENTER_CODE"]);
    expect(stage).toBe("ADMITTED");
  });

  it("the policy is the nearest organisation's setting, else the default", () => {
    const defaults = { trainingMonths: 3, courseHours: 8 };
    expect(resolvePolicy([], defaults)).toEqual(defaults);
    expect(
      resolvePolicy(
        [
          { joinTrainingMonths: null, joinCourseHours: 12 },
          { joinTrainingMonths: 6, joinCourseHours: 4 },
        ],
        defaults,
      ),
    ).toEqual({ trainingMonths: 6, courseHours: 12 });
  });

  it("a 发展对象 only after the training period and the 团课 hours", () => {
    const a = { activistOn: day("2026-08-31"), trainingMonths: 3, courseHours: 8, courseHoursRequired: 8 };
    expect(trainingEndsOn(a.activistOn, 3)).toEqual(day("2026-11-30"));
    expect(candidateProblem(a, day("2026-11-29"))).toBe("training");
    expect(candidateProblem(a, day("2026-11-30"))).toBeNull();
    expect(candidateProblem({ ...a, courseHours: 7 }, day("2026-12-01"))).toBe("hours");
    expect(courseHoursProblem(0)).toBe("bad");
    expect(courseHoursProblem(2.5)).toBe("bad");
    expect(courseHoursProblem(4)).toBeNull();
  });

  it("the meeting record, read as typed and judged by the shared meeting rule", () => {
    expect(readMeeting("应到30人，实到25，赞成20票")).toEqual({ due: 30, present: 25, votesFor: 20 });
    expect(readMeeting("30 25")).toBeNull();
    expect(meetingOutcome({ due: 30, present: 25, votesFor: 20 })).toEqual({ kind: "passed" });
    expect(meetingOutcome({ due: 30, present: 25, votesFor: 15 })).toEqual({ kind: "failed" });
    expect(meetingOutcome({ due: 30, present: 31, votesFor: 15 })).toEqual({
      kind: "invalid",
      problem: "present-over-due",
    });
  });

  it("the 编号: 12 digits starting with the year of joining", () => {
    expect(admissionCodeProblem("2026 1101 0001", 2026)).toBeNull();
    expect(admissionCodeProblem("202511010001", 2026)).toBe("year");
    expect(admissionCodeProblem("20261101000", 2026)).toBe("format");
  });
});
