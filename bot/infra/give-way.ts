// Long pure work (an import's 100,000 rows) hands the event loop back now and then: the same process answers
// webhooks and the admin API, and its overload guard refuses every request while the loop is held for a second.
import { setImmediate as nextTurn } from "node:timers/promises";

/** Rows checked between two turns of the event loop: 7–8 ms of a member import's checks. */
export const ROWS_PER_TURN = 1_000;

/** Resolves after the event loop has run once (timers, I/O) when `done` is a multiple of `every`. */
export function giveWay(done: number, every = ROWS_PER_TURN): Promise<void> | undefined {
  return done > 0 && done % every === 0 ? nextTurn() : undefined;
}
