// The console channel as a newcomer and a script use it: `npm run console -- --jsonl`.
import { afterAll, describe, expect, it } from "vitest";
import { consoleJsonl, runScript } from "../../helpers/run-script.ts";
import { cloneTemplate } from "../../helpers/test-db.ts";

const db = await cloneTemplate();
afterAll(() => db.drop());

describe("console --jsonl", () => {
  it("greets the demo member in Chinese, switches to English, and answers help in English", async () => {
    const replies = await consoleJsonl(db.url, ["/start", '{"button":"lang:en"}', "/help", "/start"]);
    expect(replies.map((r) => r.intent)).toEqual(["start", "language", "help", "start"]);
    expect(replies[0]!.text).toContain("李明，欢迎回来");
    expect(replies[0]!.buttons.map((b) => b.label)).toContain("我的团籍");
    expect(replies[1]!.text).toContain("English");
    expect(replies[2]!.text).toContain("I can help with");
    expect(replies[3]!.text).toContain("Welcome back, 李明");
  });

  it("prints its usage for --help, and for an option it does not know says so instead of a stack trace", async () => {
    const env = { DATABASE_URL: db.url };
    const help = await runScript("bot/console.ts", ["--help"], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法：npm run console [-- --as <发展团员编号>|none] [--jsonl]");
    const wrong = await runScript("bot/console.ts", ["--jsnol"], { env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("命令行参数有误：Unknown option '--jsnol'");
    expect(wrong.stderr).toContain("用法：npm run console");
    expect(wrong.stderr).not.toContain("    at ");
  });

  it("acts as another member with --as and as a stranger with --as none", async () => {
    const [secretary] = await consoleJsonl(db.url, ["/start"], ["--as", "201801000002"]);
    expect(secretary!.text).toContain("王芳");
    const [stranger] = await consoleJsonl(db.url, ["/start"], ["--as", "none"]);
    expect(stranger!.text).toContain("第一次使用请先绑定");
  });

  it("picks an offered choice by its number", async () => {
    const replies = await consoleJsonl(db.url, ["/lang", "2", "/lang", "1"]);
    expect(replies.map((r) => r.intent)).toEqual(["language", "language", "language", "language"]);
    expect(replies[1]!.text).toBe("Done — I'll reply in English from now on.");
    expect(replies[3]!.text).toBe("好的，之后我会用中文回复你。");
  });

  it("names the intent of a typed sentence with the model's confidence; commands are certain", async () => {
    const replies = await consoleJsonl(db.url, ["我是不是团员", "/help"]);
    expect(replies[0]!.intent).toBe("membership.status");
    expect(replies[0]!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(replies[0]!.confidence).toBeLessThanOrEqual(1);
    expect(replies[1]!.intent).toBe("help");
    expect(replies[1]!.confidence).toBe(1);
  });

  it("refuses an unknown 编号 with one line", async () => {
    await expect(consoleJsonl(db.url, ["/start"], ["--as", "209912345678"])).rejects.toThrow(
      "No member has 编号 209912345678",
    );
  });
});
