// One terminal shared by the chat prompt and everything else the process prints (log lines, messages the bot
// sends on its own): each such line goes above the prompt, which is drawn again under it, so nothing lands
// inside what the person is typing.
import type { Writable } from "node:stream";

export interface Terminal {
  /** Draws the prompt ("> ") and remembers that it is on screen. */
  prompt(): void;
  /** The person pressed Enter: the prompt line is theirs now, not ours to redraw. */
  lineEntered(): void;
  /** Writes whole lines above the prompt on `stream` (stdout by default), then redraws the prompt. */
  above(text: string, stream?: Writable): void;
}

const CLEAR_LINE = "\r\x1b[2K";

export function createTerminal(out: Writable & { isTTY?: boolean }, promptText = "> "): Terminal {
  let shown = false;
  return {
    prompt() {
      out.write(promptText);
      shown = true;
    },
    lineEntered() {
      shown = false;
    },
    above(text, stream = out) {
      // Without a terminal (a pipe) there is no line to clear: a newline ends the prompt's line instead.
      if (shown) out.write(out.isTTY ? CLEAR_LINE : "\n");
      stream.write(`${text}\n`);
      if (shown) out.write(promptText);
    },
  };
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** A pino JSON line as one readable line: "12:03:04 WARN Redis is unreachable {"queue":"delivery"}". */
export function oneLineLog(json: string): string {
  try {
    const { time, level, msg, pid: _pid, hostname: _host, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const at = typeof time === "number" ? new Date(time).toISOString().slice(11, 19) : "";
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
    return `${at} ${LEVELS[level as number] ?? String(level)} ${String(msg ?? "")}${extra}`.trim();
  } catch {
    return json.trim();
  }
}

/** A pino destination that writes each log line as one line on `err`, above the chat prompt. */
export function terminalLogStream(terminal: Terminal, err: Writable) {
  return {
    write(chunk: string) {
      for (const line of chunk.split("\n")) if (line.trim()) terminal.above(oneLineLog(line), err);
    },
  };
}
