// The bot-wide pace as virtual scheduling (GCRA): every send takes the next free slot on one timeline, `spacing`
// after the slot before it and never before now, so sends are exactly evenly spaced however many workers ask and
// however long each takes. Pure; pacer.ts does the same sum atomically in Redis for every process at once.

/**
 * Added to each second's worth of slots. The timeline only spreads sends evenly; the guarantee against the
 * platform's count is the window of sends in flight and answered (pacer.ts `depart`), so this needs only to keep
 * the timeline a hair slower than the window, which then rarely has to hold a send back.
 */
export const SPACING_ROOM_MS = 3;

/** Milliseconds between two sends (fractional: 30/s is 33.43 ms, not a rounded 34). */
export function spacingMs(perSecond: number): number {
  return (1_000 + SPACING_ROOM_MS) / perSecond;
}

/**
 * Added to the platform's window when counting answered sends: our clock (Redis's) and the platform's may tick a
 * little apart.
 */
export const WINDOW_MARGIN_MS = 1;
/** A send still unanswered after this long (its process died) stops holding its place in the window. */
export const IN_FLIGHT_MAX_MS = 30_000;
/** How soon to ask again when the window is full of sends still in flight (their answers are due any moment). */
export const IN_FLIGHT_POLL_MS = 2;

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
