// Replies to a person who just wrote should arrive even when Telegram asks us to slow down: on 429, wait the
// retry_after it names and try again (the idea of grammY's auto-retry plugin, limited to flood control).
// Proactive sends do not use this; the delivery worker schedules their retries itself.

import { setTimeout as sleep } from "node:timers/promises";
import type { Transformer } from "grammy";

export interface RetryAfterOptions {
  /** Tries in all, the first included. */
  maxAttempts?: number;
  /** A longer wait than this is given up on: the person has moved on by then. */
  maxWaitSec?: number;
  onWait?: (method: string, seconds: number) => void;
}

export function retryAfter({ maxAttempts = 3, maxWaitSec = 30, onWait }: RetryAfterOptions = {}): Transformer {
  return async (prev, method, payload, signal) => {
    // The runner handles flood control on getUpdates itself.
    if (method === "getUpdates") return prev(method, payload, signal);
    for (let attempt = 1; ; attempt++) {
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429 || attempt >= maxAttempts) return result;
      const seconds = result.parameters?.retry_after ?? 1;
      if (seconds > maxWaitSec) return result;
      onWait?.(method, seconds);
      await sleep(seconds * 1000, undefined, { signal: signal as globalThis.AbortSignal | undefined });
    }
  };
}
