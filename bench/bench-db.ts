// A throw-away database for one bench run, next to the others on the local server; dropped at the end.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../bot/config.ts";

/** `fixedName` (a bench that always uses its own) or BENCH_DB names the database; otherwise a fresh random one. */
export function benchDatabase(fixedName?: string) {
  const admin = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  // BENCH_DB names it (e.g. one per engineer on a shared server); otherwise a random name.
  const name = fixedName ?? process.env.BENCH_DB ?? `tz_bench_${randomBytes(3).toString("hex")}`;
  if (!/^\w+$/.test(name)) throw new Error(`a bench database name must be a plain identifier, got ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminQuery = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  return {
    name,
    url: url.toString(),
    create: () => adminQuery(`CREATE DATABASE ${name}`),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The app's settings for a bench on its database: its own Redis prefix, warnings only, and the bench's overrides. */
export function benchConfig(database: { name: string; url: string }, overrides: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: `bench-${database.name}`,
    LOG_LEVEL: "warn",
    ...overrides,
  });
}
