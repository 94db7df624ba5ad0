// Cell values the way committees write them.
import { describe, expect, it } from "vitest";
import {
  parseDate,
  parseDuesCategory,
  parseIdNumber,
  parseKind,
  parseLevel,
  parseYesNo,
  parseYuan,
} from "../../../bot/features/import/values.ts";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("import cell values", () => {
  it("read dates in the usual spellings, month-only as the 1st, and refuse days that do not exist", () => {
    for (const s of ["2001-05-04", "2001/5/4", "2001.5.4", "20010504", "2001年5月4日", " 2001-5-4 "]) {
      expect(day(parseDate(s)), s).toBe("2001-05-04");
    }
    expect(day(parseDate("2019-09"))).toBe("2019-09-01");
    expect(day(parseDate("2019年9月"))).toBe("2019-09-01");
    for (const s of ["2001-02-30", "2019-13-01", "04/05/2001", "yesterday", ""]) expect(parseDate(s), s).toBeNull();
  });

  it("check the ID number's check character (GB 11643)", () => {
    expect(parseIdNumber("11010519491231002x")).toBe("11010519491231002X");
    expect(parseIdNumber("110105194912310021")).toBeNull();
    expect(parseIdNumber("1101051949123100")).toBeNull();
  });

  it("turn yuan into fen without floating point", () => {
    expect(parseYuan("3500")).toBe(350_000);
    expect(parseYuan("1,999.99")).toBe(199_999);
    expect(parseYuan("2000.5元")).toBe(200_050);
    expect(parseYuan("0.015")).toBeNull();
    expect(parseYuan("-3")).toBeNull();
  });

  it("know the words for levels, kinds, dues categories and yes/no", () => {
    expect(parseLevel("团支部")).toBe("BRANCH");
    expect(parseLevel("计算机学院团总支")).toBe("GENERAL_BRANCH");
    expect(parseLevel("基层团委")).toBe("GRASSROOTS_COMMITTEE");
    expect(parseLevel("县级团委")).toBe("COUNTY");
    expect(parseLevel("branch")).toBe("BRANCH");
    expect(parseLevel("小组")).toBeNull();
    expect(parseKind("")).toBe("OTHER");
    expect(parseKind("企业")).toBe("ENTERPRISE");
    expect(parseKind("火星")).toBeNull();
    expect(parseDuesCategory("学生")).toBe("STUDENT");
    expect(parseDuesCategory("待业")).toBe("NO_INCOME");
    expect(parseDuesCategory("在职")).toBe("SALARIED");
    expect(parseDuesCategory("富豪")).toBeNull();
    expect(parseYesNo("是")).toBe(true);
    expect(parseYesNo("")).toBe(false);
    expect(parseYesNo("也许")).toBeNull();
  });
});
