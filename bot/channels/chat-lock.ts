// One chat's messages one at a time across every process that serves the chat (webhooks behind a round-robin):
// the dialog state two messages read and write is not versioned, so two at once could lose an answer or apply it
// to the wrong step. Within a process the channel's own order (sequentialize, createPerChatOrder) stays in front,
// so a process never waits on a lock it holds itself; this only makes processes take turns.
//
// A Redis key per chat holds a random token. It lives CHAT_LOCK_TTL_MS and is extended while its holder works, so
// a process that dies frees the chat within that time, and a slow one keeps it. Only the holder's token may extend
// or delete it: a holder whose key expired must not free the chat for someone else's turn.
// Redis out of reach: the message goes on without the lock (process-local order only, as before the lock) — the
// core answers "busy" by itself when it needs Redis.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Logger } from "../infra/logger.ts";

export const CHAT_LOCK_TTL_MS = 30_000;
const RETRY_MS = 20;

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;

/** The chat stayed taken by another process for longer than the wait allowed. */
export class ChatBusyError extends Error {
  override name = "ChatBusyError";
}

export interface ChatLockOptions {
  redis: Redis;
  prefix: string;
  /** Part of the key: the same chat id on two platforms is two chats. */
  platform: string;
  /** Give up (ChatBusyError) after waiting this long. */
  waitMs: number;
  logger: Logger;
  ttlMs?: number;
}

/** `locked(chatKey, task)` runs the task once no other process runs one for the chat; rejects with ChatBusyError. */
export function createChatLock(options: ChatLockOptions) {
  const { redis, logger } = options;
  const ttlMs = options.ttlMs ?? CHAT_LOCK_TTL_MS;

  async function acquire(key: string, token: string): Promise<boolean> {
    const until = Date.now() + options.waitMs;
    for (;;) {
      if ((await redis.set(key, token, "PX", ttlMs, "NX")) === "OK") return true;
      if (Date.now() + RETRY_MS > until) return false;
      await sleep(RETRY_MS);
    }
  }

  return async function locked<T>(chatKey: string, task: () => Promise<T>): Promise<T> {
    const key = `${options.prefix}:chat-lock:${options.platform}:${chatKey}`;
    const token = randomBytes(12).toString("base64url");
    try {
      if (!(await acquire(key, token))) throw new ChatBusyError(`chat still taken after ${options.waitMs} ms`);
    } catch (err) {
      if (err instanceof ChatBusyError) throw err;
      // No chat id in the line: the log context (update id) finds the message.
      logger.warn({ err, platform: options.platform }, "chat lock unavailable; going on in this process's order");
      // A take that timed out may still have been written: left there, it would keep the chat for the whole TTL.
      void redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      return task();
    }
    const extend = setInterval(() => {
      redis.eval(EXTEND, 1, key, token, ttlMs).then(
        (kept) => {
          if (kept !== 0) return;
          clearInterval(extend);
          logger.warn({ platform: options.platform }, "chat lock expired while held");
        },
        (err: unknown) => logger.warn({ err, platform: options.platform }, "chat lock not extended"),
      );
    }, ttlMs / 3);
    extend.unref();
    try {
      return await task();
    } finally {
      clearInterval(extend);
      // Not waited for: the answer need not wait, and this process's next take of the chat follows on the same
      // connection, so after it. Not released at all (Redis gone): the key expires within the TTL.
      void redis
        .eval(RELEASE, 1, key, token)
        .catch((err: unknown) => logger.warn({ err, platform: options.platform }, "chat lock not released"));
    }
  };
}
