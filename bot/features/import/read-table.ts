// A CSV or XLSX file as header + rows of trimmed strings, with the row numbers the operator sees in the file.
import { readFile } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

/** Bytes parsed between two turns of the event loop (about 5 ms): an 8 MB file took the loop for half a second. */
const CSV_SLICE_BYTES = 64 * 1024;

export interface Table {
  headers: string[];
  /** Data rows with their 1-based line (CSV) or row (XLSX) number, the header being row 1. */
  rows: { line: number; cells: string[] }[];
}

export class UnreadableFile extends Error {}

/** Dates from spreadsheet cells become yyyy-mm-dd (the day as written, without a time zone shift). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    return "";
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new UnreadableFile("no worksheet");
  const rows: Table["rows"] = [];
  let headers: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = values.slice(1).map((v) => cellText(v).trim());
    if (headers.length === 0) headers = cells;
    else rows.push({ line: number, cells });
  });
  return { headers, rows };
}

/** Fed a slice at a time: csv-parse keeps a field's bytes until it ends, so a slice may split a character. */
async function readCsv(bytes: Buffer): Promise<Table> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  const records: string[][] = [];
  parser.on("data", (record: string[]) => records.push(record));
  const ended = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  ended.catch(() => undefined);
  for (let at = 0; at < bytes.length && !parser.destroyed; at += CSV_SLICE_BYTES) {
    parser.write(bytes.subarray(at, at + CSV_SLICE_BYTES));
    await nextTurn();
  }
  parser.end();
  try {
    await ended;
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  const [headers = [], ...rest] = records;
  // With skip_empty_lines the line numbers would drift; csv-parse's info is per record, so count plainly.
  return { headers, rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}

export async function readTable(file: string): Promise<Table> {
  const bytes = await readFile(file);
  return tableFromBytes(bytes, file);
}

export async function tableFromBytes(bytes: Buffer, name: string): Promise<Table> {
  // XLSX files are ZIP archives: "PK" first.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(name)) return readXlsx(bytes);
  return readCsv(bytes);
}
