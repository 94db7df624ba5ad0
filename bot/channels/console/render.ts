// How a Reply looks in a terminal: a line saying an image is attached (a terminal cannot show it), the text, then
// numbered choices the person answers with the digit.
import type { Button, Reply } from "../../core/types.ts";

export function numberedChoices(buttons: Button[][] | undefined): string[] {
  return (buttons ?? []).flat().map((b, i) => `  ${i + 1}. ${b.label}`);
}

/** `imageLabel` is the catalogue's "[图片]" in the console's language; `filePath` where an attached file was saved. */
export function renderForTerminal(reply: Reply, imageLabel: string, filePath?: string): string {
  return [
    ...(reply.image ? [imageLabel] : []),
    ...(filePath ? [`📎 ${filePath}`] : []),
    ...(reply.text || !filePath ? [reply.text] : []),
    ...numberedChoices(reply.buttons),
  ].join("\n");
}

/** One line of --jsonl output; an attached image is reported by its size, a file by its name, size and path. */
export function renderJson(reply: Reply, filePath?: string): string {
  return JSON.stringify({
    intent: reply.intent,
    ...(reply.confidence !== undefined ? { confidence: reply.confidence } : {}),
    text: reply.text,
    buttons: reply.buttons?.flat() ?? [],
    ...(reply.image ? { imageBytes: reply.image.length } : {}),
    ...(reply.file
      ? { file: { name: reply.file.name, mime: reply.file.mime, bytes: reply.file.bytes.length, path: filePath } }
      : {}),
  });
}
