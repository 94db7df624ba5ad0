// "我的转接到哪一步了": the open transfer as a timeline. Applying online and activity sign-up are not open yet:
// the bot says so, names whom to ask, and stores nothing.
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
      "你目前没有进行中的组织关系转接。需要转接时请联系团支书王芳（计科2022级1班团支部）；在线申请开通后也可以在这里办理。",
    );
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

describe("what is not open yet", () => {
  it("tells a member that online transfer applications are not open, names the 团支书, and submits nothing", async () => {
    const { chat } = await chatAsMember(app, "201901000001", { platform: "wechat" });
    const before = await db.transferRequest.count();
    for (const ask of ["/transfer", "我毕业了想转组织关系", "go:transfer.start"]) {
      const [reply] = ask.startsWith("go:") ? await chat.press(ask) : await chat.say(ask);
      expect(reply!.intent, ask).toBe("transfer.start");
      expect(reply!.text).toContain("团助暂未开放在线申请组织关系转接，这里不会提交任何申请");
      expect(reply!.text).toContain("请联系团支书王芳（计科2022级1班团支部）办理");
      expect(reply!.buttons?.flat().map((b) => b.payload)).toEqual(["go:transfer.status", "go:membership.status"]);
    }
    expect(await db.transferRequest.count()).toBe(before);
  });

  it("answers an unbound chat too, without a name", async () => {
    const stranger = chatAs(app.core, "stranger-1", "telegram");
    const [reply] = await stranger.say("/transfer");
    expect(reply!.intent).toBe("transfer.start");
    expect(reply!.text).toContain("请联系你所在团支部的团支书办理");
  });

  it("says activity sign-up is not open yet and signs nobody up", async () => {
    const { chat } = await chatAsMember(app, "202001000005");
    for (const ask of ["/activities", "最近有什么活动", "go:activity.list"]) {
      const [reply] = ask.startsWith("go:") ? await chat.press(ask) : await chat.say(ask);
      expect(reply!.intent, ask).toBe("activity.list");
      expect(reply!.text).toContain("团助暂未开放活动报名，这里不会为你报名任何活动");
      expect(reply!.text).toContain("请留意团支书孙静（广州星河科技有限公司团支部）的通知");
    }
    expect(await db.activitySignup.count()).toBe(0);
  });
});
