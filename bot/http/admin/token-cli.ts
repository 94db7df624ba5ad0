// `npm run token -- create --org <code> --access read|write --name "…"` prints a new admin API token once;
// `npm run token -- list` shows every token (never the token itself); `npm run token -- revoke <id>` ends one.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../../config.ts";
import { createAudit } from "../../core/audit.ts";
import { createDb } from "../../infra/db.ts";
import { createToken, listTokens, revokeToken, TokenInputError } from "./tokens.ts";

const USAGE = `usage:
  npm run token -- create --org <organisation code> --access read|write --name "<who or what uses it>"
  npm run token -- list
  npm run token -- revoke <id>`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

// Not boot.ts's configOrExit: that module pulls in the migration engine, seconds of start-up for a small command.
function configOrFail() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}
const config = configOrFail();
const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { org: { type: "string" }, access: { type: "string" }, name: { type: "string" } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const [command, ...rest] = positionals;
const db = createDb(config.DATABASE_URL, 2);
const audit = createAudit(db);

try {
  if (command === "create") {
    if (!values.org) fail(`--org is required\n${USAGE}`);
    if (values.access !== "read" && values.access !== "write") fail(`--access must be read or write\n${USAGE}`);
    if (!values.name) fail(`--name is required\n${USAGE}`);
    const created = await createToken(
      db,
      config.ID_HASH_SECRET,
      { orgCode: values.org, access: values.access, name: values.name },
      audit.record,
    );
    console.error(
      `Token ${created.id} "${created.name}": ${created.access.toLowerCase()} access to ${created.orgCode} and its subtree. ` +
        "It is shown only this once; store it now.",
    );
    console.log(created.token);
  } else if (command === "list") {
    const tokens = await listTokens(db);
    if (tokens.length === 0) console.log("No tokens yet.");
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
      const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
      console.log(`${t.id}\t${t.orgCode}\t${t.access}\t${state}\t${used}\t${t.name}`);
    }
  } else if (command === "revoke") {
    const id = Number(rest[0]);
    if (!Number.isInteger(id) || id <= 0) fail(`revoke needs a token id (see list)\n${USAGE}`);
    if (await revokeToken(db, id, new Date(), audit.record)) console.log(`Token ${id} revoked.`);
    else fail(`No active token ${id}.`);
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof TokenInputError) fail(error.message);
  throw error;
} finally {
  await db.$disconnect();
}
