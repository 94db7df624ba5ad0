// Once per test run: a fresh template database, migrated with our own migration command and seeded; and the intent
// model trained once, so the test files (and the processes they start) load it from the disk cache instead of
// each training their own at the same moment.

import type { TestProject } from "vitest/node";
import { loadConfig } from "../../bot/config.ts";
import { sharedModel } from "../../bot/core/nlu/model.ts";
import { createDb } from "../../bot/infra/db.ts";
import { seedDemo } from "../../prisma/seed/seed.ts";
import { migrate } from "../../prisma/tools/migrate.ts";
import { TEST_NOW } from "./clock.ts";
import { databaseUrl, withAdmin } from "./test-db.ts";
import { collectWarnings } from "./warnings.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateName: string;
  }
}

export default async function setup(project: TestProject) {
  // One template per run, so two runs on one machine (developers, CI) never drop each other's.
  const templateName = `tuanzhu_test_template_${process.pid}`;
  project.provide("templateName", templateName);
  const url = databaseUrl(templateName);
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${templateName}`);
  });
  // A warning while migrating or seeding fails the run, as one in a test file does (no-warnings.ts).
  const warnings = collectWarnings();
  const model = sharedModel();
  await migrate(url);
  const config = loadConfig({ DATABASE_URL: url });
  const db = createDb(url, 2);
  await seedDemo(db, config, TEST_NOW);
  await db.$disconnect();
  await new Promise((resolve) => setImmediate(resolve));
  const warned = warnings.check("while migrating and seeding the template database");
  warnings.stop();
  if (warned) throw warned;
  await model;
  return async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`));
  };
}
