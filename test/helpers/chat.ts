// Talking to the core in-process as one person, the way a channel would.
import type { Core } from "../../bot/core/router.ts";
import type { Incoming, PlatformName, Reply } from "../../bot/core/types.ts";

export function chatAs(core: Core, userId: string, platform: PlatformName = "console", extra: Partial<Incoming> = {}) {
  const ref = { platform, chatId: userId, userId };
  const send = (message: Partial<Incoming>): Promise<Reply[]> =>
    core.handle({ ref, chatType: "private", ...extra, ...message });
  return {
    ref,
    say: (text: string) => send({ text }),
    press: (button: string) => send({ button }),
    send,
    /** The text of all replies to one message, joined. */
    async text(text: string) {
      return (await send({ text })).map((r) => r.text).join("\n");
    },
  };
}
