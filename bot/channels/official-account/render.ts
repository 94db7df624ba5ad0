// What one Reply becomes on an Official Account: WeChat's rendering (image first, buttons as numbered choices),
// texts cut to what a customer-service or passive reply takes, and a file — which the account cannot send — as
// a line saying where to get it.
import type { Reply } from "../../core/types.ts";
import { splitText } from "../split-text.ts";
import { outgoingParts } from "../wechat/render.ts";

/**
 * WeChat takes 2048 bytes of text per message. Counted in UTF-16 units like splitText, 600 stays below that
 * even when every character is Chinese (3 bytes) or half of them are surrogate pairs (4 bytes per 2 units).
 */
export const OA_TEXT_LIMIT = 600;

export type OaPart = { kind: "text"; text: string } | { kind: "image"; png: Uint8Array };

export function oaParts(reply: Reply, fileNotice: (name: string) => string): OaPart[] {
  return outgoingParts(reply).flatMap((part): OaPart[] => {
    if (part.kind === "image") return [part];
    const text = part.kind === "file" ? fileNotice(part.name) : part.text;
    return splitText(text, OA_TEXT_LIMIT).map((t) => ({ kind: "text" as const, text: t }));
  });
}
