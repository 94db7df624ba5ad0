// The buttons a chat was last offered. Where a platform has no buttons (WeChat) or the person types instead of
// tapping, "2" or the button's words pick the choice, on every channel alike.
import type { Redis } from "ioredis";
import type { Button, ConversationRef } from "./types.ts";

const TTL_SECONDS = 24 * 60 * 60;

export function createChoiceMemory(redis: Redis, prefix: string) {
  const key = (ref: ConversationRef) => `${prefix}:choices:${ref.platform}:${ref.chatId}:${ref.userId}`;
  return {
    async remember(ref: ConversationRef, buttons: Button[][] | undefined) {
      const flat = buttons?.flat() ?? [];
      if (flat.length) await redis.set(key(ref), JSON.stringify(flat), "EX", TTL_SECONDS);
      else await redis.del(key(ref));
    },
    /** The payload the text picks, if it is a choice number or a button's label. */
    async pick(ref: ConversationRef, text: string): Promise<string | undefined> {
      const raw = await redis.get(key(ref));
      if (!raw) return undefined;
      const offered = JSON.parse(raw) as Button[];
      const said = text.trim().replace(/[.。、)）]$/, "");
      const n = /^\d{1,2}$/.test(said) ? Number(said) : Number.NaN;
      if (n >= 1 && n <= offered.length) return offered[n - 1]!.payload;
      const lower = said.toLowerCase();
      return offered.find((b) => b.label.toLowerCase() === lower)?.payload;
    },
  };
}
export type ChoiceMemory = ReturnType<typeof createChoiceMemory>;
