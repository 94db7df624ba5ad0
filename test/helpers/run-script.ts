// Runs one of our entry points as a child process, as a person would from a terminal.
import { spawn } from "node:child_process";
import path from "node:path";

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

/** Runs `npm run console -- --jsonl` with one message per line and returns the parsed replies. */
export async function consoleJsonl(
  databaseUrl: string,
  lines: string[],
  args: string[] = [],
  env: Record<string, string> = {},
) {
  const result = await runScript("bot/console.ts", ["--jsonl", ...args], {
    env: { DATABASE_URL: databaseUrl, ...env },
    input: `${lines.join("\n")}\n`,
  });
  if (result.code !== 0) throw new Error(`console exited ${result.code}: ${result.stderr}`);
  return result.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          intent: string;
          confidence?: number;
          text: string;
          buttons: { label: string; payload: string }[];
        },
    );
}
