// A whole app (core, database, Redis) for one test file, on its own database clone and Redis prefix.
import { afterAll } from "vitest";
import { type App, createApp } from "../../bot/app.ts";
import { type Config, loadConfig } from "../../bot/config.ts";
import { TEST_NOW } from "./clock.ts";
import { cloneTemplate, uniquePrefix } from "./test-db.ts";

export interface TestApp extends App {
  config: Config;
  /** Moves the app's clock; `now()` starts at the suite's fixed TEST_NOW, whatever the machine's date. */
  clock: { now: Date; advance(ms: number): void; set(date: Date): void };
}

/** `options.databaseVia` rewrites the clone's URL for the app (a fault test's TCP gate in front of it). */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { databaseVia?: (url: string) => string } = {},
): Promise<TestApp> {
  const database = await cloneTemplate();
  const databaseUrl = options.databaseVia?.(database.url) ?? database.url;
  const config = loadConfig({ ...process.env, ...env, DATABASE_URL: databaseUrl, REDIS_PREFIX: uniquePrefix() });
  const clock = {
    now: TEST_NOW,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    set(date: Date) {
      clock.now = date;
    },
  };
  const app = createApp(config, { now: () => clock.now });
  afterAll(async () => {
    // Our keys start with the prefix, BullMQ's with the prefix in braces.
    const keys = [
      ...(await app.deps.redis.keys(`${config.REDIS_PREFIX}*`)),
      ...(await app.deps.redis.keys(`{${config.REDIS_PREFIX}}*`)),
    ];
    if (keys.length) await app.deps.redis.del(...keys);
    await app.close();
    await database.drop();
  });
  return { ...app, config, clock };
}
