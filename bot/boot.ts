// What every entry point does first: read the configuration, make sure the database is migrated, and turn the
// errors a person can fix into one line on stderr instead of a stack trace.

import { seedDemo, seedReferenceData } from "../prisma/seed/seed.ts";
import { describeConnectionError } from "../prisma/tools/database.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./infra/db.ts";

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Migrates; loads the dues table; with `demo`, seeds the demo subtree when the database has no organisation. */
export async function prepareDatabase(config: Config, { demo }: { demo: boolean }): Promise<void> {
  try {
    await migrate(config.DATABASE_URL);
    const db = createDb(config.DATABASE_URL, 2);
    try {
      if (demo && (await db.organisation.count()) === 0) await seedDemo(db, config);
      else await seedReferenceData(db);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    console.error(describeConnectionError(error, config.DATABASE_URL));
    process.exit(1);
  }
}
