// The bot-wide pace as virtual scheduling (GCRA): every send takes the next free slot on one timeline, `spacing`
// after the slot before it and never before now, so sends are exactly evenly spaced however many workers ask and
// however long each takes. Pure; pacer.ts does the same sum atomically in Redis for every process at once.

/**
 * Added to each second's worth of slots. The platform counts arrivals, we schedule departures: a send that was
 * slower on its way (a busy event loop, a late timer, the network) lands closer to the one a second after it. With
 * 30 ms per second, a send may arrive up to 30 ms later than its slot relative to the one thirty slots on without
 * the second holding one too many; it costs 3 % of the rate. Measured against a fake Bot API in its own process:
 * 15 ms still drew a 429 now and then, 30 ms none.
 */
export const ARRIVAL_JITTER_MS = 30;

/** Milliseconds between two sends (fractional: 30/s is 34.33 ms with the margin, not a rounded 35). */
export function spacingMs(perSecond: number): number {
  return (1_000 + ARRIVAL_JITTER_MS) / perSecond;
}

export interface Reservation {
  /** False when the next free slot is beyond the horizon: nothing was taken, ask again later. */
  reserved: boolean;
  /** How long from now until the slot (0: at once). */
  waitMs: number;
  /** The slot's time, which becomes the timeline's last slot when reserved. */
  slotMs: number;
}

/**
 * The next slot after `lastSlotMs` (none: the timeline is idle). A slot further ahead than `horizonMs` is not taken,
 * so a caller that will not wait that long does not leave a hole in the timeline.
 */
export function reserveSlot(
  nowMs: number,
  lastSlotMs: number | undefined,
  spacing: number,
  horizonMs: number,
): Reservation {
  const slotMs = lastSlotMs === undefined ? nowMs : Math.max(nowMs, lastSlotMs + spacing);
  const waitMs = slotMs - nowMs;
  return { reserved: waitMs <= horizonMs, waitMs, slotMs };
}

/**
 * How late a send may leave (after its slot) before the timeline is moved on: two thirds of ARRIVAL_JITTER_MS,
 * the rest is left for what happens after it leaves.
 */
export const LATE_ALLOWANCE_MS = (ARRIVAL_JITTER_MS * 2) / 3;

/**
 * How far to move the rest of the timeline back for a send that leaves `lateMs` after its slot (a busy or paused
 * process): the send thirty slots on has not been reserved yet (the horizon is shorter than a second), so moving
 * every later slot by what the jitter room cannot absorb keeps any second's worth of arrivals within the limit.
 */
export function lateShiftMs(lateMs: number): number {
  return Math.max(0, lateMs - LATE_ALLOWANCE_MS);
}
