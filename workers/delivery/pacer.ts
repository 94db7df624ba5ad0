// The platform's cap for the whole bot, shared by every worker process through Redis: one timeline of send slots
// per platform (pacing.ts), advanced by a Lua script so two processes never take the same slot. The clock is
// Redis's own (TIME), so processes whose clocks disagree still space their sends by the same ruler. The timeline
// spreads sends evenly; the window of sends in flight and answered (`depart`) is what guarantees the platform never
// counts one too many, however late a timer fired or however long the network took.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { PlatformName } from "../../bot/core/types.ts";
import { IN_FLIGHT_MAX_MS, IN_FLIGHT_POLL_MS, type Reservation, WINDOW_MARGIN_MS } from "./pacing.ts";
import type { Lane, PlatformLimit } from "./platform-limits.ts";

/**
 * A one-key script sent by its digest (EVALSHA), and whole only when Redis does not know it (first use, or a Redis
 * that restarted or was flushed): every answer takes two of them, and EVAL would send the script's text each time.
 */
function luaScript(lua: string) {
  const sha = createHash("sha1").update(lua).digest("hex");
  return async (redis: Redis, key: string, ...args: string[]): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, 1, key, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
      return redis.eval(lua, 1, key, ...args);
    }
  };
}

// Same sum as reserveSlot (pacing.ts). Slots are kept as "%.3f" strings: Lua's default number format keeps 14
// digits, which would round an epoch in ms to 0.1 ms and let the fractional spacing drift. Replies are strings for
// the same reason (Redis turns Lua numbers into integers). The key outlives its slot by a second, then the
// timeline is idle and the next send may go at once.
const reserveScript = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local spacing = tonumber(ARGV[1])
local horizon = tonumber(ARGV[2])
local raw = redis.call('GET', KEYS[1])
local slot = now
if raw then
  local after = tonumber(raw) + spacing
  if after > slot then slot = after end
end
local wait = slot - now
if wait > horizon then return {0, string.format('%.3f', wait), string.format('%.3f', slot)} end
redis.call('SET', KEYS[1], string.format('%.3f', slot), 'PX', math.ceil(wait + spacing) + 1000)
return {1, string.format('%.3f', wait), string.format('%.3f', slot)}`);

// Moves the timeline so the next slot is `ms` from now (unless it is later already).
const pushBackScript = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local last = now + tonumber(ARGV[1]) - tonumber(ARGV[2])
local raw = redis.call('GET', KEYS[1])
if raw and tonumber(raw) >= last then return 0 end
redis.call('SET', KEYS[1], string.format('%.3f', last), 'PX', math.ceil(tonumber(ARGV[1])) + 1000)
return 1`);

// Sends in flight and sends answered within the last window (plus margin), as a sorted set scored by when each
// stops counting: a send may leave only while fewer than the platform's count are in it. The platform counts arrivals,
// and a send arrives after it left and before its answer came back, so counting each from its departure until a
// window after its answer bounds every sliding window of arrivals, however long the network took (a slow send
// simply keeps its place longer). A send in flight counts until its answer, or IN_FLIGHT_MAX_MS if its process died.
// Returns 0 when the departure was recorded, else how long to wait before asking again.
const departScript = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local count = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now))
if redis.call('ZCARD', KEYS[1]) >= count then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local wait = tonumber(first[2]) - now
  if wait > span then wait = tonumber(ARGV[4]) end
  return string.format('%.3f', wait)
end
redis.call('ZADD', KEYS[1], string.format('%.3f', now + tonumber(ARGV[3])), ARGV[5])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3]) + span))
return '0'`);

// The answer came back: the send counts for one window (plus margin) from now.
const answeredScript = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
redis.call('ZADD', KEYS[1], 'XX', string.format('%.3f', now + tonumber(ARGV[1])), ARGV[2])
return 1`);

// Each lane has its own timeline (a reply never queues behind the broadcast's slots); the window of sends in flight
// and answered is one per platform, and a broadcast may depart only while it holds fewer than the broadcast share,
// so the rest of the platform's count is always there for replies.
export interface Pacer {
  /**
   * Takes the lane's next send slot if it is at most `horizonMs` away (slotMs in Redis's clock). A platform
   * without a pace always gets one at once.
   */
  reserve(platform: PlatformName, horizonMs: number, lane?: Lane): Promise<Reservation>;
  /** The platform said "too fast": no slot in either lane in the next `ms`. */
  pushBack(platform: PlatformName, ms: number): Promise<void>;
  /** Right before a send leaves: records it as in flight, or says how long to wait first (ms, 0 = go). */
  depart(platform: PlatformName, sendId: string, lane?: Lane): Promise<number>;
  /** The platform answered the send (whatever the answer). */
  answered(platform: PlatformName, sendId: string): Promise<void>;
}

export function createPacer(
  redis: Redis,
  keyPrefix: string,
  limits: Record<PlatformName, PlatformLimit>,
  inFlightMaxMs = IN_FLIGHT_MAX_MS,
): Pacer {
  // The broadcast lane keeps the key the single timeline had.
  const key = (platform: PlatformName, lane: Lane) =>
    `${keyPrefix}:pace:${platform}${lane === "reply" ? ":reply" : ""}`;
  const inWindow = (platform: PlatformName) => `${keyPrefix}:pace:${platform}:window`;
  return {
    async reserve(platform, horizonMs, lane = "broadcast") {
      const pace = limits[platform].pace;
      if (!pace) return { reserved: true, waitMs: 0, slotMs: Date.now() };
      const [reserved, wait, slot] = (await reserveScript(
        redis,
        key(platform, lane),
        String(pace.spacingMs[lane]),
        String(horizonMs),
      )) as [number, string, string];
      return { reserved: reserved === 1, waitMs: Number(wait), slotMs: Number(slot) };
    },
    async pushBack(platform, ms) {
      const pace = limits[platform].pace;
      if (!pace) return;
      for (const lane of ["broadcast", "reply"] as const) {
        await pushBackScript(redis, key(platform, lane), String(ms), String(pace.spacingMs[lane]));
      }
    },
    async depart(platform, sendId, lane = "broadcast") {
      const pace = limits[platform].pace;
      if (!pace) return 0;
      const wait = (await departScript(
        redis,
        inWindow(platform),
        String(pace.perWindow[lane]),
        String(pace.windowMs + WINDOW_MARGIN_MS),
        String(inFlightMaxMs),
        String(IN_FLIGHT_POLL_MS),
        sendId,
      )) as string;
      return Number(wait);
    },
    async answered(platform, sendId) {
      const pace = limits[platform].pace;
      if (!pace) return;
      await answeredScript(redis, inWindow(platform), String(pace.windowMs + WINDOW_MARGIN_MS), sendId);
    },
  };
}
