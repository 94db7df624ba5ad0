// Quiet hours in the recipients' time zone: nothing non-urgent between 22:00 and 08:00 in Asia/Shanghai.
import { describe, expect, it } from "vitest";
import { nextAllowedTime } from "../../../workers/delivery/quiet-hours.ts";

const night = { start: "22:00", end: "08:00" };
const shanghai = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("nextAllowedTime", () => {
  it("lets a message go at once during the day", () => {
    expect(nextAllowedTime(at("2026-11-26T14:30:00+08:00"), night, shanghai)).toEqual(at("2026-11-26T14:30:00+08:00"));
    expect(nextAllowedTime(at("2026-11-26T21:59:59+08:00"), night, shanghai)).toEqual(at("2026-11-26T21:59:59+08:00"));
  });

  it("holds a late-evening message until 08:00 the next morning, across midnight and month end", () => {
    expect(nextAllowedTime(at("2026-11-26T22:00:00+08:00"), night, shanghai)).toEqual(at("2026-11-27T08:00:00+08:00"));
    expect(nextAllowedTime(at("2026-11-30T23:45:12.345+08:00"), night, shanghai)).toEqual(
      at("2026-12-01T08:00:00+08:00"),
    );
    expect(nextAllowedTime(at("2026-12-31T22:30:00+08:00"), night, shanghai)).toEqual(at("2027-01-01T08:00:00+08:00"));
  });

  it("holds an early-morning message until 08:00 the same morning", () => {
    expect(nextAllowedTime(at("2026-11-27T00:00:00+08:00"), night, shanghai)).toEqual(at("2026-11-27T08:00:00+08:00"));
    expect(nextAllowedTime(at("2026-11-27T07:59:59+08:00"), night, shanghai)).toEqual(at("2026-11-27T08:00:00+08:00"));
    expect(nextAllowedTime(at("2026-11-27T08:00:00+08:00"), night, shanghai)).toEqual(at("2026-11-27T08:00:00+08:00"));
  });

  it("counts in the configured zone, not the machine's: 15:00 UTC is 23:00 in Shanghai", () => {
    expect(nextAllowedTime(at("2026-11-26T15:00:00Z"), night, shanghai)).toEqual(at("2026-11-27T00:00:00Z"));
    expect(nextAllowedTime(at("2026-11-26T15:00:00Z"), night, "UTC")).toEqual(at("2026-11-26T15:00:00Z"));
  });

  it("stays right all year where the clocks never change (no DST in China)", () => {
    for (const month of ["01", "03", "04", "07", "10", "11"]) {
      expect(nextAllowedTime(at(`2026-${month}-15T23:00:00+08:00`), night, shanghai)).toEqual(
        at(`2026-${month}-16T08:00:00+08:00`),
      );
    }
  });

  it("takes a window within one day, and none when start equals end", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(nextAllowedTime(at("2026-11-26T12:10:00+08:00"), lunch, shanghai)).toEqual(at("2026-11-26T13:30:00+08:00"));
    expect(nextAllowedTime(at("2026-11-26T23:10:00+08:00"), lunch, shanghai)).toEqual(at("2026-11-26T23:10:00+08:00"));
    const none = { start: "00:00", end: "00:00" };
    expect(nextAllowedTime(at("2026-11-26T03:00:00+08:00"), none, shanghai)).toEqual(at("2026-11-26T03:00:00+08:00"));
  });

  it("lands on the end's wall-clock time where a DST change falls inside the wait", () => {
    // Berlin leaves summer time in the night of 24/25 October 2026 (03:00 CEST → 02:00 CET).
    expect(nextAllowedTime(at("2026-10-24T23:00:00+02:00"), night, "Europe/Berlin")).toEqual(
      at("2026-10-25T08:00:00+01:00"),
    );
  });
});
