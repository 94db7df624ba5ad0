// The platform's cap for the whole bot, shared by every worker process through Redis: one timeline of send slots
// per platform (pacing.ts), advanced by a Lua script so two processes never take the same slot. The clock is
// Redis's own (TIME), so processes whose clocks disagree still space their sends by the same ruler.
import type { Redis } from "ioredis";
import type { PlatformName } from "../../bot/core/types.ts";
import type { Reservation } from "./pacing.ts";
import type { PlatformLimit } from "./platform-limits.ts";

// Same sum as reserveSlot (pacing.ts). Slots are kept as "%.3f" strings: Lua's default number format keeps 14
// digits, which would round an epoch in ms to 0.1 ms and let the fractional spacing drift. Replies are strings for
// the same reason (Redis turns Lua numbers into integers). The key outlives its slot by a second, then the
// timeline is idle and the next send may go at once.
const reserveScript = `
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
return {1, string.format('%.3f', wait), string.format('%.3f', slot)}`;

// Moves the timeline so the next slot is `ms` from now (unless it is later already).
const pushBackScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local last = now + tonumber(ARGV[1]) - tonumber(ARGV[2])
local raw = redis.call('GET', KEYS[1])
if raw and tonumber(raw) >= last then return 0 end
redis.call('SET', KEYS[1], string.format('%.3f', last), 'PX', math.ceil(tonumber(ARGV[1])) + 1000)
return 1`;

// Moves every slot not yet taken `ms` later (an idle timeline has none to move).
const shiftScript = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local shift = tonumber(ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 1 then ttl = 1 end
redis.call('SET', KEYS[1], string.format('%.3f', tonumber(raw) + shift), 'PX', ttl + math.ceil(shift))
return 1`;

export interface Pacer {
  /**
   * Takes the platform's next send slot if it is at most `horizonMs` away (slotMs in Redis's clock). A platform
   * without a pace always gets one at once.
   */
  reserve(platform: PlatformName, horizonMs: number): Promise<Reservation>;
  /** A send left late: the slots still to be taken move `ms` later. */
  shift(platform: PlatformName, ms: number): Promise<void>;
  /** The platform said "too fast": no slot in the next `ms`. */
  pushBack(platform: PlatformName, ms: number): Promise<void>;
}

export function createPacer(redis: Redis, keyPrefix: string, limits: Record<PlatformName, PlatformLimit>): Pacer {
  const key = (platform: PlatformName) => `${keyPrefix}:pace:${platform}`;
  return {
    async reserve(platform, horizonMs) {
      const pace = limits[platform].pace;
      if (!pace) return { reserved: true, waitMs: 0, slotMs: Date.now() };
      const [reserved, wait, slot] = (await redis.eval(
        reserveScript,
        1,
        key(platform),
        String(pace.spacingMs),
        String(horizonMs),
      )) as [number, string, string];
      return { reserved: reserved === 1, waitMs: Number(wait), slotMs: Number(slot) };
    },
    async shift(platform, ms) {
      if (!limits[platform].pace || ms <= 0) return;
      await redis.eval(shiftScript, 1, key(platform), String(ms));
    },
    async pushBack(platform, ms) {
      const pace = limits[platform].pace;
      if (!pace) return;
      await redis.eval(pushBackScript, 1, key(platform), String(ms), String(pace.spacingMs));
    },
  };
}
