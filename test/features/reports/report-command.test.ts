// A committee's staff asks for last week's league table; a 团支书 sees their branch; nobody sees outside their scope.

import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH } from "../../../bot/features/reports/chart.ts";
import {
  NAME_COLUMN,
  NAMED_CHART_WIDTH,
  namedChartHeight,
  ROW_HEIGHT,
  TOP,
} from "../../../bot/features/reports/named-chart.ts";
import { leagueChart } from "../../../bot/features/reports/report-service.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { REPORT_AT, writeScutWeek } from "./week-fixture.ts";

const app = await createTestApp();
const { db } = app.deps;
const writer = await writeScutWeek(db);
app.clock.set(REPORT_AT);

async function bindAs(code: string, userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return { member, chat: chatAs(app.core, userId, "telegram") };
}

const staff = await bindAs("201701000003", "tg-chen");
const secretary = await bindAs("201801000002", "tg-wang");
const liMing = await bindAs("201901000001", "tg-li");
const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });

/** The dark pixels of row i's name column, as a count and a bit string. */
function labelArea(png: PNG, i: number) {
  let ink = 0;
  let bits = "";
  for (let y = TOP + i * ROW_HEIGHT; y < TOP + (i + 1) * ROW_HEIGHT; y++) {
    for (let x = 0; x < NAME_COLUMN; x++) {
      const dark = png.data[(y * png.width + x) * 4]! < 128;
      ink += dark ? 1 : 0;
      bits += dark ? "1" : "0";
    }
  }
  return { ink, bits };
}

describe("/report", () => {
  it("shows committee staff last week's table by child, worst first, with the chart, and audits it", async () => {
    const [reply] = await staff.chat.say("/report");
    expect(reply!.intent).toBe("report.league");
    expect(reply!.text).toBe(
      [
        "【转接周报】华南理工大学团委，2026-11-09 至 2026-11-15",
        "全辖：收到 10 件，按时办理 7 件，响应率 70%；一半在 7.5 小时 内办理，九成在 80 小时 内办理；超时 2 件；被升级 1 次。",
        "各下级组织（最差在前，图中序号相同）：",
        "序号. 组织 | 响应率 | 按时/收到 | 一半在…内 | 九成在…内 | 超时 | 被升级",
        "1. 华南理工大学团委 | 0% | 0/1 | — | — | 0 | 0",
        "2. 计算机科学与工程学院团总支 | 66.7% | 4/6 | 10 小时 | 60 小时 | 2 | 1",
        "3. 电子与信息学院团总支 | 100% | 3/3 | 3 小时 | 64.6 小时 | 0 | 0",
      ].join("\n"),
    );
    const png = PNG.sync.read(Buffer.from(reply!.image!));
    expect([png.width, png.height]).toEqual([NAMED_CHART_WIDTH, namedChartHeight(3)]);
    // Each organisation's name is drawn in its row's label area: dark glyph pixels, and two names of the same
    // length look different (a missing font draws nothing, or the same empty box for every character).
    const labels = [0, 1, 2].map((i) => labelArea(png, i));
    for (const [i, label] of labels.entries()) expect(label.ink, `name of row ${i + 1}`).toBeGreaterThan(150);
    expect(labels[1]!.bits).not.toBe(labels[2]!.bits);
    // The children that have branches of their own can be opened.
    expect(reply!.buttons!.flat()).toEqual([
      { label: "计算机科学与工程学院团总支", payload: `report-org:${await writer.orgId("GD-GZ-SCUT-CS")}` },
      { label: "电子与信息学院团总支", payload: `report-org:${await writer.orgId("GD-GZ-SCUT-EE")}` },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "report.view" } });
    expect(audit).toMatchObject({ actorId: staff.member.id, orgId: scut.id, data: { week: "2026-11-09" } });
  });

  it("opens a child's own table from its button", async () => {
    const cs = await writer.orgId("GD-GZ-SCUT-CS");
    const [reply] = await staff.chat.press(`report-org:${cs}`);
    const rows = reply!.text.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(rows).toEqual([
      "1. 计科2022级1班团支部 | 60% | 3/5 | 20 小时 | 65 小时 | 2 | 1",
      "2. 计算机科学与工程学院团总支 | 100% | 1/1 | 5 小时 | 5 小时 | 0 | 0",
    ]);
    // 2202 had no transfers this week.
    expect(reply!.text).toMatch(/\n1 个下级组织本周没有转接。$/);
  });

  it("answers plain words in Chinese and English, in the person's language", async () => {
    expect((await staff.chat.say("看看上周的转接统计"))[0]!.intent).toBe("report.league");
    await staff.chat.press("lang:en");
    const [reply] = await staff.chat.say("show me the league table");
    expect(reply!.intent).toBe("report.league");
    expect(reply!.text).toContain("Weekly transfer report: 华南理工大学团委, 2026-11-09 to 2026-11-15");
    expect(reply!.text).toContain("2. 计算机科学与工程学院团总支 | 66.7% | 4/6 | 10 hours | 60 hours | 2 | 1");
    // English counts read right: one escalation is "once", not "1 times"; no P90 jargon.
    expect(reply!.text).toContain(
      "half handled within 7.5 hours, nine in ten within 80 hours; 2 overdue; escalated once.",
    );
    expect(reply!.text).not.toMatch(/P90|1 times/);
  });

  it("shows a 团支书 their branch and refuses anything outside it", async () => {
    const [own] = await secretary.chat.say("/report");
    expect(own!.text).toContain("【转接周报】计科2022级1班团支部");
    expect(own!.text).toContain("1. 计科2022级1班团支部 | 60% | 3/5 | 20 小时 | 65 小时 | 2 | 1");
    const [refused] = await secretary.chat.press(`report-org:${scut.id}`);
    expect(refused!.text).toBe("这个组织不在你的管辖范围内，不能查看它的转接统计。");
    expect(refused!.image).toBeUndefined();
    const [alsoRefused] = await secretary.chat.say(`/report ${await writer.orgId("GD-GZ-SCUT-EE-2301")}`);
    expect(alsoRefused!.text).toBe(refused!.text);
    expect(await db.auditLog.count({ where: { action: "report.denied", actorId: secretary.member.id } })).toBe(2);
  });

  it("refuses members without a leader's role", async () => {
    const [reply] = await liMing.chat.say("/report");
    expect(reply!.text).toContain("只有团委工作人员、团支书和管理员可以查看转接统计");
    expect(await db.auditLog.count({ where: { action: "report.view", actorId: liMing.member.id } })).toBe(0);
  });

  it("falls back to the numbered chart when the font file is missing", async () => {
    const league = { week: { key: "2026-11-09", lastDay: "2026-11-15" }, table: { shown: [], more: 0, quiet: 0 } };
    const png = PNG.sync.read(await leagueChart(league as never, "/nonexistent/font.ttc"));
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });

  it("says so when the subtree had no transfers last week", async () => {
    await staff.chat.press("lang:zh-CN");
    app.clock.set(new Date("2026-12-07T01:00:00Z"));
    const [reply] = await staff.chat.say("/report");
    expect(reply!.text).toBe("华南理工大学团委 在 2026-11-30 至 2026-12-06 这一周没有转接记录。");
    app.clock.set(REPORT_AT);
  });
});
