// One member's story told on every channel: bind with 编号, name and ID last four, then ask in plain words.
// The core is shared; only the platform differs.
import { describe, expect, it } from "vitest";
import { telegramUser } from "../helpers/fake-telegram.ts";
import { consoleJsonl } from "../helpers/run-script.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { startOfficialAccount } from "./official-account/start-official-account.ts";
import { startTelegram } from "./telegram/start-telegram.ts";
import { startWechat } from "./wechat/start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const story = ["/bind", "201901000001", "李明", "1234", "查一下我的团籍"];

function expectStory(answers: string[]) {
  expect(answers[0]).toContain("第 1 步：请发送你的发展团员编号");
  expect(answers[1]).toContain("第 2 步");
  expect(answers[2]).toContain("第 3 步");
  expect(answers[3]).toContain("李明");
  expect(answers[4]).toContain("李明");
  expect(answers[4]).toContain("计科2022级1班团支部");
  expect(answers[4]).toContain("2019****0001");
}

async function boundPlatforms() {
  const member = await app.deps.db.member.findUniqueOrThrow({
    where: { code: "201901000001" },
    include: { identities: true },
  });
  return member.identities.map((i) => i.platform).sort();
}

describe("the same story on every channel", () => {
  it("works on the console (--jsonl)", async () => {
    const replies = await consoleJsonl(app.config.DATABASE_URL, story, ["--as", "none"], {
      REDIS_PREFIX: app.config.REDIS_PREFIX,
    });
    expect(replies.map((r) => r.intent)).toEqual(["bind", "bind", "bind", "bind", "membership.status"]);
    expectStory(replies.map((r) => r.text));
  });

  it("works on Telegram", async () => {
    const { fake } = await startTelegram(app);
    const user = telegramUser(920_001, "李明", "zh-hans");
    const answers: string[] = [];
    for (const [i, text] of story.entries()) {
      fake.userSends(text, { from: user });
      answers.push((await fake.waitForMessages(user.id, i + 1))[i]!.text ?? "");
    }
    expectStory(answers);
  });

  it("works on WeChat", async () => {
    const { fake } = await startWechat(app);
    const liMing = fake.person("李明");
    const answers: string[] = [];
    for (const text of story) answers.push((await fake.ask(liMing, text)).text ?? "");
    expectStory(answers);
    // One identity per platform: the member is now bound on all three.
    expect(await boundPlatforms()).toEqual(["CONSOLE", "TELEGRAM", "WECHAT"]);
  });

  it("works on a WeChat Official Account", async () => {
    const { person } = await startOfficialAccount(app);
    const liMing = person("o-li-ming");
    const answers: string[] = [];
    for (const text of story) answers.push((await liMing.say(text)).passive ?? "");
    expectStory(answers);
    expect(await boundPlatforms()).toEqual(["CONSOLE", "TELEGRAM", "WECHAT", "WECHAT_OA"]);
  });
});
