// Runs the real entry point (bot/main.ts) as a child process and reads its JSON log lines from stderr.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Redis } from "ioredis";
import { root } from "../helpers/run-script.ts";
import { uniquePrefix } from "../helpers/test-db.ts";

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/**
 * How the process is started: `node` is the container's command (`node --import tsx`, one process that receives
 * signals itself); `tsx` is what `npm start` runs (tsx's CLI, which relays signals to a child node process).
 */
export type Runner = "node" | "tsx";

export interface MainProcess {
  child: ChildProcess;
  port: number;
  logs: LogLine[];
  /** stderr lines that are not JSON log lines (stack traces, console.error). */
  rawLines: string[];
  url(pathname: string): string;
  /** The first log line whose msg is `msg` (or matches it), waiting for it to come. */
  waitForLog(msg: string | ((line: LogLine) => boolean), timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Test clean-up: kills it if it still runs and deletes its Redis keys. */
  cleanup(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts bot/main.ts on a free port and its own Redis prefix; `env` adds to or overrides the defaults below. */
export async function startMain(env: Record<string, string>, runner: Runner = "node"): Promise<MainProcess> {
  const port = await freePort();
  const prefix = env.REDIS_PREFIX ?? uniquePrefix();
  const [command, args] =
    runner === "node"
      ? [process.execPath, ["--import", "tsx", "bot/main.ts"]]
      : [path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"]];
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      HTTP_HOST: "127.0.0.1",
      HTTP_PORT: String(port),
      CONSOLE: "off",
      RUN_WORKERS: "1",
      TELEGRAM_BOT_TOKEN: "",
      WECHATY_PUPPET: "",
      REDIS_PREFIX: prefix,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so clean-up also reaches the node process that tsx's CLI starts.
    detached: true,
  });

  const logs: LogLine[] = [];
  const rawLines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        rawLines.push(line);
      }
    }
    for (const w of waiters) w();
  });
  child.stdout?.resume();

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on("exit", (code, signal) => {
      resolve({ code, signal, at: Date.now() });
      for (const w of waiters) w();
    });
  });

  const matches = (line: LogLine, msg: string | ((line: LogLine) => boolean)) =>
    typeof msg === "string" ? line.msg === msg : msg(line);

  return {
    child,
    port,
    logs,
    rawLines,
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    exited,
    waitForLog(msg, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find((l) => matches(l, msg));
          if (found) return done(() => resolve(found));
          if (child.exitCode !== null || child.signalCode !== null) {
            done(() =>
              reject(
                new Error(`exited (${child.exitCode ?? child.signalCode}) before logging ${String(msg)}${tail()}`),
              ),
            );
          }
        };
        const tail = () => `; stderr: ${[...logs.slice(-5).map((l) => l.msg), ...rawLines.slice(-10)].join(" | ")}`;
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${String(msg)} log in ${timeoutMs} ms${tail()}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    async cleanup() {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
      await exited;
      const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
      try {
        // Our keys start with the prefix, BullMQ's with the prefix in braces.
        const keys = [...(await redis.keys(`${prefix}*`)), ...(await redis.keys(`{${prefix}}*`))];
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}
