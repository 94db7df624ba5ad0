// One outgoing lane for the whole WeChat account. Personal accounts get banned for bursts, so every send waits
// until at least `intervalMs` has passed since the previous one ended. Replies to someone who is waiting in a
// chat go before proactive (bulk) sends, so a broadcast never makes a person wait minutes for an answer.
import { SendError } from "../../core/types.ts";

export type Lane = "reply" | "bulk";

export interface PacedQueueOptions {
  intervalMs: number;
  /** A monotonic clock in milliseconds; tests pass a fake one together with `sleep`. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Job {
  run: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const stopping = () => new SendError({ kind: "transient", reason: "wechat channel stopping" });

export function createPacedQueue({ intervalMs, now = () => performance.now(), sleep = realSleep }: PacedQueueOptions) {
  const lanes: Record<Lane, Job[]> = { reply: [], bulk: [] };
  let lastSendAt = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const pending = () => lanes.reply.length + lanes.bulk.length;

  /** Queues one platform send; resolves or rejects with its outcome once it has had its turn. */
  function push(lane: Lane, run: () => Promise<void>): Promise<void> {
    if (closed) return Promise.reject(stopping());
    const done = new Promise<void>((resolve, reject) => lanes[lane].push({ run, resolve, reject }));
    void pump();
    return done;
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (pending() > 0) {
        // Loop rather than trust one timer: timers may fire a little early, the gap must not be short.
        for (let wait = lastSendAt + intervalMs - now(); wait > 0; wait = lastSendAt + intervalMs - now()) {
          await sleep(wait);
        }
        // Picked after the wait, so a reply that arrived meanwhile overtakes the queued bulk sends.
        const job = lanes.reply.shift() ?? lanes.bulk.shift();
        if (!job) break;
        try {
          await job.run();
          job.resolve();
        } catch (error) {
          job.reject(error);
        } finally {
          // A failed attempt counts too: the platform saw it.
          lastSendAt = now();
        }
      }
    } finally {
      pumping = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves when nothing is queued or being sent. */
  function idle(): Promise<void> {
    if (!pumping && pending() === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /**
   * Takes no more sends, fails the queued bulk sends (the delivery worker retries them after restart), and
   * gives the queued replies up to `flushWithinMs` to go out; those still waiting then fail too.
   */
  async function close(flushWithinMs: number): Promise<void> {
    closed = true;
    for (const job of lanes.bulk.splice(0)) job.reject(stopping());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), flushWithinMs);
    });
    const gaveUp = await Promise.race([idle().then(() => false), timedOut]);
    clearTimeout(timer);
    if (gaveUp) for (const job of lanes.reply.splice(0)) job.reject(stopping());
  }

  return { push, idle, close, pending };
}

export type PacedQueue = ReturnType<typeof createPacedQueue>;
