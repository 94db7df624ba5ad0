// Once per test run: a fresh template database, migrated with our own migration command and seeded.
import { loadConfig } from "../../bot/config.ts";
import { createDb } from "../../bot/infra/db.ts";
import { seedDemo } from "../../prisma/seed/seed.ts";
import { migrate } from "../../prisma/tools/migrate.ts";
import { databaseUrl, templateName, withAdmin } from "./test-db.ts";

export default async function setup() {
  const url = databaseUrl(templateName);
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${templateName}`);
  });
  await migrate(url);
  const config = loadConfig({ DATABASE_URL: url });
  const db = createDb(url, 2);
  await seedDemo(db, config);
  await db.$disconnect();
}
