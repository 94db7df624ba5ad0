// `npm run db:diff NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql from the changes to
// schema.prisma since the last migration (replays the migrations on a throw-away shadow database).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "../../bot/config.ts";
import { describeConnectionError, ensureDatabase } from "./database.ts";
import { migrationsDir, openEngine } from "./engine.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

let url = "";
try {
  url = loadConfig().DATABASE_URL;
  await ensureDatabase(url);
  const engine = await openEngine(url);
  try {
    const sql = await engine.diffToSchema("migrations");
    if (!sql) {
      console.log("schema.prisma matches the migrations: nothing to write.");
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
      console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
  } finally {
    await engine.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : describeConnectionError(error, url));
  process.exitCode = 1;
}
// The wasm engine leaves a 10-second timer behind; nothing else is pending.
process.exit();
