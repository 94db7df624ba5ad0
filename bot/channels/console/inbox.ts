// Messages the bot sends on its own to a console chat. Whichever process's delivery worker sends one (`npm start`,
// or another console), it lands in that chat's list in Redis, and the console playing that member prints it —
// now, or when it next opens. Two consoles can so play two roles and see what the bot tells each.
import type { Redis } from "ioredis";
import type { Reply } from "../../core/types.ts";

/** Unread console messages are kept this long. */
const KEEP_SECONDS = 7 * 24 * 3600;

type Stored = Omit<Reply, "image" | "file"> & {
  image?: string;
  file?: { name: string; mime: string; bytes: string };
};

export function createConsoleInbox(redis: Redis, prefix: string) {
  const key = (chatId: string) => `${prefix}:console-inbox:${chatId}`;
  return {
    async push(chatId: string, reply: Reply): Promise<void> {
      const { image, file, ...rest } = reply;
      const stored: Stored = {
        ...rest,
        ...(image ? { image: Buffer.from(image).toString("base64") } : {}),
        ...(file ? { file: { ...file, bytes: Buffer.from(file.bytes).toString("base64") } } : {}),
      };
      await redis.multi().lpush(key(chatId), JSON.stringify(stored)).expire(key(chatId), KEEP_SECONDS).exec();
    },
    /** Everything waiting for this chat, oldest first, removed from the list. */
    async take(chatId: string): Promise<Reply[]> {
      const replies: Reply[] = [];
      for (;;) {
        const raw = await redis.rpop(key(chatId));
        if (raw === null) return replies;
        const { image, file, ...rest } = JSON.parse(raw) as Stored;
        replies.push({
          ...rest,
          ...(image ? { image: Buffer.from(image, "base64") } : {}),
          ...(file ? { file: { ...file, bytes: Buffer.from(file.bytes, "base64") } } : {}),
        });
      }
    },
  };
}

export type ConsoleInbox = ReturnType<typeof createConsoleInbox>;
