// Which WeChat messages the bot answers, and what the core sees of them: private chats always; in a room only
// text that @-mentions the bot, with the mention taken out. Its own messages, official accounts' pushes and
// anything but text and images (voice, stickers, links…) are left alone.

import type { Message } from "wechaty";
import { types } from "wechaty";
import type { Incoming, IncomingImage } from "../../core/types.ts";

export async function toIncoming(message: Message): Promise<Incoming | undefined> {
  if (message.self()) return undefined;
  const talker = message.talker();
  if (talker.type() === types.Contact.Official) return undefined;
  const type = message.type();
  const isImage = type === types.Message.Image;
  if (type !== types.Message.Text && !isImage) return undefined;
  const displayName = talker.name() || undefined;

  const room = message.room();
  if (!room) {
    const ref = { platform: "wechat" as const, chatId: talker.id, userId: talker.id };
    return isImage
      ? { ref, chatType: "private", image: imageOf(message), displayName }
      : { ref, chatType: "private", text: message.text(), displayName };
  }

  if (isImage || !(await message.mentionSelf())) return undefined;
  return {
    ref: { platform: "wechat", chatId: room.id, userId: talker.id },
    chatType: "group",
    mentioned: true,
    text: await message.mentionText(),
    displayName,
  };
}

/** The image's bytes through the puppet, only when a feature asks for them. */
function imageOf(message: Message): IncomingImage {
  return {
    fileRef: message.id,
    fetch: async () => new Uint8Array(await (await message.toFileBox()).toBuffer()),
  };
}
