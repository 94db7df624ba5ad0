// Images on the console: --jsonl {"image": "<file>"} sends a local file; a reply with an image says so.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createConsoleChannel, parseLine } from "../../../bot/channels/console/console-channel.ts";
import type { Core } from "../../../bot/core/router.ts";
import type { Db } from "../../../bot/infra/db.ts";
import { TINY_PNG } from "../../helpers/fake-telegram.ts";
import { consoleJsonl } from "../../helpers/run-script.ts";
import { cloneTemplate } from "../../helpers/test-db.ts";

const database = await cloneTemplate();
afterAll(() => database.drop());
const dir = await mkdtemp(join(tmpdir(), "tuanzhu-console-"));
const poster = join(dir, "poster.png");
await writeFile(poster, TINY_PNG);

describe("images on the console", () => {
  it("reads the file named in an image line when the bytes are wanted", async () => {
    const line = parseLine(JSON.stringify({ image: poster }));
    expect(line.image?.fileRef).toBe(poster);
    expect(Buffer.from(await line.image!.fetch())).toEqual(TINY_PNG);
    await expect(parseLine('{"image": "/no/such/file.png"}').image!.fetch()).rejects.toThrow();
  });

  it("prints a line saying an image is attached above the text", async () => {
    const output = new PassThrough();
    const channel = createConsoleChannel({
      core: {} as Core,
      db: {} as Db,
      input: new PassThrough(),
      output,
      jsonl: false,
      as: "none",
      userId: "console:none",
      imageLabel: "[图片]",
    });
    await channel.sender.send("console:none", { text: "【团委通知】周五团日", image: TINY_PNG, intent: "delivery" });
    expect(String(output.read())).toBe("\n[图片]\n【团委通知】周五团日\n\n");
  });

  it("lets a 团支书 attach a picture to a notice with --jsonl", async () => {
    const replies = await consoleJsonl(
      database.url,
      ["/notice", "周五下午三点团日活动。", JSON.stringify({ image: poster })],
      ["--as", "201801000002"],
    );
    expect(replies[1]!.text).toContain("发送一张图片作为配图");
    expect(replies[2]!.text).toMatch(/^通知预览（附图片一张）：/);
    expect(replies[2]).toMatchObject({ imageBytes: TINY_PNG.length });
  });
});
