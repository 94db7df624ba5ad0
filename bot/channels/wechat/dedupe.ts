// Puppets may emit a message again (around a reconnect, or a puppet-service replaying its stream). The first
// emit claims the message id in Redis for a day; the others are dropped.
//
// Redis only, a documented limit: WeChat message ids are opaque and unordered, so unlike Telegram's update_ids
// no cheap per-account mark in PostgreSQL can tell an old id from a new one; after a Redis flush a message
// re-emitted within the day would be answered again. When Redis cannot be asked the message is handled
// unclaimed: the core needs Redis too and answers "busy", which is better than silence.
import type { Redis } from "ioredis";
import { isUnavailableError } from "../../core/unavailable.ts";
import type { Logger } from "../../infra/logger.ts";

const CLAIM_TTL_SEC = 24 * 60 * 60;

export function createMessageClaims(redis: Redis, prefix: string, logger: Logger) {
  return async function claim(messageId: string): Promise<boolean> {
    try {
      return (await redis.set(`${prefix}:wx-msg:${messageId}`, "1", "EX", CLAIM_TTL_SEC, "NX")) === "OK";
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      logger.warn({ err: error, messageId }, "wechat message claim unavailable; handled unclaimed");
      return true;
    }
  };
}
