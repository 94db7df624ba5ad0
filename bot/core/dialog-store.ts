// Multi-step dialogs keep their state in Redis with a time-to-live: an abandoned dialog expires by itself.
import type { Redis } from "ioredis";
import type { ConversationRef } from "./types.ts";

export interface DialogState {
  name: string;
  step: string;
  data: Record<string, unknown>;
}

const TTL_SECONDS = 30 * 60;

export function createDialogStore(redis: Redis, prefix: string) {
  const key = (ref: ConversationRef) => `${prefix}:dialog:${ref.platform}:${ref.chatId}:${ref.userId}`;
  return {
    async get(ref: ConversationRef): Promise<DialogState | null> {
      const raw = await redis.get(key(ref));
      return raw ? (JSON.parse(raw) as DialogState) : null;
    },
    async set(ref: ConversationRef, state: DialogState) {
      await redis.set(key(ref), JSON.stringify(state), "EX", TTL_SECONDS);
    },
    async clear(ref: ConversationRef) {
      await redis.del(key(ref));
    },
  };
}
export type DialogStore = ReturnType<typeof createDialogStore>;
