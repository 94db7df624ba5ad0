// A core Reply as Telegram messages: text (split when long), buttons as an inline keyboard on the last part,
// an image as a photo (a file as a document) with the text as its caption when it fits.
import { type Api, InputFile } from "grammy";
import { imageFileName } from "../../core/images.ts";
import type { Button, Reply } from "../../core/types.ts";
import { CAPTION_LIMIT, splitText } from "../split-text.ts";

/** Telegram's limit for callback_data. */
export const CALLBACK_DATA_LIMIT = 64;

type InlineKeyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

export interface RenderOptions {
  /** In groups: the message being answered, so the reply is threaded under it. */
  replyTo?: number;
  /** Told about each button left out because its payload is too long for Telegram. */
  onDroppedButton?: (button: Button) => void;
}

export function inlineKeyboard(
  buttons: Button[][] | undefined,
  onDropped?: (button: Button) => void,
): InlineKeyboard | undefined {
  const rows = (buttons ?? [])
    .map((row) =>
      row.filter((b) => {
        const fits = Buffer.byteLength(b.payload) <= CALLBACK_DATA_LIMIT && b.payload.length > 0;
        if (!fits) onDropped?.(b);
        return fits;
      }),
    )
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => ({ text: b.label, callback_data: b.payload })));
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** Sends one Reply to one chat; rejects with the API's error at the first part that fails. */
export async function sendReply(api: Api, chatId: number | string, reply: Reply, options: RenderOptions = {}) {
  const keyboard = inlineKeyboard(reply.buttons, options.onDroppedButton);
  let replyTo = options.replyTo;
  const threading = () => {
    if (replyTo === undefined) return {};
    const params = { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
    replyTo = undefined;
    return params;
  };

  const text = reply.text;
  if (reply.image) {
    const captionFits = text.length <= CAPTION_LIMIT;
    await api.sendPhoto(chatId, new InputFile(reply.image, imageFileName(reply.image)), {
      ...(captionFits && text ? { caption: text } : {}),
      ...(captionFits && keyboard ? { reply_markup: keyboard } : {}),
      ...threading(),
    });
    if (captionFits) return;
  }
  if (reply.file) {
    // A document (a CSV export) carries the text as its caption when it fits, like a photo.
    const captionFits = text.length <= CAPTION_LIMIT;
    await api.sendDocument(chatId, new InputFile(reply.file.bytes, reply.file.name), {
      ...(captionFits && text ? { caption: text } : {}),
      ...(captionFits && keyboard ? { reply_markup: keyboard } : {}),
      ...threading(),
    });
    if (captionFits) return;
  }

  const parts = splitText(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await api.sendMessage(chatId, part, { ...(last && keyboard ? { reply_markup: keyboard } : {}), ...threading() });
  }
}
