// A branch's dues for leaders: /duesbranch lists each member's year, the totals, and sends the CSV for Excel;
// nobody outside the scope sees anything, and every look is audited.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../../../../bot/features/dues/months.ts";
import { formatMonthName } from "../../../../bot/features/membership/format.ts";
import { createTestApp } from "../../../helpers/test-app.ts";
import { chatAsMember } from "../../membership/member-chat.ts";

const app = await createTestApp();
const { db } = app.deps;
const current = monthOf(app.clock.now, app.config.TZ);
const year = Math.floor(current / 100);
const monthsThisYear = current % 100;

/** The CSV as Excel would read it: BOM, then rows of cells. */
function readCsv(bytes: Uint8Array): { bom: boolean; rows: string[][] } {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const bom = text.startsWith("\uFEFF");
  const rows = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
  return { bom, rows };
}

describe("/duesbranch for 黄丽, treasurer of 计科2022级1班", async () => {
  const { chat, member: huang } = await chatAsMember(app, "202201000007");
  const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
  const roll = await db.member.findMany({ where: { orgId: branch.id, status: "ACTIVE" }, orderBy: { code: "asc" } });

  it("lists every member's year and the branch's totals, and sends the CSV", async () => {
    const replies = await chat.say("/duesbranch");
    expect(replies.map((r) => r.intent)).toEqual(["duesleaders.branch", "duesleaders.branch"]);
    const [summary, file] = replies;
    expect(summary!.text.split("\n")[0]).toBe(`计科2022级1班团支部 ${year}年团费收缴情况（截至${monthsThisYear}月）：`);
    // 李明 joined in 2019 and owes this month only, at the student rate.
    expect(summary!.text).toContain(
      `201901000001 李明：月缴 0.20 元，今年已缴 ${monthsThisYear - 1}/${monthsThisYear} 个月，已缴至 ${formatMonthName(addMonths(current, -1), "zh-CN")}，欠缴 1 个月 0.20 元`,
    );
    expect(summary!.text).toContain(
      `201801000002 王芳：月缴 0.20 元，今年已缴 ${monthsThisYear}/${monthsThisYear} 个月`,
    );
    expect(summary!.text).toContain("，无欠缴");
    expect(summary!.text).toContain(`合计：${roll.length} 人；`);

    expect(file!.file).toMatchObject({ name: `团费收缴-计科2022级1班团支部-${year}.csv`, mime: "text/csv" });
    expect(file!.text).toBe(`计科2022级1班团支部 ${year}年团费收缴表（UTF-8，可直接用 Excel 打开）。`);
    const csv = readCsv(file!.file!.bytes);
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(["编号", "姓名", "月缴", "已缴至", "欠缴月数", "欠缴金额(元)"]);
    expect(csv.rows).toHaveLength(roll.length + 1);
    // One row per member in 编号 order; 12-digit codes kept as text for Excel.
    expect(csv.rows.slice(1).map((r) => r[0])).toEqual(roll.map((m) => `="${m.code}"`));
    expect(csv.rows.find((r) => r[1] === "李明")).toEqual([
      '="201901000001"',
      "李明",
      "0.20",
      formatMonthName(addMonths(current, -1), "zh-CN"),
      "1",
      "0.20",
    ]);
  });

  it("adds up to what the rows say", async () => {
    const [summary, file] = await chat.say("支部团费收缴情况");
    const rows = readCsv(file!.file!.bytes).rows.slice(1);
    const owedMonths = rows.reduce((s, r) => s + Number(r[4]), 0);
    const owing = rows.filter((r) => Number(r[4]) > 0).length;
    const owedFen = rows.reduce((s, r) => s + Math.round(Number(r[5]) * 100), 0);
    expect(summary!.text).toContain(`欠缴 ${owing} 人，共 ${owedMonths} 个月 ${(owedFen / 100).toFixed(2)} 元。`);
    expect(owing).toBeGreaterThan(1);
  });

  it("is audited with the organisation", async () => {
    const entries = await db.auditLog.findMany({ where: { actorId: huang.id, action: "duesleaders.branch" } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]).toMatchObject({ orgId: branch.id, data: { outcome: "allowed", members: roll.length } });
  });

  it("refuses a branch outside her scope, naming nothing from it", async () => {
    const [reply] = await chat.say("/duesbranch GD-GZ-TH-XH");
    expect(reply!.text).toBe("在你的管理范围内没有找到「GD-GZ-TH-XH」这个组织。");
    expect(reply!.file).toBeUndefined();
    const last = await db.auditLog.findFirstOrThrow({ where: { actorId: huang.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "duesleaders.branch", data: { outcome: "denied" } });
  });
});

describe("/duesbranch for others", () => {
  it("refuses a member without a leader role", async () => {
    const { chat, member } = await chatAsMember(app, "201901000001");
    const replies = await chat.say("/duesbranch");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe("只有团支书、组织委员（团费收缴）、团委工作人员和管理员可以使用这个功能。");
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: member.id }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ action: "duesleaders.branch", data: { outcome: "not-leader" } });
  });

  it("shows a member asking in words (我这个月团费交了没 reads like 收缴情况) their own dues, and audits the refusal", async () => {
    const { chat, member } = await chatAsMember(app, "201901000001", { platform: "wechat" });
    const [own] = await chat.say("我这个月团费交了没");
    expect(own!.intent).toBe("dues.status");
    expect(own!.text).toContain("李明 的团费");
    expect(own!.text).not.toContain("只有团支书");
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: member.id }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ data: { outcome: "not-leader" } });
  });

  it("lets a committee's staff pick a branch below it, and shows that one", async () => {
    const { chat } = await chatAsMember(app, "201801000010");
    const [choose] = await chat.say("/duesbranch");
    const labels = choose!.buttons!.flat().map((b) => b.label);
    expect(labels[0]).toBe("共青团广州市天河区委员会");
    expect(labels).toContain("广州星河科技有限公司团支部");
    const xinghe = choose!.buttons!.flat().find((b) => b.label === "广州星河科技有限公司团支部")!;
    const [summary, file] = await chat.press(xinghe.payload);
    expect(summary!.text).toContain("202001000005 刘洋：月缴 20.00 元");
    expect(summary!.text).toContain("欠缴 4 个月 80.00 元");
    expect(
      readCsv(file!.file!.bytes)
        .rows.find((r) => r[1] === "刘洋")
        ?.slice(4),
    ).toEqual(["4", "80.00"]);
  });

  it("takes the typed number of a choice, as on WeChat", async () => {
    const { chat } = await chatAsMember(app, "201801000010", { platform: "wechat" });
    const [choose] = await chat.say("/duesbranch");
    const index = choose!.buttons!.flat().findIndex((b) => b.label === "广州星河科技有限公司团支部");
    const [summary, file] = await chat.say(String(index + 1));
    expect(summary!.text).toMatch(/^广州星河科技有限公司团支部 \d{4}年团费收缴情况/);
    expect(file!.file).toBeDefined();
  });

  it("refuses a forged button for a branch outside the scope", async () => {
    const { chat } = await chatAsMember(app, "201801000002");
    const th = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-XH" } });
    const replies = await chat.press(`dl-branch:${th.id}`);
    expect(replies.map((r) => r.text)).toEqual([`在你的管理范围内没有找到「${th.id}」这个组织。`]);
  });
});
