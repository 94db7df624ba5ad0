// The phrases from the review of a new user (issue 14), typed into the console as a member would: each gets the
// answer that was meant, not a keyword's neighbour. Business the bot does not do yet is named and sent to a person.
import { describe, expect, it } from "vitest";
import { createDialogStore } from "../../../bot/core/dialog-store.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const liMing = await chatAsMember(app, "201901000001");
const englishLi = await chatAsMember(app, "202201000007", { locale: "en" });

/** The intent of the answer; then /cancel, so a dialog the answer opened does not take the next sentence. */
async function intentOf(chat: typeof liMing.chat, text: string) {
  const [reply] = await chat.say(text);
  await chat.say("/cancel");
  return reply!.intent;
}

describe("what a new member types, answered as meant", () => {
  it.each([
    ["我是不是团员", "membership.status"],
    ["我还是团员吗", "membership.status"],
    ["我在哪个支部", "membership.status"],
    ["我换工作了，团关系要转到新单位", "transfer.start"],
    ["转接办完了没", "transfer.status"],
    ["我要绑定", "bind"],
    ["你能干嘛", "help"],
    ["取消报名", "activity.leave"],
  ])("%s → %s", async (text, intent) => {
    expect(await intentOf(liMing.chat, text)).toBe(intent);
  });

  it.each([
    ["am I still a member", "membership.status"],
    ["which branch am I in", "membership.status"],
    ["I want to move my league relation to my new employer", "transfer.start"],
    ["has my transfer finished", "transfer.status"],
    ["how much dues do I owe", "dues.status"],
    ["I want to pay my dues", "dues.pay"],
  ])("in English: %s → %s", async (text, intent) => {
    expect(await intentOf(englishLi.chat, text)).toBe(intent);
  });

  it("says you're welcome to 谢谢, and the menu's choices still answer a digit afterwards", async () => {
    const [menu] = await liMing.chat.say("/start");
    expect(menu!.buttons?.flat().length).toBeGreaterThan(1);
    const [thanks] = await liMing.chat.say("谢谢");
    expect(thanks!.intent).toBe("smalltalk.thanks");
    expect(thanks!.text).toContain("不客气");
    // The thanks offered no choices, so the menu's stay: "1" is still 我的团籍.
    const [status] = await liMing.chat.say("1");
    expect(status!.intent).toBe("membership.status");
  });

  it("explains where the 编号 is, and without it offers the 团支书's one-time code", async () => {
    const stranger = chatAs(app.core, "newcomer-1");
    const [where] = await stranger.say("编号在哪查");
    expect(where!.intent).toBe("help.code-where");
    expect(where!.text).toContain("智慧团建");
    const [unknown] = await stranger.say("我不知道编号");
    expect(unknown!.intent).toBe("help.code-unknown");
    expect(unknown!.text).toContain("绑定码");
    expect(unknown!.buttons?.flat().map((b) => b.payload)).toContain("bind:code");
  });

  it.each(["能不能帮我查下我的团员编号", "我忘了编号", "编号在哪查"])(
    "gives a bound member their own 编号 when asked (%s), audited; never in a group",
    async (text) => {
      const before = await db.auditLog.count({ where: { action: "membership.own-code", actorId: liMing.member.id } });
      const [code] = await liMing.chat.say(text);
      expect(code!.text).toContain("李明，你的团员编号（发展团员编号）是：201901000001");
      expect(code!.text).not.toContain("绑定码");
      expect(await db.auditLog.count({ where: { action: "membership.own-code", actorId: liMing.member.id } })).toBe(
        before + 1,
      );
      const [inGroup] = await liMing.chat.send({ text, chatType: "group" });
      expect(inGroup!.text).not.toContain("201901000001");
    },
  );

  it.each([
    ["教育评议什么时候", "evaluation.show", "团员教育评议"],
    ["推优入党", "recommendation.show", "推优入党"],
  ])("%s is served by its campaign kind, and says plainly when none is open (%s)", async (text, intent, topic) => {
    const [reply] = await liMing.chat.say(text);
    expect(reply!.intent).toBe(intent);
    expect(reply!.text).toContain(topic);
    expect(reply!.text).toContain("没有进行中");
  });

  it.each(["我要离团", "我想退团"])(
    "%s is a request to leave, asked again before it goes to the 团支书",
    async (text) => {
      const zhangWei = await chatAsMember(app, "201801000004", {
        platform: text === "我要离团" ? "console" : "wechat",
      });
      const [reply] = await zhangWei.chat.say(text);
      expect(reply!.intent).toBe("leaving.request");
      expect(reply!.text).toContain("孙静");
      // Declined with the offered button's words: the question closes and nobody is told.
      expect((await zhangWei.chat.say("先不了"))[0]!.text).toContain("没有转告任何人");
    },
  );

  it("reads 下周三晚上7点 and 今天 20:40-22:00 when a 团支书 creates an activity", async () => {
    const wangFang = await chatAsMember(app, "201801000002");
    const saved = app.clock.now;
    app.clock.set(new Date("2026-12-02T02:00:00Z")); // Wednesday 10:00 in Shanghai
    try {
      for (const [said, starts] of [
        ["下周三晚上7点", "2026-12-09T11:00:00.000Z"],
        ["今天 20:40-22:00", "2026-12-02T12:40:00.000Z"],
      ] as const) {
        expect((await wangFang.chat.say("发起活动"))[0]!.text).toContain("请发送活动名称");
        expect((await wangFang.chat.say("主题团日"))[0]!.text).toContain("下周三晚上7点");
        expect((await wangFang.chat.say(said))[0]!.text).toBe("活动地点在哪里？");
        const draft = await createDialogStore(app.deps.redis, app.config.REDIS_PREFIX).get(wangFang.chat.ref);
        expect(draft?.data.startsAt, said).toBe(starts);
        await wangFang.chat.say("/cancel");
      }
    } finally {
      app.clock.set(saved);
    }
  });

  it("asks instead of guessing when unsure, and keeps the answer for review", async () => {
    // Just the topic: start a transfer, or ask how one is going?
    const [asked] = await liMing.chat.say("转接");
    expect(asked!.intent).toBe("nlu.did-you-mean");
    expect(asked!.text).toContain("你是想");
    const offered = asked!.buttons!.flat();
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    expect(offered.map((b) => b.label)).toEqual(expect.arrayContaining(["申请组织关系转接", "查看转接进度"]));
    // Typed as a number, the way WeChat answers numbered choices.
    const position = offered.findIndex((b) => b.label === "查看转接进度") + 1;
    const [answer] = await liMing.chat.say(String(position));
    expect(answer!.intent).toBe("transfer.status");
    const row = await db.nluCandidate.findFirstOrThrow({ where: { text: "转接" }, orderBy: { id: "desc" } });
    expect(row.chosenIntent).toBe("transfer.status");
    expect(row.offered).toContain("transfer.start");
    // A second tap runs it again and keeps the first answer.
    await liMing.chat.press(offered.find((b) => b.label === "申请组织关系转接")!.payload);
    await liMing.chat.say("/cancel");
    expect((await db.nluCandidate.findUniqueOrThrow({ where: { id: row.id } })).chosenIntent).toBe("transfer.status");
  });

  it("masks a long number in a sentence it keeps for review", async () => {
    const [asked] = await liMing.chat.say("201901000001 这个");
    if (asked!.intent === "nlu.did-you-mean") {
      const row = await db.nluCandidate.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(row.text).not.toContain("201901000001");
    }
    expect(await db.nluCandidate.count({ where: { text: { contains: "201901000001" } } })).toBe(0);
  });
});
