// Age, 团龄 and the warnings, on fixed dates in Asia/Shanghai.
import { describe, expect, it } from "vitest";
import {
  addMonthsToDate,
  birthdayAt,
  fullMonthsUntil,
  fullYears,
  type LocalDate,
  localDateOf,
  membershipWarnings,
  type WarningInput,
} from "../../../bot/features/membership/rules.ts";

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const base: WarningInput = {
  birth: d(2000, 6, 15),
  today: d(2026, 11, 26),
  hasLeaguePost: false,
  status: "ACTIVE",
  owedMonths: 0,
};

describe("the local calendar day", () => {
  it("is Shanghai's day, which starts eight hours before UTC's", () => {
    // 2026-12-31 17:00 UTC is already 1 January 2027 in Shanghai.
    expect(localDateOf(new Date("2026-12-31T17:00:00Z"), "Asia/Shanghai")).toEqual(d(2027, 1, 1));
    expect(localDateOf(new Date("2026-12-31T15:59:00Z"), "Asia/Shanghai")).toEqual(d(2026, 12, 31));
  });
});

describe("age in full years", () => {
  it("counts a birthday from its day on", () => {
    expect(fullYears(d(1998, 11, 26), d(2026, 11, 25))).toBe(27);
    expect(fullYears(d(1998, 11, 26), d(2026, 11, 26))).toBe(28);
    expect(fullYears(d(1998, 12, 1), d(2026, 11, 30))).toBe(27);
  });

  it("turns a 29 February birthday on 1 March in ordinary years", () => {
    expect(birthdayAt(d(2000, 2, 29), 27)).toEqual(d(2027, 3, 1));
    expect(birthdayAt(d(2000, 2, 29), 28)).toEqual(d(2028, 2, 29));
    expect(fullYears(d(1999, 2, 28), d(2027, 2, 28))).toBe(28);
    expect(fullYears(d(2000, 2, 29), d(2027, 2, 28))).toBe(26);
    expect(fullYears(d(2000, 2, 29), d(2027, 3, 1))).toBe(27);
  });

  it("turns the Shanghai midnight birthday at Shanghai midnight, not UTC's", () => {
    const birth = d(1998, 11, 27);
    // 16:30 UTC on the 26th is 00:30 on the 27th in Shanghai: 28 already.
    expect(fullYears(birth, localDateOf(new Date("2026-11-26T16:30:00Z"), "Asia/Shanghai"))).toBe(28);
    expect(fullYears(birth, localDateOf(new Date("2026-11-26T15:30:00Z"), "Asia/Shanghai"))).toBe(27);
  });
});

describe("months until a day", () => {
  it("counts whole months only and clamps month ends", () => {
    expect(fullMonthsUntil(d(2026, 11, 26), d(2027, 1, 15))).toBe(1);
    expect(fullMonthsUntil(d(2026, 11, 26), d(2027, 2, 26))).toBe(3);
    expect(fullMonthsUntil(d(2026, 11, 26), d(2026, 12, 10))).toBe(0);
    expect(fullMonthsUntil(d(2026, 11, 26), d(2026, 10, 1))).toBe(-1);
    expect(addMonthsToDate(d(2027, 1, 31), 1)).toEqual(d(2027, 2, 28));
    expect(addMonthsToDate(d(2026, 11, 30), 3)).toEqual(d(2027, 2, 28));
  });
});

describe("membership warnings", () => {
  it("gives none to a 26-year-old who is paid up", () => {
    expect(membershipWarnings(base)).toEqual([]);
  });

  it("warns about leaving at 28 from three months ahead, with the day and the months left", () => {
    const turnsOn = d(2027, 2, 26);
    expect(membershipWarnings({ ...base, birth: d(1999, 2, 26) })).toEqual([
      { kind: "age-soon", turnsOn, monthsLeft: 3 },
    ]);
    expect(membershipWarnings({ ...base, birth: d(1999, 2, 27) })).toEqual([]);
    expect(membershipWarnings({ ...base, birth: d(1998, 12, 10) })).toEqual([
      { kind: "age-soon", turnsOn: d(2026, 12, 10), monthsLeft: 0 },
    ]);
  });

  it("tells a member with a league post that leaving is postponed instead", () => {
    expect(membershipWarnings({ ...base, birth: d(1999, 1, 15), hasLeaguePost: true })).toEqual([
      { kind: "age-soon-post", turnsOn: d(2027, 1, 15) },
    ]);
    expect(membershipWarnings({ ...base, birth: d(1996, 1, 15), hasLeaguePost: true })).toEqual([
      { kind: "age-over-post", age: 30 },
    ]);
  });

  it("marks 28 and over as 超龄待离团 from the birthday itself", () => {
    expect(membershipWarnings({ ...base, birth: d(1998, 11, 26) })).toEqual([{ kind: "age-over", age: 28 }]);
    expect(membershipWarnings({ ...base, birth: d(1998, 11, 27) })[0]?.kind).toBe("age-soon");
  });

  it("warns from 3 unpaid months and speaks of 脱团 risk from 6", () => {
    expect(membershipWarnings({ ...base, owedMonths: 2 })).toEqual([]);
    expect(membershipWarnings({ ...base, owedMonths: 3 })).toEqual([{ kind: "dues-overdue", months: 3 }]);
    expect(membershipWarnings({ ...base, owedMonths: 5 })).toEqual([{ kind: "dues-overdue", months: 5 }]);
    expect(membershipWarnings({ ...base, owedMonths: 6 })).toEqual([{ kind: "lapse-risk", months: 6 }]);
  });

  it("counts organisational life in the last six months against 脱团 risk, leaving the dues warning", () => {
    const today = base.today;
    const fiveMonthsAgo = { ...today, month: today.month - 5 };
    const sixMonthsAgo = { ...today, month: today.month - 6 };
    expect(membershipWarnings({ ...base, owedMonths: 7, lastOrgLife: fiveMonthsAgo })).toEqual([
      { kind: "dues-overdue", months: 7 },
    ]);
    expect(membershipWarnings({ ...base, owedMonths: 7, lastOrgLife: sixMonthsAgo })).toEqual([
      { kind: "lapse-risk", months: 7 },
    ]);
    expect(membershipWarnings({ ...base, owedMonths: 7, lastOrgLife: null })).toEqual([
      { kind: "lapse-risk", months: 7 },
    ]);
  });

  it("lists age and dues warnings together", () => {
    expect(membershipWarnings({ ...base, birth: d(1990, 1, 1), owedMonths: 7 })).toEqual([
      { kind: "age-over", age: 36 },
      { kind: "lapse-risk", months: 7 },
    ]);
  });

  it("warns nobody who has already left or lapsed", () => {
    expect(membershipWarnings({ ...base, birth: d(1990, 1, 1), owedMonths: 9, status: "LEFT" })).toEqual([]);
    expect(membershipWarnings({ ...base, owedMonths: 9, status: "LAPSED" })).toEqual([]);
  });
});
