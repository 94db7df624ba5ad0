// What the core hears from a Telegram update, and which updates the bot keeps quiet about.
import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { privateChatMismatch, toIncoming } from "../../../bot/channels/telegram/incoming.ts";

type Update = Context["update"];
const bot = { id: 4242, username: "TuanzhuBot" };
const person = { id: 101, is_bot: false, first_name: "明", last_name: "李", language_code: "en-US" };
const privateChat = { id: 101, type: "private" as const, first_name: "明" };
const group = { id: -100555, type: "supergroup" as const, title: "团支部" };

function message(fields: Record<string, unknown>, chat: object = privateChat): Update {
  return { update_id: 1, message: { message_id: 9, date: 0, chat, from: person, ...fields } } as unknown as Update;
}
const mention = (offset: number, length: number) => ({ type: "mention", offset, length });
const command = (length: number) => ({ type: "bot_command", offset: 0, length });

describe("toIncoming", () => {
  it("hears nothing from a private chat that is not the sender's own, by message or by button", () => {
    const elsewhere = { id: 202, type: "private" as const, first_name: "别人" };
    const forged = message({ text: "/start" }, elsewhere);
    const button = {
      update_id: 2,
      callback_query: { id: "q", from: person, chat_instance: "1", data: "lang:en", message: { chat: elsewhere } },
    } as unknown as Update;
    expect([privateChatMismatch(forged), privateChatMismatch(button)]).toEqual([true, true]);
    expect([toIncoming(forged, bot), toIncoming(button, bot)]).toEqual([undefined, undefined]);
    // Groups have their own ids; the person's own private chat is theirs.
    expect(privateChatMismatch(message({ text: "/start" }, group))).toBe(false);
    expect(privateChatMismatch(message({ text: "/start" }))).toBe(false);
  });

  it("turns a private text into the person's words, with their language and name", () => {
    expect(toIncoming(message({ text: "查一下我的团籍" }), bot)).toEqual({
      ref: { platform: "telegram", chatId: "101", userId: "101" },
      text: "查一下我的团籍",
      chatType: "private",
      languageCode: "en-US",
      displayName: "明 李",
    });
  });

  it("passes a photo on as the file_id of its largest size, with the caption as text", () => {
    const photo = [
      { file_id: "small", file_unique_id: "a", width: 90, height: 90, file_size: 900 },
      { file_id: "large", file_unique_id: "c", width: 1280, height: 1280, file_size: 99_000 },
      { file_id: "medium", file_unique_id: "b", width: 320, height: 320, file_size: 9_000 },
    ];
    expect(toIncoming(message({ photo, caption: "三月团费" }), bot)).toMatchObject({
      image: { fileRef: "large" },
      text: "三月团费",
    });
    expect(toIncoming(message({ photo }), bot)).not.toHaveProperty("text");
  });

  it("turns a pressed button into its payload", () => {
    const update = {
      update_id: 2,
      callback_query: {
        id: "q1",
        from: person,
        chat_instance: "x",
        data: "lang:en",
        message: { message_id: 3, date: 0, chat: group },
      },
    } as unknown as Update;
    expect(toIncoming(update, bot)).toMatchObject({
      ref: { chatId: "-100555", userId: "101" },
      button: "lang:en",
      chatType: "group",
    });
  });

  it("in a group, ignores talk that is not addressed to the bot", () => {
    expect(toIncoming(message({ text: "明天开会" }, group), bot)).toBeUndefined();
    expect(
      toIncoming(message({ text: "@SomeoneElse 明天开会", entities: [mention(0, 12)] }, group), bot),
    ).toBeUndefined();
    expect(toIncoming(message({ text: "/help@OtherBot", entities: [command(14)] }, group), bot)).toBeUndefined();
  });

  it("in a group, answers a mention (without the mention in the text), a reply to the bot, or a command", () => {
    const mentioned = toIncoming(message({ text: "@tuanzhubot 我的团费", entities: [mention(0, 11)] }, group), bot);
    expect(mentioned).toMatchObject({ text: "我的团费", chatType: "group", mentioned: true });

    const reply = message(
      { text: "那我呢", reply_to_message: { message_id: 1, date: 0, chat: group, from: { id: 4242 } } },
      group,
    );
    expect(toIncoming(reply, bot)).toMatchObject({ text: "那我呢", mentioned: true });

    const textMention = {
      type: "text_mention",
      offset: 0,
      length: 2,
      user: { id: 4242, is_bot: true, first_name: "团助" },
    };
    expect(toIncoming(message({ text: "团助 帮助", entities: [textMention] }, group), bot)).toMatchObject({
      text: "帮助",
    });

    expect(toIncoming(message({ text: "/dues", entities: [command(5)] }, group), bot)).toMatchObject({ text: "/dues" });
    const addressed = message({ text: "/dues@TuanzhuBot", entities: [command(16)] }, group);
    expect(toIncoming(addressed, bot)).toMatchObject({ text: "/dues@TuanzhuBot" });
  });

  it("passes a sticker in a private chat on without text, and ignores other bots and service messages", () => {
    const sticker = {
      file_id: "s",
      file_unique_id: "s",
      type: "regular",
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    };
    expect(toIncoming(message({ sticker }), bot)).toMatchObject({ chatType: "private" });
    expect(toIncoming(message({ sticker }), bot)).not.toHaveProperty("text");
    expect(toIncoming(message({ sticker }, group), bot)).toBeUndefined();
    expect(toIncoming(message({ text: "hi", from: { id: 7, is_bot: true, first_name: "b" } }), bot)).toBeUndefined();
    expect(toIncoming(message({ new_chat_members: [person] }, group), bot)).toBeUndefined();
    expect(toIncoming(message({ pinned_message: {} }), bot)).toBeUndefined();
  });
});
