// `npm run import -- orgs|members <file.csv|file.xlsx> [--partial] [--dry-run]`: loads a committee's sheet.
// Nothing is written while any row is bad, unless --partial; the report names each bad row and column.
import { configOrExit } from "../../boot.ts";
import { cliArgs } from "../../cli-args.ts";
import { createAudit } from "../../core/audit.ts";
import { createI18n } from "../../core/i18n.ts";
import { createDb } from "../../infra/db.ts";
import { importMembers, importOrganisations } from "./import-service.ts";
import { readTable, UnreadableFile } from "./read-table.ts";
import { describeReport } from "./report.ts";

const config = configOrExit();
const t = createI18n(config.DEFAULT_LOCALE).translator(config.DEFAULT_LOCALE);
const { values, positionals } = cliArgs(
  {
    allowPositionals: true,
    options: { partial: { type: "boolean", default: false }, "dry-run": { type: "boolean", default: false } },
  },
  () => t,
  "import-cli-usage",
);
const [kind, file] = positionals;
if ((kind !== "orgs" && kind !== "members") || !file) {
  console.error(t("import-cli-usage"));
  process.exit(2);
}

/** A bar on stderr when it is a terminal; nothing in pipes and logs. */
function progress(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write("\n");
}

const db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
let code = 0;
try {
  const table = await readTable(file);
  const options = {
    partial: values.partial,
    dryRun: values["dry-run"],
    actorLabel: "cli",
    onProgress: progress,
  };
  const deps = { db, audit: createAudit(db), config };
  const report =
    kind === "orgs"
      ? await importOrganisations(deps, table, options)
      : await importMembers(deps, table, { ...options, today: new Date() });
  for (const line of describeReport(t, report, values["dry-run"])) console.log(line);
  if (!report.written && report.problems.length > 0) code = 1;
} catch (error) {
  if (!(error instanceof UnreadableFile) && (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  console.error(t("import-cli-unreadable", { file, reason: (error as Error).message }));
  code = 1;
} finally {
  await db.$disconnect();
}
process.exit(code);
