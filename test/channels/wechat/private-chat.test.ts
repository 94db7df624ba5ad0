// A person writes to the bot's WeChat account in a private chat.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const { fake } = await startWechat(app);

describe("WeChat private chat", () => {
  it("welcomes a newcomer in Chinese with the menu as numbered choices", async () => {
    const xiaoli = fake.person("小李");
    const welcome = await fake.ask(xiaoli, "/start");
    expect(welcome.text).toContain("你好！我是团助");
    expect(welcome.text).toContain("1. 我的团籍\n2. 团费\n3. 组织关系转接");
  });

  it("takes a typed digit as the numbered choice: /lang then 2 switches to English", async () => {
    const amy = fake.person("Amy");
    const question = await fake.ask(amy, "/lang");
    expect(question.text).toContain("1. 中文\n2. English");
    const confirmation = await fake.ask(amy, "2");
    expect(confirmation.text).toBe("Done — I'll reply in English from now on.");
    expect((await fake.ask(amy, "/start")).text).toContain("Hello! I'm Tuanzhu");
  });
});
