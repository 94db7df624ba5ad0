// `npm start` in a real terminal (a pseudo-terminal from util-linux `script`): the log lines the process writes
// while the chat prompt is on screen go above it, one line each, and the prompt comes back — none lands inside it.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { dropRedisPrefix, root } from "../helpers/run-script.ts";
import { cloneTemplate, uniquePrefix } from "../helpers/test-db.ts";
import { freePort } from "./main-process.ts";

const db = await cloneTemplate();
const prefix = uniquePrefix();
afterAll(async () => {
  await dropRedisPrefix(prefix);
  await db.drop();
});

describe("npm start with the console in a terminal", () => {
  it("prints log lines above the prompt, never inside it", async () => {
    const port = await freePort();
    const command = `${process.execPath} --import tsx bot/main.ts`;
    const child = spawn("script", ["-qfc", command, "/dev/null"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        HTTP_HOST: "127.0.0.1",
        HTTP_PORT: String(port),
        CONSOLE: "on",
        RUN_WORKERS: "0",
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        TELEGRAM_BOT_TOKEN: "",
        WECHATY_PUPPET: "",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      screen += d;
    });
    const waitFor = (re: RegExp, ms = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          if (re.test(screen)) {
            clearInterval(tick);
            resolve();
          } else if (Date.now() - started > ms) {
            clearInterval(tick);
            reject(new Error(`no ${re} on screen: ${screen.slice(-500)}`));
          }
        }, 100);
      });
    await waitFor(/Tuanzhu is running/);
    child.stdin.write("/start\r");
    await waitFor(/李明，欢迎回来/);
    child.stdin.write("\x04");
    await new Promise((resolve) => child.on("exit", resolve));

    const lines = screen.split(/\r?\n/);
    const logLines = lines.filter((l) => /\d\d:\d\d:\d\d (INFO|WARN)/.test(l));
    expect(logLines.some((l) => l.includes("Tuanzhu is running"))).toBe(true);
    for (const line of logLines) {
      // The prompt's line was cleared first: what remains of it on screen is the log line alone.
      const shown = line.split("\x1b[2K").at(-1)!;
      expect(shown, line).toMatch(/^\d\d:\d\d:\d\d (INFO|WARN) /);
    }
    // The banner keeps its own line: clearing the prompt's line never erased it.
    expect(screen).toContain("试试 /start 或「查一下我的团籍」。\r\n");
  }, 120_000);
});
