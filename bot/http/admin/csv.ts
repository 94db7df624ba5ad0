// Reports as JSON or CSV: `?format=csv` or `Accept: text/csv`. CSV starts with a BOM so Excel reads Chinese as UTF-8.
import type { FastifyReply, FastifyRequest } from "fastify";

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined | Date;
}

function cell(value: string | number | boolean | null | undefined | Date): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote what would break the row, and neutralise spreadsheet formulas (=, +, -, @ at the start of text).
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string } | undefined)?.format;
  if (format) return format === "csv";
  const accept = request.headers.accept ?? "";
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

/** Sends `json` as it is, or the rows as a CSV download named `<name>.csv`. */
export function sendReport<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  report: { name: string; columns: Column<T>[]; rows: T[]; json: unknown },
) {
  if (!wantsCsv(request)) return reply.send(report.json);
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${report.name}.csv"`)
    .send(toCsv(report.columns, report.rows));
}
