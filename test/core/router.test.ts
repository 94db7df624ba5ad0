// What the core does with every kind of message before and around the features.
import { describe, expect, it } from "vitest";
import { chatAs } from "../helpers/chat.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "5" });
const identities = () => app.deps.db.chatIdentity.count();
const audits = () => app.deps.db.auditLog.count();

describe("the core router", () => {
  it("answers bad input politely and stores nothing", async () => {
    const stranger = chatAs(app.core, "tg-bad-input", "telegram");
    const before = { identities: await identities(), audits: await audits() };
    const cases: [string, string][] = [
      ["", "我没有收到文字内容"],
      ["长".repeat(100 * 1024), "消息太长了"],
      ["\u0000\u0001\u0002\u0003\u0004", "这条消息我读不懂"],
    ];
    for (const [text, reply] of cases) {
      const [answer] = await stranger.say(text);
      expect(answer!.text).toContain(reply);
      expect(answer!.intent).toBe("invalid");
    }
    expect({ identities: await identities(), audits: await audits() }).toEqual(before);
  });

  it("treats emoji, SQL- and script-looking text as text it does not understand", async () => {
    const member = chatAs(app.core, "tg-odd-text", "telegram");
    for (const text of ["😀😀😀", "'; DROP TABLE members; --", "<script>alert(1)</script>"]) {
      const [answer] = await member.say(text);
      expect(answer!.intent).toBe("unknown");
      expect(answer!.text).toContain("抱歉，我没听懂");
      expect(answer!.buttons?.flat().length).toBeGreaterThan(0);
    }
    expect(await app.deps.db.member.count()).toBe(50);
  });

  it("refuses forged and stale button payloads without running anything", async () => {
    const member = chatAs(app.core, "tg-forged", "telegram");
    for (const payload of ["lang:fr", "nope:1", "x".repeat(80), "go:admin.drop", "lang:zh-CN;DROP"]) {
      const replies = await member.press(payload);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain("这个按钮已失效");
    }
    const identity = await app.deps.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: "tg-forged" } });
    expect(identity.locale).toBeNull();
  });

  it("asks a chat that floods to slow down once, then ignores it for the minute", async () => {
    const flooder = chatAs(app.core, "tg-flood", "telegram");
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await flooder.say("/help"));
    expect(answers.slice(0, 5).every((r) => r[0]?.intent === "help")).toBe(true);
    expect(answers[5]![0]!.text).toBe("消息发得太快了，请稍等一分钟再试。");
    expect(answers.slice(6)).toEqual([[], []]);
    // Another chat is not affected.
    expect((await chatAs(app.core, "tg-calm", "telegram").say("/help"))[0]!.intent).toBe("help");
  });

  it("answers in the platform's language until the person picks one", async () => {
    const english = chatAs(app.core, "tg-english", "telegram", { languageCode: "en-GB" });
    expect((await english.say("/start"))[0]!.text).toContain("Hello! I'm Tuanzhu");
    await english.press("lang:zh-CN");
    expect((await english.say("/start"))[0]!.text).toContain("你好！我是团助");
  });

  it("maps a typed number or a button's words to the choice last offered", async () => {
    const person = chatAs(app.core, "tg-choices", "telegram");
    await person.say("/lang");
    expect((await person.say("English"))[0]!.text).toContain("reply in English");
    await person.say("/lang");
    expect((await person.say("1"))[0]!.text).toContain("用中文回复你");
    // The answer offered no new choices, so the last ones still hold (on WeChat a reply without buttons used to
    // clear them, and the person typing "1" again got the menu, in a loop).
    expect((await person.say("1"))[0]!.text).toContain("用中文回复你");
    // A newer message with choices replaces them: "2" is then the menu's second choice, no longer "English".
    const another = chatAs(app.core, "tg-choices-2", "telegram");
    await another.say("/lang");
    await another.say("/start");
    // (团费 needs a bound member, so this stranger is asked to bind first.)
    expect((await another.say("2"))[0]!.intent).toBe("bind.required");
  });
});

describe("in a group chat", () => {
  it("keeps personal matters to private chats", async () => {
    const member = await app.deps.db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    await app.deps.db.chatIdentity.create({
      data: { platform: "TELEGRAM", externalUserId: "tg-group-li", chatId: "tg-group-li", memberId: member.id },
    });
    const inGroup = chatAs(app.core, "tg-group-li", "telegram", { chatType: "group", mentioned: true });
    const [answer] = await inGroup.send({
      ref: { platform: "telegram", chatId: "-100200", userId: "tg-group-li" },
      text: "/me",
    });
    expect(answer!.text).toBe("这涉及个人信息，请私聊我办理。");
    expect(answer!.text).not.toContain("李明");
  });
});
