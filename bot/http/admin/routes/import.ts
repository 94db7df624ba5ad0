// Imports over HTTP: the body is the committee's sheet itself (CSV or XLSX), checked and written exactly as by
// `npm run import`, but only inside the token's subtree — rows reaching outside it are problems like any bad row.
// The answer repeats no full ID number (masked even where one was typed into the wrong column), and nothing here
// logs the body: only the counts.
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createI18n, type I18n, type Locale, matchLocale } from "../../../core/i18n.ts";
import { type ImportReport, importMembers, importOrganisations } from "../../../features/import/import-service.ts";
import { tableFromBytes, UnreadableFile } from "../../../features/import/read-table.ts";
import { describeProblem, maskIdNumbers } from "../../../features/import/report.ts";
import { HttpError } from "../auth.ts";
import type { AdminDeps } from "../context.ts";

export const CSV_TYPE = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A sheet of 100 000 members is about 12 MB as CSV; the admin API's 64 KB limit does not apply here. */
export const IMPORT_BODY_LIMIT = 15 * 1024 * 1024;

const problemSchema = z.object({
  line: z.number().int().describe("row in the file; the header is row 1"),
  column: z.string().describe("the column's header as written in the file"),
  reason: z.string().describe("message id, e.g. import-problem-date, import-problem-out-of-scope"),
  message: z.string().describe("the problem in words, naming row and column (Accept-Language: zh-CN or en)"),
  value: z.string().optional().describe("the cell as written (a full ID number never: at most its last four)"),
});

const answerSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  written: z.boolean().describe("false when nothing was written: bad rows without partial, or a dry run"),
  problems: z.array(problemSchema),
});

const querySchema = z.object({
  partial: z.stringbool().default(false).describe("write the good rows even when some are bad"),
  dryRun: z.stringbool().default(false).describe("check only, write nothing"),
});

const fileBody = z
  .any()
  .meta({ type: "string", format: "binary", description: "the file itself: CSV (UTF-8, or charset=gbk) or XLSX" });

/** The caller's first language we speak, else the default. */
function localeOf(request: FastifyRequest, fallback: Locale): Locale {
  const header = request.headers["accept-language"];
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return fallback;
}

/** CSV as UTF-8 text: Excel in China saves GBK, which the caller names with `charset=gbk` (or gb18030). */
function csvAsUtf8(bytes: Buffer, contentType: string): Buffer {
  const charset = /;\s*charset="?([\w-]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? "utf-8";
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new HttpError(400, `unsupported charset "${charset}": send UTF-8, or GBK with charset=gbk`);
  }
  try {
    const text = decoder.decode(bytes);
    return charset === "utf-8" || charset === "utf8" ? bytes : Buffer.from(text, "utf8");
  } catch {
    throw new HttpError(
      400,
      `the CSV is not valid ${charset} text: save it as "CSV UTF-8", or send Content-Type: text/csv; charset=gbk`,
    );
  }
}

async function readUpload(request: FastifyRequest) {
  const bytes = request.body;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw new HttpError(400, "the body is empty: send the file itself (curl --data-binary @file)");
  }
  const contentType = request.headers["content-type"] ?? "";
  const isXlsx = contentType.toLowerCase().startsWith(XLSX_TYPE);
  try {
    return isXlsx
      ? await tableFromBytes(bytes, "upload.xlsx")
      : await tableFromBytes(csvAsUtf8(bytes, contentType), "upload.csv");
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    // Parser messages may quote a cell; a quoted ID number is masked like everywhere else.
    throw new HttpError(400, `unreadable ${isXlsx ? "XLSX" : "CSV"} file: ${maskIdNumbers(error.message)}`);
  }
}

function answer(report: ImportReport, t: ReturnType<I18n["translator"]>) {
  const problems = [...report.problems]
    .sort((a, b) => a.line - b.line)
    .map((p) => ({
      line: p.line,
      column: maskIdNumbers(p.column),
      reason: p.reason,
      message: describeProblem(t, p),
      ...(p.value ? { value: maskIdNumbers(p.value) } : {}),
    }));
  const { rows, created, updated, unchanged, written } = report;
  return { rows, created, updated, unchanged, written, problems };
}

export const importRoutes: FastifyPluginAsyncZod<AdminDeps & { i18n?: I18n }> = async (app, deps) => {
  const i18n = deps.i18n ?? createI18n(deps.config.DEFAULT_LOCALE);

  // In this plugin only: the body is the file's bytes, and any other type is refused with a reason (not fastify's
  // bare 415) before a byte of it is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([CSV_TYPE, XLSX_TYPE], { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  app.addContentTypeParser("*", (request, _payload, done) => {
    const sent = request.headers["content-type"];
    done(
      new HttpError(
        400,
        `Content-Type must be ${CSV_TYPE} or ${XLSX_TYPE} with the file itself as the body` +
          (sent ? `, not ${sent}` : ""),
      ),
    );
  });

  for (const kind of ["organisations", "members"] as const) {
    app.post(
      `/import/${kind}`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { access: "write" },
        schema: {
          summary:
            kind === "organisations"
              ? "Import organisations (CSV or XLSX as the body) below the token's organisation"
              : "Import members (CSV or XLSX as the body) of organisations in the token's subtree",
          description:
            "Same columns and checks as `npm run import`. 200: imported (or a clean dry run); 422: bad rows and " +
            "nothing written (dry runs included), each problem naming row and column; rows outside the token's " +
            "subtree are problems with reason import-problem-out-of-scope. 400: empty or unreadable file, or " +
            "another Content-Type. Body up to 15 MB.",
          tags: ["import"],
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: querySchema,
          body: fileBody,
          response: {
            200: answerSchema.describe("Imported, or a dry run without bad rows"),
            422: answerSchema.describe("Bad rows (or rows outside the token's subtree): nothing written"),
          },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const table = await readUpload(request);
        const options = {
          ...request.query,
          actorLabel: principal.actorLabel,
          scopeOrgId: principal.orgId,
        };
        const report =
          kind === "organisations"
            ? await importOrganisations(deps, table, options)
            : await importMembers(deps, table, { ...options, today: deps.now() });
        // Counts only: rows and problem values stay out of the log.
        request.log.info(
          {
            import: kind,
            rows: report.rows,
            created: report.created,
            updated: report.updated,
            problems: report.problems.length,
            written: report.written,
            dryRun: request.query.dryRun,
          },
          "import done",
        );
        const t = i18n.translator(localeOf(request, i18n.defaultLocale));
        const status = !report.written && report.problems.length > 0 ? 422 : 200;
        return reply.code(status).send(answer(report, t));
      },
    );
  }
};
