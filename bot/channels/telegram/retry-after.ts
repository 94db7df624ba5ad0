// Replies to a person who just wrote should arrive even when Telegram asks us to slow down: on 429, wait the
// retry_after it names and try again, for as long as the answer is still worth having (a minute), however many
// tries that takes — a reply must not be lost because a broadcast filled the second three times running (the idea
// of grammY's auto-retry plugin, limited to flood control). Proactive sends do not use this; the delivery worker
// schedules their retries itself.

import { setTimeout as sleep } from "node:timers/promises";
import type { Transformer } from "grammy";

export interface RetryAfterOptions {
  /** Tries in all, the first included (default: as many as fit in `withinMs`). */
  maxAttempts?: number;
  /** No try starts later than this after the first (default a minute). */
  withinMs?: number;
  /** A longer wait than this is given up on: the person has moved on by then. */
  maxWaitSec?: number;
  onWait?: (method: string, seconds: number) => void;
}

export function retryAfter({
  maxAttempts = Number.POSITIVE_INFINITY,
  withinMs = 60_000,
  maxWaitSec = 30,
  onWait,
}: RetryAfterOptions = {}): Transformer {
  return async (prev, method, payload, signal) => {
    // The runner handles flood control on getUpdates itself.
    if (method === "getUpdates") return prev(method, payload, signal);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429 || attempt >= maxAttempts) return result;
      const seconds = result.parameters?.retry_after ?? 1;
      if (seconds > maxWaitSec || Date.now() + seconds * 1000 - started > withinMs) return result;
      onWait?.(method, seconds);
      await sleep(seconds * 1000, undefined, { signal: signal as globalThis.AbortSignal | undefined });
    }
  };
}
