import { ConfigError, loadConfig } from "../../bot/config.ts";
import { createDb } from "../../bot/infra/db.ts";
import { describeConnectionError } from "../tools/database.ts";
import { seedDemo } from "./seed.ts";

let url = "";
try {
  const config = loadConfig();
  url = config.DATABASE_URL;
  const db = createDb(url);
  try {
    await seedDemo(db, config);
    console.log(`Demo data ready: ${await db.organisation.count()} organisations, ${await db.member.count()} members.`);
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : describeConnectionError(error, url));
  process.exitCode = 1;
}
