// Log lines and messages the bot sends on its own while the person sits at the prompt: printed above it, one line
// each, and the prompt drawn again — never inside what the person is typing.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createTerminal, oneLineLog, terminalLogStream } from "../../../bot/channels/console/terminal.ts";

function screen(isTTY: boolean) {
  const writes: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        writes.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, writes, text: () => writes.join("") };
}

describe("the console's terminal", () => {
  it("puts a log line above the prompt and draws the prompt again", () => {
    const out = screen(true);
    const err = screen(true);
    const terminal = createTerminal(out.stream);
    const logs = terminalLogStream(terminal, err.stream);
    terminal.prompt();
    logs.write(
      `${JSON.stringify({ level: 30, time: Date.UTC(2026, 10, 16, 1, 2, 3), pid: 1, hostname: "h", msg: "Tuanzhu is running", port: 3000, channels: ["console"] })}\n`,
    );
    // The prompt line is cleared before the log line goes out, and the prompt comes back after it.
    expect(out.writes).toEqual(["> ", "\r\x1b[2K", "> "]);
    expect(err.text()).toBe('01:02:03 INFO Tuanzhu is running {"port":3000,"channels":["console"]}\n');
    // Once the person pressed Enter the line is theirs: a log line then clears nothing.
    terminal.lineEntered();
    logs.write(`${JSON.stringify({ level: 40, time: 0, msg: "slow" })}\n`);
    expect(out.writes).toHaveLength(3);
    expect(err.text().split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("ends the prompt's line with a newline where there is no terminal to clear (a pipe)", () => {
    const out = screen(false);
    const terminal = createTerminal(out.stream);
    terminal.prompt();
    terminal.above("【团费】王芳 已为你登记现金团费 1 个月");
    expect(out.text()).toBe("> \n【团费】王芳 已为你登记现金团费 1 个月\n> ");
  });

  it("writes every log record on one line, whatever it holds", () => {
    const line = oneLineLog(JSON.stringify({ level: 50, time: 0, msg: "failed", err: { stack: "a\nb\nc" } }));
    expect(line).not.toContain("\n");
    expect(line).toMatch(/^00:00:00 ERROR failed /);
    expect(oneLineLog("not json")).toBe("not json");
  });
});
