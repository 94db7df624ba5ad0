// Waits between tries of one outbox row. Pure.

const MAX_WAIT_MS = 60 * 60 * 1000;

/** After the n-th failed try (n ≥ 1): base, 2×base, 4×base, … at most an hour. */
export function retryDelayMs(failedTries: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failedTries - 1), MAX_WAIT_MS);
}

/** Runs `fn` again after short pauses if it throws: for the one write that must not be lost after a send. */
export async function persist<T>(fn: () => Promise<T>, tries = 3, pauseMs = 200): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * i));
    }
  }
}
