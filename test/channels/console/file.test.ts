// A terminal cannot show a file: the console writes it to disk and prints where.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleChannel } from "../../../bot/channels/console/console-channel.ts";
import { safeFileName } from "../../../bot/channels/console/save-file.ts";
import type { Core } from "../../../bot/core/router.ts";
import type { Reply } from "../../../bot/core/types.ts";
import type { Db } from "../../../bot/infra/db.ts";

const csv = new TextEncoder().encode("\uFEFF编号,姓名\r\n202001000005,刘洋\r\n");
const reply: Reply = {
  text: "2026年团费收缴表",
  file: { name: "团费-计科2022级1班.csv", mime: "text/csv", bytes: csv },
  intent: "duesleaders.branch",
};

async function consoleWith(jsonl: boolean) {
  const dir = await mkdtemp(join(tmpdir(), "tuanzhu-files-"));
  const output = new PassThrough();
  const channel = createConsoleChannel({
    core: {} as Core,
    db: {} as Db,
    input: new PassThrough(),
    output,
    jsonl,
    as: "none",
    userId: "console:none",
    imageLabel: "[图片]",
    fileDir: dir,
  });
  return { dir, output, channel };
}

describe("files on the console", () => {
  it("writes the file under its name in the export directory and prints the path above the text", async () => {
    const { dir, output, channel } = await consoleWith(false);
    await channel.sender.send("console:none", reply);
    const printed = String(output.read());
    const path = /📎 (.+)\n/.exec(printed)?.[1];
    expect(path).toBeDefined();
    expect(path!.startsWith(dir)).toBe(true);
    expect(path!.endsWith("团费-计科2022级1班.csv")).toBe(true);
    expect(await readFile(path!)).toEqual(Buffer.from(csv));
    expect(printed).toBe(`\n📎 ${path}\n2026年团费收缴表\n\n`);
  });

  it("reports the file's name, type, size and path in --jsonl", async () => {
    const { output, channel } = await consoleWith(true);
    await channel.sender.send("console:none", reply);
    await channel.sender.send("console:none", reply);
    const [a, b] = String(output.read())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(a.file).toMatchObject({ name: "团费-计科2022级1班.csv", mime: "text/csv", bytes: csv.length });
    // Two exports with one name never overwrite each other.
    expect(dirname(a.file.path)).not.toBe(dirname(b.file.path));
    expect(await readFile(b.file.path)).toEqual(Buffer.from(csv));
  });

  it("never lets a file name leave the directory", () => {
    expect(safeFileName("../../etc/passwd")).toBe("__.._etc_passwd");
    expect(safeFileName("a/b\\c.csv")).toBe("a_b_c.csv");
    expect(safeFileName("  ")).toBe("file");
  });
});
