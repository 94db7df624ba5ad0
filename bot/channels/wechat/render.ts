// How a Reply goes out on WeChat, which has no buttons and no captions: the image or file (if any) first, then the text
// with the buttons as numbered choices the person answers with the digit (the core maps it back, core/choices.ts).
import type { Button, Reply } from "../../core/types.ts";

export type OutgoingPart =
  | { kind: "image"; png: Uint8Array }
  | { kind: "file"; name: string; bytes: Uint8Array }
  | { kind: "text"; text: string };

export function numberedChoices(buttons: Button[][] | undefined): string[] {
  return (buttons ?? []).flat().map((b, i) => `${i + 1}. ${b.label}`);
}

export function renderText(reply: Reply): string {
  const choices = numberedChoices(reply.buttons);
  return choices.length ? `${reply.text}\n\n${choices.join("\n")}` : reply.text;
}

/** The messages one Reply becomes, in sending order. */
export function outgoingParts(reply: Reply): OutgoingPart[] {
  const text = renderText(reply);
  return [
    ...(reply.image ? [{ kind: "image" as const, png: reply.image }] : []),
    ...(reply.file ? [{ kind: "file" as const, name: reply.file.name, bytes: reply.file.bytes }] : []),
    ...(text.trim() ? [{ kind: "text" as const, text }] : []),
  ];
}
