// How a Reply looks in a terminal: the text, then numbered choices the person answers with the digit.
import type { Button, Reply } from "../../core/types.ts";

export function numberedChoices(buttons: Button[][] | undefined): string[] {
  return (buttons ?? []).flat().map((b, i) => `  ${i + 1}. ${b.label}`);
}

export function renderForTerminal(reply: Reply): string {
  return [reply.text, ...numberedChoices(reply.buttons)].join("\n");
}

/** One line of --jsonl output. */
export function renderJson(reply: Reply): string {
  return JSON.stringify({ intent: reply.intent, text: reply.text, buttons: reply.buttons?.flat() ?? [] });
}
