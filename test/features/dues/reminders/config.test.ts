// The reminder's day and hour are settings with defaults; a day some months lack is refused at start.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../../bot/config.ts";

describe("dues reminder settings", () => {
  it("default to the 5th at 10:00", () => {
    const config = loadConfig({});
    expect([config.DUES_REMINDER_DAY, config.DUES_REMINDER_HOUR]).toEqual([5, 10]);
  });

  it("name the bad value", () => {
    expect(() => loadConfig({ DUES_REMINDER_DAY: "31" })).toThrow(/DUES_REMINDER_DAY must be 1 to 28 \(got "31"\)/);
    expect(() => loadConfig({ DUES_REMINDER_HOUR: "24" })).toThrow(/DUES_REMINDER_HOUR/);
    expect(loadConfig({ DUES_REMINDER_DAY: "28", DUES_REMINDER_HOUR: "0" }).DUES_REMINDER_DAY).toBe(28);
  });
});
