// The pure activity rules: reading times, valid activities, places, reminder timing, check-in codes, the sheet.
import { describe, expect, it } from "vitest";
import { zonedInstant } from "../../../bot/core/zone-time.ts";
import {
  attendanceOf,
  checkinTiming,
  checkinWindow,
  csvLine,
  fieldProblem,
  findCheckinCode,
  parseCapacity,
  parseWhen,
  placeFor,
  promotions,
  reminderTiming,
  signupRefusal,
  whenArgs,
} from "../../../bot/features/activities/rules.ts";

const TZ = "Asia/Shanghai";
const now = new Date("2026-11-26T04:00:00Z"); // 12:00 in Shanghai
const H = 3600_000;

describe("parseWhen", () => {
  it("reads dates and times as people type them, in the configured time zone", () => {
    expect(parseWhen("2026-12-05 14:00", now, TZ)).toEqual({ start: new Date("2026-12-05T06:00:00Z"), end: null });
    expect(parseWhen("12/5 14:00-16:30", now, TZ)).toEqual({
      start: new Date("2026-12-05T06:00:00Z"),
      end: new Date("2026-12-05T08:30:00Z"),
    });
    expect(parseWhen("12月5日 下午2点半到4点", now, TZ)).toEqual({
      start: new Date("2026-12-05T06:30:00Z"),
      end: new Date("2026-12-05T08:00:00Z"),
    });
    expect(parseWhen("２０２６年１２月５日 ９：００", now, TZ)?.start).toEqual(new Date("2026-12-05T01:00:00Z"));
  });

  it("reads times said rather than written, from today (a Thursday here)", () => {
    expect(parseWhen("明天下午", now, TZ)?.start).toEqual(new Date("2026-11-27T07:00:00Z"));
    expect(parseWhen("下周三晚上7点", now, TZ)?.start).toEqual(new Date("2026-12-02T11:00:00Z"));
    expect(parseWhen("今天 20:40-22:00", now, TZ)).toEqual({
      start: new Date("2026-11-26T12:40:00Z"),
      end: new Date("2026-11-26T14:00:00Z"),
    });
    expect(parseWhen("周五晚上8点", now, TZ)?.start).toEqual(new Date("2026-11-27T12:00:00Z"));
    expect(parseWhen("next wednesday 7pm", now, TZ)?.start).toEqual(new Date("2026-12-02T11:00:00Z"));
  });

  it("counts 下周 from Monday, as in China, even on a Sunday", () => {
    const sunday = new Date("2026-11-29T02:00:00Z"); // 10:00 on Sunday in Shanghai
    expect(parseWhen("下周三晚上7点", sunday, TZ)?.start).toEqual(new Date("2026-12-02T11:00:00Z"));
    expect(parseWhen("下周日上午9点", sunday, TZ)?.start).toEqual(new Date("2026-12-06T01:00:00Z"));
  });

  it("takes a date without a year as its next occurrence", () => {
    expect(parseWhen("1-10 09:00", now, TZ)?.start).toEqual(new Date("2027-01-10T01:00:00Z"));
    expect(parseWhen("11-26 18:00", now, TZ)?.start).toEqual(new Date("2026-11-26T10:00:00Z"));
  });

  it("refuses what it cannot read", () => {
    for (const text of ["明天", "2026-02-30 10:00", "12-05", "12-05 25:00", "hello", "12-05 1:00 2:00 3:00"]) {
      expect(parseWhen(text, now, TZ), text).toBeNull();
    }
  });

  it("converts wall-clock times in zones with daylight saving", () => {
    expect(zonedInstant(2026, 7, 1, 12, 0, "Europe/Berlin")).toEqual(new Date("2026-07-01T10:00:00Z"));
    expect(zonedInstant(2026, 1, 1, 12, 0, "Europe/Berlin")).toEqual(new Date("2026-01-01T11:00:00Z"));
  });

  it("shows times in both catalogue languages", () => {
    const args = whenArgs("starts", new Date("2026-12-05T06:00:00Z"), TZ);
    expect(args.startsZh).toContain("2026年12月5日");
    expect(args.startsZh).toContain("14:00");
    expect(args.startsEn).toContain("Dec");
    expect(args.startsEn).toContain("14:00");
  });
});

describe("fields", () => {
  const ok = {
    title: "志愿服务",
    place: "体育馆",
    startsAt: new Date(now.getTime() + 48 * H),
    endsAt: new Date(now.getTime() + 50 * H),
    capacity: 10,
    signupDeadline: new Date(now.getTime() + 24 * H),
  };
  it("accepts a sound activity and names the first problem otherwise", () => {
    expect(fieldProblem(ok, now)).toBeNull();
    expect(fieldProblem({ ...ok, title: " " }, now)).toBe("title");
    expect(fieldProblem({ ...ok, place: "" }, now)).toBe("place");
    expect(fieldProblem({ ...ok, startsAt: new Date(now.getTime() - H) }, now)).toBe("past");
    expect(fieldProblem({ ...ok, endsAt: ok.startsAt }, now)).toBe("end");
    expect(fieldProblem({ ...ok, capacity: 0 }, now)).toBe("capacity");
    expect(fieldProblem({ ...ok, capacity: 2.5 }, now)).toBe("capacity");
    expect(fieldProblem({ ...ok, signupDeadline: new Date(ok.startsAt.getTime() + 1) }, now)).toBe("deadline");
    expect(fieldProblem({ ...ok, signupDeadline: new Date(now.getTime() - 1) }, now)).toBe("deadline");
  });

  it("reads capacities", () => {
    expect(parseCapacity("30")).toBe(30);
    expect(parseCapacity("30人")).toBe(30);
    expect(parseCapacity("12 places")).toBe(12);
    // As people write it.
    expect(parseCapacity("20个人吧")).toBe(20);
    expect(parseCapacity("限30人")).toBe(30);
    expect(parseCapacity("最多五十名")).toBe(50);
    expect(parseCapacity("２０人左右")).toBe(20);
    expect(parseCapacity("up to 12 places")).toBe(12);
    expect(parseCapacity("20个人 20个")).toBeNull();
    expect(parseCapacity("3点")).toBeNull();
    expect(parseCapacity("0")).toBeNull();
    expect(parseCapacity("thirty")).toBeNull();
    expect(parseCapacity("20000")).toBeNull();
  });
});

describe("places", () => {
  it("confirms while places are left, then waitlists; promotes only into free places", () => {
    expect(placeFor(9, 10)).toBe("CONFIRMED");
    expect(placeFor(10, 10)).toBe("WAITLISTED");
    expect(promotions(9, 10, 5)).toBe(1);
    expect(promotions(10, 15, 3)).toBe(3);
    expect(promotions(10, 10, 3)).toBe(0);
  });

  it("refuses sign-up after the deadline, after the start, outside the audience, when cancelled", () => {
    const base = {
      status: "PUBLISHED",
      signupDeadline: new Date(now.getTime() + H),
      startsAt: new Date(now.getTime() + 2 * H),
      now,
      inAudience: true,
      memberActive: true,
    };
    expect(signupRefusal(base)).toBeNull();
    expect(signupRefusal({ ...base, now: new Date(now.getTime() + 1.5 * H) })).toBe("deadline");
    expect(signupRefusal({ ...base, now: new Date(now.getTime() + 3 * H) })).toBe("started");
    // Outside the audience it is as if the activity did not exist, even cancelled.
    expect(signupRefusal({ ...base, inAudience: false })).toBe("not-found");
    expect(signupRefusal({ ...base, inAudience: false, status: "CANCELLED" })).toBe("not-found");
    expect(signupRefusal({ ...base, status: "CANCELLED" })).toBe("cancelled");
    expect(signupRefusal({ ...base, memberActive: false })).toBe("inactive");
  });
});

describe("reminder timing", () => {
  const start = new Date("2026-12-05T06:00:00Z");
  it("is due from its time until it is late", () => {
    expect(reminderTiming("24h", start, new Date(start.getTime() - 25 * H))).toBe("early");
    expect(reminderTiming("24h", start, new Date(start.getTime() - 24 * H))).toBe("due");
    expect(reminderTiming("24h", start, new Date(start.getTime() - 23 * H))).toBe("due");
    expect(reminderTiming("24h", start, new Date(start.getTime() - 21 * H))).toBe("late");
    expect(reminderTiming("1h", start, new Date(start.getTime() - 2 * H))).toBe("early");
    expect(reminderTiming("1h", start, new Date(start.getTime() - H + 30_000))).toBe("due");
    expect(reminderTiming("1h", start, start)).toBe("late");
  });
});

describe("check-in", () => {
  it("finds the code in what members send", () => {
    expect(findCheckinCode("签到 123456")).toBe("123456");
    expect(findCheckinCode("check in 123 456")).toBe("123456");
    expect(findCheckinCode("checkin_654321")).toBe("654321");
    expect(findCheckinCode("签到")).toBeNull();
    expect(findCheckinCode("12345")).toBeNull();
  });

  it("opens half an hour before the start and closes half an hour after the end", () => {
    const start = new Date("2026-12-05T06:00:00Z");
    const { opensAt, closesAt } = checkinWindow(start, new Date(start.getTime() + 2 * H));
    expect(checkinTiming(new Date(start.getTime() - H), opensAt, closesAt)).toBe("early");
    expect(checkinTiming(new Date(start.getTime() - 0.4 * H), opensAt, closesAt)).toBe("open");
    expect(checkinTiming(new Date(start.getTime() + 2.4 * H), opensAt, closesAt)).toBe("open");
    expect(checkinTiming(new Date(start.getTime() + 2.6 * H), opensAt, closesAt)).toBe("closed");
  });

  it("tells attendance and no-shows apart once the event is over", () => {
    const end = new Date("2026-12-05T08:00:00Z");
    const after = new Date(end.getTime() + 1);
    expect(attendanceOf({ status: "CONFIRMED", checkedInAt: end }, end, after)).toBe("attended");
    expect(attendanceOf({ status: "CONFIRMED", checkedInAt: null }, end, after)).toBe("no-show");
    expect(attendanceOf({ status: "CONFIRMED", checkedInAt: null }, end, new Date(end.getTime() - 1))).toBe("pending");
    expect(attendanceOf({ status: "WAITLISTED", checkedInAt: null }, end, after)).toBe("waitlisted");
  });
});

describe("csvLine", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvLine([1, "李明", "a,b", 'say "hi"'])).toBe('1,李明,"a,b","say ""hi"""');
    expect(csvLine(["=SUM(A1)", "-1"])).toBe("'=SUM(A1),'-1");
  });
});
