// A Telegram update as the core's Incoming, or undefined when the bot should stay silent (a group message not
// meant for it, another bot, a channel post, a service message).
import type { Context } from "grammy";
import type { Incoming } from "../../core/types.ts";
import type { FileDownloader } from "./download.ts";

type Update = Context["update"];
type Message = NonNullable<Update["message"]>;
type User = NonNullable<Message["from"]>;
type Entity = NonNullable<Message["entities"]>[number];

export interface BotIdentity {
  id: number;
  username: string;
}

/** Messages without text or photo that a person still meant for us: answered with "please send text". */
const OTHER_CONTENT = [
  "sticker",
  "voice",
  "audio",
  "video",
  "video_note",
  "document",
  "animation",
  "location",
  "contact",
  "venue",
  "poll",
  "dice",
] as const satisfies readonly (keyof Message)[];

/**
 * A private chat is the person's own: Telegram gives it their user id. An update that says otherwise did not come
 * from Telegram as it is, and believing it would move where the member's messages go.
 */
export function privateChatMismatch(update: Update): boolean {
  const message = update.callback_query?.message ?? update.message;
  const from = update.callback_query?.from ?? update.message?.from;
  return message?.chat.type === "private" && from !== undefined && message.chat.id !== from.id;
}

/** `download` fetches a photo's bytes when a feature asks for them (Incoming.image.fetch). */
export function toIncoming(update: Update, bot: BotIdentity, download?: FileDownloader): Incoming | undefined {
  if (privateChatMismatch(update)) return undefined;
  if (update.callback_query) {
    const query = update.callback_query;
    // Buttons under inline-mode messages have no chat, and game buttons no data: neither is ours.
    const chat = query.message?.chat;
    if (!chat || query.data === undefined || chat.type === "channel") return undefined;
    const group = chat.type !== "private";
    return {
      ...person(query.from),
      ref: { platform: "telegram", chatId: String(chat.id), userId: String(query.from.id) },
      button: query.data,
      chatType: group ? "group" : "private",
      ...(group ? { mentioned: true } : {}),
    };
  }

  const message = update.message;
  if (!message?.from || message.from.is_bot) return undefined;
  const group = message.chat.type !== "private";
  const raw = message.text ?? message.caption;
  const entities = (message.entities ?? message.caption_entities ?? []) as Entity[];
  const photo = largest(message.photo);
  if (raw === undefined && !photo && !OTHER_CONTENT.some((k) => message[k] !== undefined)) return undefined;

  const mentioned =
    entities.some((e) => mentionsBot(raw ?? "", e, bot)) || message.reply_to_message?.from?.id === bot.id;
  const command = raw === undefined ? undefined : commandTarget(raw, entities);
  if (group) {
    // A command for another bot (`/help@OtherBot`) is not ours even when someone also mentions us.
    if (command?.target && command.target.toLowerCase() !== bot.username.toLowerCase()) return undefined;
    if (!mentioned && !command) return undefined;
  }

  const text = raw === undefined ? undefined : withoutMentions(raw, entities, bot);
  return {
    ...person(message.from),
    ref: { platform: "telegram", chatId: String(message.chat.id), userId: String(message.from.id) },
    ...(text !== undefined && (text !== "" || !photo) ? { text } : {}),
    ...(photo ? { image: { fileRef: photo, fetch: () => fetchFile(download, photo) } } : {}),
    chatType: group ? "group" : "private",
    ...(group ? { mentioned: true } : {}),
  };
}

function fetchFile(download: FileDownloader | undefined, fileId: string): Promise<Uint8Array> {
  return download ? download(fileId) : Promise.reject(new Error("no file downloader"));
}

function person(from: User): Pick<Incoming, "languageCode" | "displayName"> {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return {
    ...(from.language_code ? { languageCode: from.language_code } : {}),
    ...(displayName ? { displayName } : {}),
  };
}

/** file_id of the biggest size Telegram offers (the list is not promised to be sorted). */
function largest(photo: Message["photo"]): string | undefined {
  if (!photo?.length) return undefined;
  const area = (p: (typeof photo)[number]) => p.file_size ?? p.width * p.height;
  return photo.reduce((best, p) => (area(p) > area(best) ? p : best)).file_id;
}

function mentionsBot(text: string, e: Entity, bot: BotIdentity): boolean {
  if (e.type === "text_mention") return e.user.id === bot.id;
  return (
    e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${bot.username}`.toLowerCase()
  );
}

/** A leading `/command` or `/command@target`. */
function commandTarget(text: string, entities: Entity[]): { target?: string } | undefined {
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return undefined;
  const [, target] = text.slice(1, entity.length).split("@", 2);
  return target ? { target } : {};
}

/** "@TuanzhuBot 查一下我的团籍" → "查一下我的团籍": the core should see what was asked, not whom. */
function withoutMentions(text: string, entities: Entity[], bot: BotIdentity): string {
  const ours = entities.filter((e) => mentionsBot(text, e, bot)).sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const e of ours) result = result.slice(0, e.offset) + result.slice(e.offset + e.length);
  return ours.length ? result.replace(/\s+/g, " ").trim() : text;
}
