// The language switch as people ask for it: a button, "/lang en", or a sentence naming the language.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const localeOf = async (userId: string) =>
  (await db.chatIdentity.findFirstOrThrow({ where: { platform: "CONSOLE", externalUserId: userId } })).locale;

describe("the language", () => {
  it("is set at once when /lang names it, and asked when it names none or one we do not have", async () => {
    const chat = chatAs(app.core, "lang-1");
    const [english] = await chat.say("/lang en");
    expect(english!.text).toBe("Done — I'll reply in English from now on.");
    expect(await localeOf("lang-1")).toBe("en");
    const [chinese] = await chat.say("/lang 中文");
    expect(chinese!.text).toBe("好的，之后我会用中文回复你。");
    expect(await localeOf("lang-1")).toBe("zh-CN");
    const [french] = await chat.say("/lang fr");
    expect(french!.buttons?.flat().map((b) => b.payload)).toEqual(["lang:zh-CN", "lang:en"]);
    expect(await localeOf("lang-1")).toBe("zh-CN");
  });

  it("takes the language a sentence names, and asks when it names both", async () => {
    const chat = chatAs(app.core, "lang-2");
    const [english] = await chat.say("switch to english please");
    expect(english!.text).toBe("Done — I'll reply in English from now on.");
    const [chinese] = await chat.say("请用中文回复");
    expect(chinese!.text).toBe("好的，之后我会用中文回复你。");
    const [both] = await chat.say("can you speak chinese or english");
    expect(both!.buttons?.flat().map((b) => b.payload)).toEqual(["lang:zh-CN", "lang:en"]);
    expect(await localeOf("lang-2")).toBe("zh-CN");
  });
});
