// The bot-wide pace: every send takes the next slot on one timeline, evenly spaced, never earlier than now.
import { describe, expect, it } from "vitest";
import { reserveSlot, SPACING_ROOM_MS, spacingMs } from "../../../workers/delivery/pacing.ts";

describe("the send timeline", () => {
  it("spaces 30 a second by a fractional interval a hair slower than the limit", () => {
    expect(spacingMs(30)).toBeCloseTo((1_000 + SPACING_ROOM_MS) / 30, 9);
    expect(spacingMs(30)).toBeGreaterThan(1_000 / 30);
    expect(1_000 / spacingMs(30) / 30).toBeGreaterThanOrEqual(0.99);
  });

  it("lets the first send go at once when the timeline is idle, and again once its last slot is past", () => {
    expect(reserveSlot(1_000, undefined, 33.5, 250)).toEqual({ reserved: true, waitMs: 0, slotMs: 1_000 });
    expect(reserveSlot(1_000, 900, 33.5, 250)).toEqual({ reserved: true, waitMs: 0, slotMs: 1_000 });
  });

  it("puts each send one spacing after the one before, however many ask at the same moment", () => {
    let last: number | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = reserveSlot(1_000, last, 33.5, 250);
      expect(r.reserved).toBe(true);
      last = r.slotMs;
      waits.push(r.waitMs);
    }
    expect(waits).toEqual([0, 33.5, 67, 100.5, 134]);
  });

  it("takes no slot beyond the horizon, so a job that will not wait leaves no hole", () => {
    const r = reserveSlot(1_000, 1_240, 33.5, 250);
    expect(r).toEqual({ reserved: false, waitMs: 273.5, slotMs: 1_273.5 });
    // Exactly at the horizon still counts.
    expect(reserveSlot(1_000, 1_216.5, 33.5, 250).reserved).toBe(true);
  });
});
