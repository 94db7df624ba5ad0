import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../bot/config.ts";
import { runScript } from "./helpers/run-script.ts";

describe("configuration", () => {
  it("needs no .env on a machine with local PostgreSQL and Redis", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/tuanzhu");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.DEFAULT_LOCALE).toBe("zh-CN");
    expect(config.TZ).toBe("Asia/Shanghai");
    expect(config.RUN_WORKERS).toBe(true);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, 'DATABASE_URL must be a postgresql:// URL (got "mysql://localhost/x")'],
    [{ DATABASE_POOL_SIZE: "0" }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got "0")'],
    [{ DATABASE_POOL_SIZE: "500" }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got "500")'],
    [{ DATABASE_POOL_SIZE: "ten" }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got "ten")'],
    [{ HTTP_PORT: "eighty" }, 'HTTP_PORT must be a port number (got "eighty")'],
    [{ DEFAULT_LOCALE: "fr" }, 'DEFAULT_LOCALE must be zh-CN or en (got "fr")'],
    [{ RUN_WORKERS: "maybe" }, 'RUN_WORKERS must be 1 or 0 (true/false) (got "maybe")'],
    [{ NODE_ENV: "production" }, "ID_HASH_SECRET must be a secret of your own in production (not set)"],
    [{ ID_HASH_SECRET: "short" }, 'ID_HASH_SECRET must be at least 16 characters (got "…")'],
  ])("refuses %o with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(`Configuration error: ${message}`);
  });

  it("stops the bot with one line, not a stack trace, for a bad or unreachable DATABASE_URL", async () => {
    const malformed = await runScript("bot/main.ts", [], { env: { DATABASE_URL: "not-a-url" } });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toBe(
      'Configuration error: DATABASE_URL must be a postgresql:// URL (got "not-a-url")',
    );

    const unreachable = await runScript("bot/main.ts", [], {
      env: { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" },
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toBe(
      "Cannot use PostgreSQL at 127.0.0.1:1/x (DATABASE_URL): nothing is listening there",
    );
  });
});
