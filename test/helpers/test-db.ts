// Each test file gets its own database, cloned from the template that global-setup migrated and seeded,
// and its own Redis key prefix: files run in parallel without seeing each other.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function cloneTemplate(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `tz_test_${randomBytes(5).toString("hex")}`;
  // PostgreSQL copies a template for one CREATE DATABASE at a time; parallel test files take turns.
  await withAdmin(async (c) => {
    await c.query("SELECT pg_advisory_lock(7236)");
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateName")}`);
    } finally {
      await c.query("SELECT pg_advisory_unlock(7236)");
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export function uniquePrefix(): string {
  return `tztest-${randomBytes(4).toString("hex")}`;
}
