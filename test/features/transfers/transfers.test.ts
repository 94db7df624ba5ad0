// "我的转接到哪一步了": the open transfer as a timeline, in both languages; an unbound chat is asked to bind first.
import { describe, expect, it } from "vitest";
import { formatInstant } from "../../../bot/features/membership/format.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp();
const db = app.deps.db;
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const at = (iso: string, locale: "zh-CN" | "en" = "zh-CN") => formatInstant(new Date(iso), locale, app.config.TZ);

async function openTransferFor(memberId: number) {
  const from = await org("GD-GZ-SCUT-CS-2201");
  const to = await org("GD-GZ-SYSU");
  return db.transferRequest.create({
    data: {
      memberId,
      fromOrgId: from.id,
      toOrgId: to.id,
      reason: "FURTHER_STUDY",
      initiatedById: memberId,
      createdAt: new Date("2026-11-20T01:00:00Z"),
      steps: {
        create: [
          {
            seq: 1,
            kind: "SENDER_APPROVAL",
            orgId: from.id,
            status: "APPROVED",
            startedAt: new Date("2026-11-20T01:00:00Z"),
            dueAt: new Date("2026-11-23T01:00:00Z"),
            decidedAt: new Date("2026-11-21T06:15:00Z"),
            slaHours: 72,
            slaBusinessHours: false,
          },
          {
            seq: 2,
            kind: "RECEIVER_APPROVAL",
            orgId: to.id,
            startedAt: new Date("2026-11-21T06:15:00Z"),
            dueAt: new Date("2026-11-24T06:15:00Z"),
            slaHours: 72,
            slaBusinessHours: false,
          },
        ],
      },
    },
  });
}

describe("transfer progress", () => {
  it("tells 李明 he has no open transfer and whom to ask", async () => {
    const { chat } = await chatAsMember(app, "201901000001");
    const [reply] = await chat.say("我的转接到哪一步了");
    expect(reply!.intent).toBe("transfer.status");
    expect(reply!.text).toBe(
      "你目前没有进行中的组织关系转接。需要转接时点「申请转接」或发送 /transfer；有疑问可以联系团支书王芳（计科2022级1班团支部）。",
    );
    expect(reply!.buttons?.flat().map((b) => b.payload)).toEqual(["go:transfer.start"]);
  });

  it("shows each step with its organisation, since when, its deadline and its state", async () => {
    const { member, chat } = await chatAsMember(app, "202201000007");
    await openTransferFor(member.id);
    app.clock.set(new Date("2026-11-25T02:00:00Z"));
    for (const ask of ["/transfer status", "转接进度", "组织关系转接审批到哪了"]) {
      const [reply] = await chat.say(ask);
      expect(reply!.intent, ask).toBe("transfer.status");
      expect(reply!.text.split("\n")).toEqual([
        "组织关系转接进度",
        `从 计科2022级1班团支部 转往 中山大学团委，原因：升学；提交于 ${at("2026-11-20T01:00:00Z")}`,
        `1. ✅ 转出组织审批 —— 计科2022级1班团支部：已通过（${at("2026-11-21T06:15:00Z")}）`,
        `2. ⏳ 转入组织审批 —— 中山大学团委：待办理，自 ${at("2026-11-21T06:15:00Z")} 起，办理期限 ${at("2026-11-24T06:15:00Z")}（已超时，将提醒上级组织督办）`,
      ]);
    }
  });

  it("shows the timeline in English", async () => {
    const { chat } = await chatAsMember(app, "202201000007", { platform: "telegram", locale: "en" });
    const text = await chat.text("where is my transfer");
    expect(text).toContain("From 计科2022级1班团支部 to 中山大学团委, reason: further study (升学)");
    expect(text).toContain(
      `2. ⏳ approval by the receiving organisation — 中山大学团委: waiting since ${at("2026-11-21T06:15:00Z", "en")}, due by ${at("2026-11-24T06:15:00Z", "en")} (overdue`,
    );
  });
});

describe("applying in English", () => {
  it("asks the reason and explains the rule in the member's language", async () => {
    const { chat } = await chatAsMember(app, "201901000001", { platform: "telegram", locale: "en" });
    const [ask] = await chat.say("I graduated and want to transfer");
    expect(ask!.text).toBe("Why is the membership moving?");
    expect(ask!.buttons?.flat().map((b) => b.label)[0]).toBe("further study (升学)");
    const [dest] = await chat.press("tr-reason:FURTHER_STUDY");
    expect(dest!.text).toContain(
      "Further study: the membership moves to the new school's league organisation, never to the place of household registration.",
    );
    expect((await chat.say("cancel"))[0]!.text).toBe("Cancelled.");
  });
});

describe("changing one's mind in the middle of an application", () => {
  it("drops the application when 李明 says he will not transfer after all, and stores nothing", async () => {
    const { member, chat } = await chatAsMember(app, "201901000001", { platform: "wechat" });
    for (const words of ["算了不转了", "不转了"]) {
      const [ask] = await chat.say("我想转组织关系到北京");
      expect(ask!.text).toBe("组织关系转接的原因是？");
      const [dropped] = await chat.say(words);
      expect(dropped!.text, words).toBe("已放弃这次转接申请，什么都没有提交。需要时再发送「申请转接」。");
      // The dialog is over: the reason's label typed now is not an answer to it.
      const [after] = await chat.say("查下我团籍");
      expect(after!.intent).toBe("membership.status");
    }
    expect(await db.transferRequest.count({ where: { memberId: member.id } })).toBe(0);
  });

  it("answers another request typed where the reason's buttons wait, instead of asking again", async () => {
    const { chat } = await chatAsMember(app, "202101000006", { platform: "wechat" });
    await chat.say("我想转组织关系到北京");
    const [answer, kept] = await chat.say("我能报名啥活动");
    expect(answer!.intent).toBe("activity.list");
    // The application waits for its reason.
    expect(kept).toMatchObject({ intent: "transfer.apply", text: expect.stringContaining("刚才没办完的还在") });
    expect((await chat.say("升学"))[0]!.text).toContain("原因：升学。");
    // A request that opens a dialog of its own takes over: no word of the application waiting.
    const dues = await chat.say("怎么交团费啊");
    expect(dues.map((r) => r.intent)).toEqual(["dues.pay"]);
    // Typed in the middle of an application, a reason's label still answers it.
    await chat.say("我想转组织关系到北京");
    const [next] = await chat.say("升学");
    expect(next!.text).toContain("原因：升学。");
  });
});

const liu = await chatAsMember(app, "202001000005", { platform: "wechat" });
const labels = (reply: { buttons?: { label: string }[][] } | undefined) => reply?.buttons?.flat().map((b) => b.label);

describe("the reason in the member's own words", () => {
  it("takes a reason said with the request, and asks only which kind when the words fit two", async () => {
    const { chat } = liu;
    const [study] = await chat.say("考上研究生了，团关系要转过去");
    expect(study!.text).toContain("原因：升学。");
    await chat.say("/cancel");
    const [which] = await chat.say("我要转组织关系去深圳上班了");
    expect(which!.text).toContain("是下面哪一种？不清楚单位有没有团组织的话，可以问单位的人事部门");
    expect(labels(which)).toEqual(["就业（单位有团组织）", "就业（单位无团组织）"]);
    // Not taken for a leader's request about dues (the model's reading of "单位有团委").
    const [dest] = await chat.say("单位有团委吧");
    expect(dest!.text).toContain("原因：就业（单位有团组织）。");
    await chat.say("/cancel");
  });

  it("reads a short answer to which kind of employment, and says how to find out for 不知道", async () => {
    // A chat of its own: these thirteen messages would take the shared one past the per-minute limit.
    const { chat } = await chatAsMember(app, "202001000005", { platform: "telegram" });
    await chat.say("我要转组织关系");
    const [which] = await chat.say("我毕业了要去工作");
    expect(labels(which)).toEqual(["就业（单位有团组织）", "就业（单位无团组织）"]);
    // Not knowing: how to find out, and the same two (not all eight), without the hint said again.
    const [how, again] = await chat.say("我也不清楚");
    expect(how!.text).toContain("可以问问单位的人事部门或同事");
    expect(again!.text).toBe("是下面哪一种？");
    expect(labels(again)).toEqual(["就业（单位有团组织）", "就业（单位无团组织）"]);
    // Words that fit neither: the two again, not all eight.
    const [unclear, two] = await chat.say("深圳");
    expect(unclear!.text).toContain("没看出是哪种原因");
    expect(labels(two)).toHaveLength(2);
    const [without] = await chat.say("应该没有吧");
    expect(without!.text).toContain("原因：就业（单位无团组织）。");
    await chat.say("/cancel");

    await chat.say("我要转组织关系");
    await chat.say("找到工作了");
    const [withOrg] = await chat.say("有的");
    expect(withOrg!.text).toContain("原因：就业（单位有团组织）。");
    await chat.say("/cancel");

    // Changing one's mind there ("算了，是读研") is the new reason; typed in English in a Chinese chat, understood.
    await chat.say("我要转组织关系");
    const [jobWhich] = await chat.say("i got a job");
    expect(labels(jobWhich)).toEqual(["就业（单位有团组织）", "就业（单位无团组织）"]);
    const [study] = await chat.say("算了是读研");
    expect(study!.text).toContain("原因：升学。");
    await chat.say("/cancel");
  });

  it("says it did not understand before asking again, and takes 公司没有团委 as the employer without one", async () => {
    const { chat } = liu;
    await chat.say("/transfer");
    const [unclear, again] = await chat.say("嗯嗯");
    expect(unclear!.text).toContain("没看出是哪种原因");
    expect(labels(again)).toHaveLength(8);
    const [dest] = await chat.say("公司没有团委");
    expect(dest!.text).toContain("原因：就业（单位无团组织）。");
    // Back later, saying it all again where the destination is asked: the application starts over from those words.
    const [over] = await chat.say("我考上研究生了要转团关系");
    expect(over!.text).toContain("原因：升学。");
    await chat.say("/cancel");
  });

  it("goes back to the reason on 不对，我说错了 at the destination, instead of searching for those words", async () => {
    const { chat } = liu;
    await chat.say("我要转团关系");
    const [dest] = await chat.say("我去广州工作了 单位有团委");
    expect(dest!.text).toContain("原因：就业（单位有团组织）。");
    const [back, reasons] = await chat.say("不对 我说错了");
    expect(back!.text).toBe("好的，重新选择转接原因。");
    expect(labels(reasons)).toHaveLength(8);
    expect(reasons!.text).not.toContain("没有找到");
    const [again] = await chat.say("考研了");
    expect(again!.text).toContain("原因：升学。");
    // A name that is not a "back" word is still searched.
    const [search] = await chat.say("不对称研究所");
    expect(search!.text).not.toBe("好的，重新选择转接原因。");
    await chat.say("/cancel");
  });

  it("understands it in English too", async () => {
    const { chat } = await chatAsMember(app, "201801000004", { platform: "wechat", locale: "en" });
    const [which] = await chat.say("got a new job, need to move my league membership");
    expect(which!.text).toContain("Which of these is it?");
    expect(labels(which)).toHaveLength(2);
    const [dest] = await chat.say("the company doesn't have a league branch");
    expect(dest!.text).toContain("employment, employer has no league organisation");
    await chat.say("/cancel");
  });
});

describe("not wanting a transfer, in English", () => {
  it("is not taken for applying, and drops an application under way; a misspelt cancel closes it too", async () => {
    const { member, chat } = await chatAsMember(app, "201801000004", { platform: "telegram", locale: "en" });
    const [not] = await chat.say("nvm i dont want to transfer");
    expect(not!.intent).toBe("transfer.cancel");
    expect(not!.text).toBe("You have no transfer application to cancel.");
    await chat.say("wanna move my league membership");
    const [dropped] = await chat.say("i dont want to transfer");
    expect(dropped!.text).toBe(
      'The transfer application is dropped; nothing was sent. Say "apply for a transfer" when you need it.',
    );
    await chat.say("wanna move my league membership");
    expect((await chat.say("cancle"))[0]!.text).toBe("Cancelled.");
    expect(await db.transferRequest.count({ where: { memberId: member.id } })).toBe(0);
  });
});

describe("transfers for the unbound", () => {
  it("asks an unbound chat to bind first, and stores nothing", async () => {
    const stranger = chatAs(app.core, "stranger-1", "telegram");
    const before = await db.transferRequest.count();
    for (const ask of ["/transfer", "我毕业了想转组织关系"]) {
      const [reply] = await stranger.say(ask);
      expect(reply!.text, ask).toContain("这项功能需要先绑定你的团员身份");
    }
    expect(await db.transferRequest.count()).toBe(before);
  });
});
