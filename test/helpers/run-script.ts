// Runs one of our entry points as a child process, as a person would from a terminal.
import { spawn } from "node:child_process";
import path from "node:path";
import { Redis } from "ioredis";
import { uniquePrefix } from "./test-db.ts";

export const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  args: string[],
  {
    env = {},
    input = "",
    timeoutMs = 30_000,
  }: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} timed out; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

export interface JsonlLine {
  intent: string;
  /** 0–1: how sure the intent model was (1 for buttons, commands and dialogs). */
  confidence?: number;
  text: string;
  buttons: { label: string; payload: string }[];
  /** A message the bot sent on its own, not a reply. */
  proactive?: true;
}

/** Deletes a test's Redis keys: ours start with the prefix, BullMQ's with the prefix in braces. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  try {
    const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`{${prefix}}:*`))];
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/**
 * Runs `npm run console -- --jsonl` with one message per line and returns the parsed lines (replies, and what the
 * bot sent on its own marked `proactive`). Its own Redis prefix unless `env` names one (consoles of one story share
 * one, as they would share a deployment), removed afterwards.
 */
export async function consoleJsonl(
  databaseUrl: string,
  lines: string[],
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<JsonlLine[]> {
  const ownPrefix = env.REDIS_PREFIX ? undefined : uniquePrefix();
  try {
    const result = await runScript("bot/console.ts", ["--jsonl", ...args], {
      env: { DATABASE_URL: databaseUrl, ...(ownPrefix ? { REDIS_PREFIX: ownPrefix } : {}), ...env },
      input: `${lines.join("\n")}\n`,
    });
    if (result.code !== 0) throw new Error(`console exited ${result.code}: ${result.stderr}`);
    return result.stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as JsonlLine);
  } finally {
    if (ownPrefix) await dropRedisPrefix(ownPrefix);
  }
}
