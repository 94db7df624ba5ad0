// The pure rules of binding: codes, answer normalisation, lockout arithmetic.
import { describe, expect, it } from "vitest";
import {
  attemptsLeft,
  CODE_ALPHABET,
  classifyBindArg,
  codeFromBytes,
  formatCode,
  LOCK_MS,
  lockedUntil,
  MAX_FAILURES,
  minutesLeft,
  normaliseCode,
  normaliseIdLast4,
  normaliseMemberCode,
  normaliseName,
  reachesLock,
  windowStart,
} from "../../../bot/features/binding/rules.ts";

describe("one-time codes", () => {
  it("use 32 characters without look-alikes, so every byte picks one evenly", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const c of "IO01") expect(CODE_ALPHABET).not.toContain(c);
  });

  it("are made from 8 random bytes, reading only each byte's low 5 bits", () => {
    expect(codeFromBytes(Uint8Array.from([0, 1, 2, 3, 28, 29, 30, 31]))).toBe("ABCD6789");
    expect(codeFromBytes(Uint8Array.from([32, 33, 34, 35, 252, 253, 254, 255]))).toBe("ABCD6789");
    expect(() => codeFromBytes(new Uint8Array(7))).toThrow();
  });

  it("are shown in two halves and read back however they are typed", () => {
    expect(formatCode("ABCD6789")).toBe("ABCD-6789");
    expect(normaliseCode("abcd-6789")).toBe("ABCD6789");
    expect(normaliseCode(" ABCD 6789 ")).toBe("ABCD6789");
    expect(normaliseCode("ＡＢＣＤ－６７８９")).toBe("ABCD6789");
  });

  it("refuse what cannot be a code", () => {
    for (const bad of ["ABCD678", "ABCD67890", "ABCD6780", "ABCDIO89", "ABCD678😀", "'; DROP--"]) {
      expect(normaliseCode(bad), bad).toBeNull();
    }
  });
});

describe("answers in the bind dialog", () => {
  it("accept a 编号 of 12 digits, also typed full-width or with spaces", () => {
    expect(normaliseMemberCode("201901000001")).toBe("201901000001");
    expect(normaliseMemberCode("２０１９０１０００００１")).toBe("201901000001");
    expect(normaliseMemberCode("2019 0100 0001")).toBe("201901000001");
    for (const bad of ["20190100000", "2019010000012", "20190100000a", "😀", "1 OR 1=1", "李明"]) {
      expect(normaliseMemberCode(bad), bad).toBeNull();
    }
  });

  it("accept names in any script, with the middle dot of minority names", () => {
    expect(normaliseName(" 李明 ")).toBe("李明");
    expect(normaliseName("阿依古丽·买买提")).toBe("阿依古丽·买买提");
    expect(normaliseName("Li  Ming")).toBe("Li Ming");
    for (const bad of ["李明😀", "'; DROP TABLE members;--", "李明123", "", "·", "李".repeat(41)]) {
      expect(normaliseName(bad), bad).toBeNull();
    }
  });

  it("accept the last four ID characters as three digits and a digit or X", () => {
    expect(normaliseIdLast4("1234")).toBe("1234");
    expect(normaliseIdLast4("882x")).toBe("882X");
    expect(normaliseIdLast4("１２３４")).toBe("1234");
    for (const bad of ["123", "12345", "X234", "12X4", "abcd", "😀😀"]) expect(normaliseIdLast4(bad), bad).toBeNull();
  });

  it("tell a /bind argument's 编号 from a code", () => {
    expect(classifyBindArg("")).toEqual({ kind: "none" });
    expect(classifyBindArg("201901000001")).toEqual({ kind: "member-code", code: "201901000001" });
    expect(classifyBindArg("ABCD-6789")).toEqual({ kind: "one-time-code", text: "ABCD-6789" });
  });
});

describe("lockout", () => {
  const now = new Date("2026-03-01T10:00:00Z");

  it("locks at the fifth failure within the hour, for an hour", () => {
    expect(MAX_FAILURES).toBe(5);
    expect(reachesLock(4)).toBe(false);
    expect(reachesLock(5)).toBe(true);
    expect(attemptsLeft(1)).toBe(4);
    expect(attemptsLeft(7)).toBe(0);
    expect(windowStart(now)).toBe(now.getTime() - 60 * 60 * 1000);
    expect(lockedUntil(now).getTime() - now.getTime()).toBe(LOCK_MS);
    expect(LOCK_MS).toBe(60 * 60 * 1000);
  });

  it("says how many whole minutes remain, never 0 while locked", () => {
    const until = lockedUntil(now);
    expect(minutesLeft(until, now)).toBe(60);
    expect(minutesLeft(until, new Date(until.getTime() - 90_000))).toBe(2);
    expect(minutesLeft(until, new Date(until.getTime() - 1))).toBe(1);
  });
});
