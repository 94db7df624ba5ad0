// Under overload the server answers 503 with Retry-After instead of falling over: when the event loop lags or
// memory runs high, new requests (Telegram retries its webhook, scrapers and operators retry) wait their turn.
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";

export interface OverloadLimits {
  maxEventLoopDelayMs: number;
  maxRssBytes: number;
  /** How often the load is sampled (under-pressure's default: every second). */
  sampleIntervalMs?: number;
}

export function registerOverloadGuard(app: FastifyInstance, limits: OverloadLimits) {
  void app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxRssBytes: limits.maxRssBytes,
    retryAfter: 10,
    ...(limits.sampleIntervalMs ? { sampleInterval: limits.sampleIntervalMs } : {}),
    message: "Service Unavailable: overloaded, try again shortly",
  });
}
