// What every entry point does first: read the configuration, make sure the database is migrated, and turn the
// errors a person can fix into one line on stderr instead of a stack trace.

import { seedDemo, seedReferenceData } from "../prisma/seed/seed.ts";
import { describeConnectionError, ensureDatabase } from "../prisma/tools/database.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createI18n } from "./core/i18n.ts";
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

/**
 * Creates the database if it is missing, migrates it, loads the dues table; with `demo`, seeds the demo subtree when
 * the database has no organisation. Says what it does on `progress` (stderr: stdout may be a script's JSON), since
 * a first start takes a while and would otherwise look stuck; a start with nothing to do says nothing.
 */
export async function prepareDatabase(
  config: Config,
  {
    demo,
    progress = (line: string) => process.stderr.write(`${line}\n`),
  }: {
    demo: boolean;
    progress?: (line: string) => void;
  },
): Promise<void> {
  const t = createI18n(config.DEFAULT_LOCALE).translator(config.DEFAULT_LOCALE);
  try {
    const name = decodeURIComponent(new URL(config.DATABASE_URL).pathname.slice(1));
    const created = await ensureDatabase(config.DATABASE_URL);
    if (created) progress(t("core-boot-created", { name }));
    if (created) progress(t("core-boot-migrating"));
    const applied = await migrate(config.DATABASE_URL);
    if (applied.length) progress(t("core-boot-migrated", { count: applied.length }));
    const db = createDb(config.DATABASE_URL, 2);
    try {
      if (demo && (await db.organisation.count()) === 0) {
        progress(t("core-boot-seeding"));
        await seedDemo(db, config);
        const [orgs, members] = await Promise.all([db.organisation.count(), db.member.count()]);
        progress(t("core-boot-seeded", { orgs, members }));
      } else {
        await seedReferenceData(db);
      }
    } finally {
      await db.$disconnect();
    }
    if (created || applied.length) progress(t("core-boot-ready"));
  } catch (error) {
    console.error(describeConnectionError(error, config.DATABASE_URL));
    process.exit(1);
  }
}
