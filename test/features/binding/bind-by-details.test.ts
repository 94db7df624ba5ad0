// A member binds a chat by answering three questions; malformed and wrong answers are refused clearly.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { auditOf, identityOf, memberByCode } from "./binding-helpers.ts";

const app = await createTestApp();

describe("binding by 编号, name and ID last 4", () => {
  it("binds 李明 after three answers and greets him by name", async () => {
    const chat = chatAs(app.core, "user-x", "telegram");
    expect(await chat.text("绑定")).toContain("第 1 步");
    expect(await chat.text("201901000001")).toContain("第 2 步");
    expect(await chat.text("李明")).toContain("第 3 步");
    const [done] = await chat.say("1234");
    expect(done!.text).toContain("绑定成功！李明，你好");
    expect(done!.intent).toBe("bind");

    const liMing = await memberByCode(app, "201901000001");
    const identity = await identityOf(app, "user-x");
    expect(identity!.memberId).toBe(liMing.id);
    expect(identity!.boundAt).toBeInstanceOf(Date);
    const [audit] = await auditOf(app, "binding.bound");
    expect(audit).toMatchObject({ actorId: liMing.id, targetType: "chat-identity", targetId: String(identity!.id) });
    expect(audit!.data).toMatchObject({ method: "details", platform: "TELEGRAM" });

    // Now the start greeting knows him, and binding again is refused.
    expect(await chat.text("/start")).toContain("李明，欢迎回来");
    expect(await chat.text("/bind")).toContain("已绑定为 李明");
  });

  it("keeps a name given before the 编号 was asked for, and does not ask it again", async () => {
    const chat = chatAs(app.core, "user-intro", "telegram");
    await chat.say("我要绑定");
    const [noted] = await chat.say("我叫李明");
    expect(noted!.text).toContain("好的，李明，姓名记下了");
    expect(noted!.buttons?.flat().map((b) => b.payload)).toEqual(["bind:code"]);
    expect(await chat.text("201901000001")).toContain("第 3 步");
    expect(await chat.text("1234")).toContain("绑定成功！李明，你好");
    // What one is, not who: "我是学生" is not taken for a name.
    const other = chatAs(app.core, "user-intro-2", "telegram");
    await other.say("绑定");
    expect(await other.text("我是学生")).not.toContain("姓名记下了");
  });

  it("gives the very same reply whichever answer is wrong, and asks again from the first question", async () => {
    const attempts = [
      ["209901000001", "李明", "1234"], // no such 编号
      ["201901000001", "李敏", "1234"], // wrong name
      ["201901000001", "李明", "4321"], // wrong ID last 4
    ];
    const replies: string[] = [];
    for (const [i, answers] of attempts.entries()) {
      const chat = chatAs(app.core, `wrong-${i}`, "telegram");
      await chat.say("/bind");
      for (const answer of answers.slice(0, 2)) await chat.say(answer!);
      const reply = await chat.send({ text: answers[2]! });
      expect(reply).toHaveLength(1);
      replies.push(reply[0]!.text);
      // Still in the dialog, back at the first question.
      expect(await chat.text("201901000001")).toContain("第 2 步");
      expect((await identityOf(app, `wrong-${i}`))!.memberId).toBeNull();
    }
    expect(replies[0]).toContain("编号、姓名或身份证后 4 位与团员档案不符");
    expect(replies[0]).toContain("还可以再试 4 次");
    expect(new Set(replies).size).toBe(1);
    expect(await auditOf(app, "binding.failed")).toHaveLength(3);
  });

  it("refuses a malformed 编号, name or ID last 4 at the same step, without counting a failure", async () => {
    const chat = chatAs(app.core, "careless", "telegram");
    await chat.say("/bind");
    for (const bad of ["12345", "😀😀😀", "'; DROP TABLE members;--", "2019-01-000001x", "二零一九"]) {
      expect(await chat.text(bad), bad).toContain("发展团员编号应为 12 位数字");
    }
    expect(await chat.text("２０１９０１０００００１")).toContain("第 2 步");
    for (const bad of ["李明😀", "Robert'); DROP TABLE members;--", "李明 123"]) {
      expect(await chat.text(bad), bad).toContain("请只发送你的姓名");
    }
    expect(await chat.text("李明")).toContain("第 3 步");
    for (const bad of ["12", "X234", "一二三四", "1234 OR 1=1"]) {
      expect(await chat.text(bad), bad).toContain("前三位是数字，最后一位是数字或 X");
    }
    // Thirteen malformed answers, and no failure counted: the right answer still binds.
    expect(await chat.text("1234")).toContain("绑定成功！李明");
    expect(await auditOf(app, "binding.failed")).toHaveLength(3);
  });

  it("shows a step's own button again under its hint, never an earlier step's or the menu's", async () => {
    const chat = chatAs(app.core, "retyping", "wechat");
    await chat.say("/start");
    const [first] = await chat.say("/bind");
    const codeButton = first!.buttons!.flat().map((b) => b.payload);
    expect(codeButton).toEqual(["bind:code"]);
    const [hint] = await chat.say("不知道啊");
    expect(hint!.text).toContain("发展团员编号应为 12 位数字");
    expect(hint!.buttons?.flat().map((b) => b.payload)).toEqual(codeButton);
    const [second] = await chat.say("201901000001");
    expect(second!.text).toContain("第 2 步");
    expect(second!.buttons).toBeUndefined();
    // The name step offered nothing: "1" is a name that fails its check, not the menu's 我的团籍 or 我有绑定码.
    const [name] = await chat.say("1");
    expect(name!.text).toContain("请只发送你的姓名");
    expect(name!.buttons).toBeUndefined();
  });

  it("skips the first question when /bind comes with the 编号, and refuses English-language input the same way", async () => {
    const chat = chatAs(app.core, "en-user", "telegram", { languageCode: "en" });
    expect(await chat.text("/bind 2018 0100 0004")).toContain("Step 2");
    expect(await chat.text("张伟 ✨")).toContain("Please send only your name");
    expect(await chat.text("张伟")).toContain("Step 3");
    expect(await chat.text("4411")).toContain("Linked! Hello, 张伟");
  });

  it("answers a question typed where the 编号 or ID digits are asked, and goes on from the same step", async () => {
    const chat = chatAs(app.core, "curious", "telegram");
    await chat.say("绑定");
    const [help, kept] = await chat.say("你能做什么");
    expect(help!.intent).toBe("help");
    expect(kept).toMatchObject({ intent: "bind", text: expect.stringContaining("刚才没办完的还在") });
    expect(await chat.text("201801000004")).toContain("第 2 步");
    expect(await chat.text("张伟")).toContain("第 3 步");
    // A request that is the person's own business gets how to bind first; the digits are still awaited.
    const [bindFirst, still] = await chat.say("查下我的团籍");
    expect(bindFirst!.intent).toBe("bind.required");
    expect(still!.text).toContain("刚才没办完的还在");
    expect(await chat.text("4411")).toContain("绑定成功！张伟");
  });

  it("ends the dialog on 取消, so later text is not taken as an answer", async () => {
    const chat = chatAs(app.core, "changed-mind", "telegram");
    await chat.say("绑定");
    expect(await chat.text("201801000002")).toContain("第 2 步");
    expect(await chat.text("取消")).toBe("已取消。");
    expect(await chat.text("王芳")).not.toContain("第 3 步");
    expect((await identityOf(app, "changed-mind"))!.memberId).toBeNull();
  });

  it("refuses to bind in a group chat, where others would read the answers", async () => {
    const chat = chatAs(app.core, "in-a-group", "telegram", { chatType: "group", mentioned: true });
    const [reply] = await chat.say("/bind");
    expect(reply!.text).toContain("请在与我的私聊中绑定身份");
    expect(await chat.text("201901000001")).not.toContain("第 2 步");
  });

  it("answers an unbound chat's personal request with how to bind, and its button starts binding", async () => {
    const chat = chatAs(app.core, "stranger", "telegram");
    const [reply] = await chat.say("/code 201901000001");
    expect(reply!.intent).toBe("bind.required");
    expect(reply!.text).toContain("需要先绑定你的团员身份");
    expect(reply!.buttons).toEqual([[{ label: "开始绑定", payload: "go:bind" }]]);
    expect(await chat.text("1")).toContain("第 1 步");
    expect(await app.deps.db.bindingCode.count()).toBe(0);
  });
});
