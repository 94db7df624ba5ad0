// `npm start` with a Telegram token: the process polls Telegram, answers, and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../../bot/infra/redis.ts";
import { startFakeTelegram, telegramUser } from "../../helpers/fake-telegram.ts";
import { root } from "../../helpers/run-script.ts";
import { cloneTemplate, uniquePrefix } from "../../helpers/test-db.ts";

const db = await cloneTemplate();
const fake = await startFakeTelegram();
const prefix = uniquePrefix();
afterAll(async () => {
  await fake.close();
  await db.drop();
  const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", "client");
  const keys = [...(await redis.keys(`${prefix}*`)), ...(await redis.keys(`{${prefix}}*`))];
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  it("answers over Telegram and exits 0 on SIGTERM", async () => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        HTTP_PORT: "0",
        RUN_WORKERS: "0",
        DEMO_DATA: "0",
        CONSOLE: "off",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

    try {
      const user = telegramUser(840001, "小孙");
      fake.userSends("/start", { from: user });
      const [welcome] = await fake.waitForMessages(user.id, 1, 20_000);
      expect(welcome!.text).toContain("你好！我是团助");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, stderr).toBe(0);
  });
});
