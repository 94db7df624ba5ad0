// `npm run db:migrate`: applies prisma/migrations/* that the database lacks. Idempotent; safe at every start.
import { ConfigError, loadConfig } from "../../bot/config.ts";
import { describeConnectionError, ensureDatabase } from "./database.ts";
import { openEngine } from "./engine.ts";

export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const engine = await openEngine(databaseUrl);
  try {
    return await engine.applyMigrations();
  } finally {
    await engine.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  let url = "";
  try {
    url = loadConfig().DATABASE_URL;
    const applied = await migrate(url);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : describeConnectionError(error, url));
    process.exitCode = 1;
  }
  // The wasm engine leaves a 10-second timer behind; nothing else is pending.
  process.exit();
}
