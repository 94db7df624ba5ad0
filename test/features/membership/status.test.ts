// "我的团籍": one message with the member's place, number, dues and transfer, and warnings that explain themselves.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../../../bot/features/dues/months.ts";
import { formatMonthName } from "../../../bot/features/membership/format.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "./member-chat.ts";

const app = await createTestApp();
const current = monthOf(app.clock.now, app.config.TZ);
const monthZh = (offset: number) => formatMonthName(addMonths(current, offset), "zh-CN");

describe("a member asks for their status", () => {
  it("shows 李明 his path from the province down, his masked 编号, and how far his dues are paid", async () => {
    const { chat } = await chatAsMember(app, "201901000001");
    const [reply] = await chat.say("我的团籍");
    expect(reply!.intent).toBe("membership.status");
    const text = reply!.text;
    expect(text).toContain("李明 的团籍信息");
    expect(text).toContain(
      "共青团广东省委员会 › 共青团广州市委员会 › 华南理工大学团委 › 计算机科学与工程学院团总支 › 计科2022级1班团支部",
    );
    expect(text).toContain("团员编号：2019****0001");
    expect(text).not.toContain("201901000001");
    expect(text).toContain("入团时间：2019年5月4日");
    expect(text).toMatch(/团龄 \d+ 年/);
    expect(text).toContain("团籍状态：正常");
    expect(text).toContain(`已缴至 ${monthZh(-1)}；欠缴 1 个月（${monthZh(0)}），共 0.20 元（每月 0.20 元）`);
    expect(text).toContain("组织关系转接：无进行中的转接");
    expect(text).not.toContain("需要注意");
    expect(reply!.buttons?.flat().map((b) => b.payload)).toEqual(["go:dues.status", "me-code:show"]);
  });

  it("answers the same to /me, the menu button and other phrasings — and never shows anyone else", async () => {
    const chat = chatAs(app.core, "console-201901000001", "console");
    for (const ask of [
      () => chat.say("/me"),
      () => chat.press("go:membership.status"),
      () => chat.say("查一下我的信息"),
      () => chat.say("帮我看下团藉"),
      () => chat.say("/me 202001000005"),
      () => chat.say("/me 刘洋"),
    ]) {
      const [reply] = await ask();
      expect(reply!.intent).toBe("membership.status");
      expect(reply!.text).toContain("李明 的团籍信息");
      expect(reply!.text).not.toContain("刘洋");
    }
  });

  it("warns 张伟 that he turns 28 within three months and what to do then", async () => {
    const { chat } = await chatAsMember(app, "201801000004");
    const text = await chat.text("/me");
    expect(text).toContain("需要注意");
    expect(text).toMatch(/超龄提醒：将于 \d{4}年\d{1,2}月15日 年满 28 周岁/);
    expect(text).toContain("请联系团支书孙静（广州星河科技有限公司团支部）办理");
    expect(text).toContain("如担任团干部，可保留团籍至卸任");
    expect(text).toContain("每月 3.00 元");
  });

  it("tells a leader turning 28 soon that leaving is postponed, not that she must leave", async () => {
    const { member, chat } = await chatAsMember(app, "201801000002");
    const now = app.clock.now;
    const birth = new Date(Date.UTC(now.getUTCFullYear() - 28, now.getUTCMonth() + 1, 1));
    await app.deps.db.member.update({ where: { id: member.id }, data: { birthDate: birth } });
    const text = await chat.text("/me");
    expect(text).toContain("因担任团干部，离团手续推迟到卸任后办理，现在无需操作");
    expect(text).not.toContain("超龄提醒");
  });

  it("marks a member already 28 as 超龄待离团", async () => {
    const { member, chat } = await chatAsMember(app, "201901000009", { platform: "wechat" });
    // 孙静 without her post, and a birthday 28 years and a month ago.
    const now = app.clock.now;
    const birth = new Date(Date.UTC(now.getUTCFullYear() - 28, now.getUTCMonth() - 1, 1));
    await app.deps.db.member.update({ where: { id: member.id }, data: { birthDate: birth, hasLeaguePost: false } });
    const text = await chat.text("我的团籍");
    expect(text).toContain("超龄待离团：已年满 28 周岁（28 岁）且未担任团内职务");
  });

  it("warns 刘洋, four months owed, how much and how to pay — one number in both places", async () => {
    const { chat } = await chatAsMember(app, "202001000005");
    const text = await chat.text("/me");
    expect(text).toContain(`已缴至 ${monthZh(-4)}；欠缴 4 个月（${monthZh(-3)} 至 ${monthZh(0)}），共 80.00 元`);
    expect(text).toContain("团费欠缴：已有 4 个月未缴团费（含本月共 80.00 元）");
    expect(text).toContain("缴纳方式：以现金或按支部通知的方式交给团支书孙静（广州星河科技有限公司团支部）");
    expect(text).not.toContain("脱团");
  });

  it("warns 赵磊 of 脱团 risk, says what to do now, and leaves his status alone", async () => {
    const { member, chat } = await chatAsMember(app, "202101000006");
    const text = await chat.text("/me");
    expect(text).toContain("脱团风险：已有 7 个月未缴团费");
    expect(text).toContain("请现在就补缴（含本月共 1.40 元），或联系团干部吴昊（共青团广州市天河区委员会）说明情况");
    expect(text).toContain("团籍状态：正常");
    const after = await app.deps.db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.status).toBe("ACTIVE");
  });

  it("shows an open transfer with its current step, its organisation and since when", async () => {
    const { member, chat } = await chatAsMember(app, "202201000007");
    const orgs = await app.deps.db.organisation.findMany({
      where: { code: { in: ["GD-GZ-SCUT-CS-2201", "GD-GZ-SYSU"] } },
    });
    const from = orgs.find((o) => o.code === "GD-GZ-SCUT-CS-2201")!;
    const to = orgs.find((o) => o.code === "GD-GZ-SYSU")!;
    const started = new Date("2026-03-02T01:30:00Z");
    await app.deps.db.transferRequest.create({
      data: {
        memberId: member.id,
        fromOrgId: from.id,
        toOrgId: to.id,
        reason: "FURTHER_STUDY",
        initiatedById: member.id,
        steps: {
          create: [
            {
              seq: 1,
              kind: "SENDER_APPROVAL",
              orgId: from.id,
              status: "APPROVED",
              startedAt: new Date("2026-03-01T02:00:00Z"),
              dueAt: new Date("2026-03-04T02:00:00Z"),
              decidedAt: started,
              slaHours: 72,
              slaBusinessHours: false,
            },
            {
              seq: 2,
              kind: "RECEIVER_APPROVAL",
              orgId: to.id,
              startedAt: started,
              dueAt: new Date("2026-03-05T01:30:00Z"),
              slaHours: 72,
              slaBusinessHours: false,
            },
          ],
        },
      },
    });
    const text = await chat.text("我的团籍");
    expect(text).toContain(
      "组织关系转接：进行中，转往 中山大学团委；当前步骤「转入组织审批」由 中山大学团委 办理，自 2026年3月2日 09:30 起",
    );
  });

  it("speaks English to a member who chose it", async () => {
    const { chat } = await chatAsMember(app, "201901000001", { platform: "telegram", locale: "en" });
    const [reply] = await chat.say("whats my staus");
    expect(reply!.intent).toBe("membership.status");
    const text = reply!.text;
    const month = (offset: number) => formatMonthName(addMonths(current, offset), "en");
    expect(text).toContain("Membership record of 李明");
    expect(text).toContain("Organisation: 共青团广东省委员会 › 共青团广州市委员会 ›");
    expect(text).toContain("Member number: 2019****0001");
    expect(text).toContain("Joined: May 4, 2019");
    expect(text).toContain("Status: active");
    expect(text).toContain(`Dues: paid through ${month(-1)}; 1 month owed (${month(0)}), 0.20 yuan in all`);
    expect(text).toContain("Transfer: none in progress");
    expect(text).not.toContain("团籍状态");
  });

  it("asks an unbound chat to bind first and shows nothing", async () => {
    const stranger = chatAs(app.core, "someone-new", "telegram");
    const [reply] = await stranger.say("/me");
    expect(reply!.intent).toBe("bind.required");
    expect(reply!.text).not.toContain("团籍信息");
  });
});
