// A big import is read and checked in slices: the process that does it also answers webhooks and the admin API,
// whose overload guard refuses everything while the event loop is held (an 8 MB sheet held it for 1.2 s).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { tableFromBytes, UnreadableFile } from "../../../bot/features/import/read-table.ts";
import { checkMembers } from "../../../bot/features/import/validate.ts";

const HEADER = "团员编号,姓名,身份证号,出生日期,入团时间,所在团组织编码,团费类别,税后月收入（元）,团干部";
// Chinese names, so the 64 KB slices cut characters in half somewhere.
const sheet = (rows: number) =>
  Buffer.from(
    `\uFEFF${[
      HEADER,
      ...Array.from(
        { length: rows },
        (_, i) =>
          `2019${String(i).padStart(8, "0")},欧阳${"娜静"[i % 2]}${i},,2004-03-0${1 + (i % 9)},2019-05-04,B-${i % 7},学生,,否`,
      ),
    ].join("\r\n")}\r\n`,
  );

/** How many times the event loop turned while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

describe("a big import", () => {
  it("is read a slice at a time, to the same table as reading it whole", async () => {
    const bytes = sheet(5_000);
    expect(bytes.length).toBeGreaterThan(5 * 64 * 1024);
    // A slice starts inside a character (a UTF-8 continuation byte) somewhere.
    const starts = Array.from({ length: Math.floor(bytes.length / 65_536) }, (_, k) => bytes[(k + 1) * 65_536]!);
    expect(starts.some((b) => b >= 0x80 && b < 0xc0)).toBe(true);
    const { result: table, turns } = await turnsDuring(() => tableFromBytes(bytes, "upload.csv"));
    expect(turns).toBeGreaterThanOrEqual(5);
    const whole: string[][] = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    expect(table.headers).toEqual(whole[0]);
    expect(table.rows.map((r) => r.cells)).toEqual(whole.slice(1));
    expect(table.rows.at(-1)).toMatchObject({ line: 5_001, cells: expect.arrayContaining(["欧阳静4999"]) });
  });

  it("is checked with a turn of the event loop every thousand rows", async () => {
    const table = await tableFromBytes(sheet(5_000), "upload.csv");
    const orgs = new Set(Array.from({ length: 7 }, (_, i) => `B-${i}`));
    const { result, turns } = await turnsDuring(() => checkMembers(table, orgs, new Date("2026-11-18")));
    expect(turns).toBeGreaterThanOrEqual(4);
    // Every row lacks an ID number: the check still ran to the end.
    expect(result.records).toEqual([]);
    expect([...new Set(result.problems.map((p) => p.line))]).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 2));
  });

  it("still says which CSV cannot be read", async () => {
    const broken = Buffer.concat([sheet(2_000), Buffer.from('2019,"unclosed\r\n')]);
    await expect(tableFromBytes(broken, "upload.csv")).rejects.toBeInstanceOf(UnreadableFile);
  });
});
