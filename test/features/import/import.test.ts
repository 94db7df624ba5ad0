// An operator loads a committee's sheets: organisations, then members, from CSV and XLSX.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { importMembers, importOrganisations } from "../../../bot/features/import/import-service.ts";
import { tableFromBytes } from "../../../bot/features/import/read-table.ts";
import { describeReport } from "../../../bot/features/import/report.ts";
import { runScript } from "../../helpers/run-script.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const deps = { db, audit: app.deps.audit, config: app.config };
const t = app.deps.i18n.translator("zh-CN");
const today = new Date(Date.UTC(2026, 10, 26));
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`);

const orgSheet = [
  ["组织编码", "组织名称", "简称", "组织类型", "单位类型", "上级组织编码"],
  // A child before its parent: the file's order does not matter.
  ["GD-GZ-GDUT-CS-01", "计算机学院2024级1班团支部", "", "团支部", "学校", "GD-GZ-GDUT-CS"],
  ["GD-GZ-GDUT", "广东工业大学团委", "广工团委", "基层团委", "学校", "GD-GZ"],
  ["GD-GZ-GDUT-CS", "广东工业大学计算机学院团总支", "", "团总支", "学校", "GD-GZ-GDUT"],
];

// A valid ID number (check character computed per GB 11643) for the test person.
const ID = "440106200503120023";
const memberSheet = [
  ["团员编号", "姓名", "身份证号", "出生日期", "入团时间", "所在团组织编码", "团费类别", "税后月收入（元）", "团干部"],
  ["202001234501", "林晓", ID, "2005-03-12", "2020年5月4日", "GD-GZ-GDUT-CS-01", "学生", "", "否"],
  ["201801234502", "何平", "", "2002/7/1", "2018-06", "GD-GZ-GDUT-CS-01", "在职", "4500", "是"],
];
memberSheet[2]![2] = "";
// 何平 has only the last four.
memberSheet[0]!.push("身份证后四位");
memberSheet[1]!.push("");
memberSheet[2]!.push("0417");

describe("importing organisations", () => {
  it("creates the tree whatever the order, then re-importing the same file changes nothing", async () => {
    const table = await tableFromBytes(csv(orgSheet), "orgs.csv");
    const first = await importOrganisations(deps, table, { actorLabel: "cli" });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, written: true, problems: [] });
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-GDUT-CS-01" } });
    const college = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-GDUT-CS" } });
    const school = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-GDUT" } });
    const city = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ" } });
    expect(branch).toMatchObject({ parentId: college.id, level: "BRANCH", kind: "SCHOOL", depth: city.depth + 3 });
    expect(branch.ancestorIds).toEqual([...city.ancestorIds, school.id, college.id, branch.id]);
    expect(school).toMatchObject({ shortName: "广工团委", initials: "gdgydxtw" });

    const again = await importOrganisations(deps, table, { actorLabel: "cli" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, written: true });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: school.id } })).updatedAt).toEqual(school.updatedAt);
    const audits = await db.auditLog.findMany({ where: { action: "import.organisations" } });
    expect(audits).toHaveLength(2);
  });

  it("writes nothing when a row is bad and says which row and column, unless asked for a partial import", async () => {
    const sheet = [
      orgSheet[0]!,
      ["GD-GZ-X1", "新组织一", "", "团支部", "", "GD-GZ"],
      ["GD-GZ-X2", "新组织二", "", "小组", "", "GD-GZ"],
      ["GD-GZ-X3", "新组织三", "", "团支部", "", "NOPE"],
      ["GD-GZ-X4", "环一", "", "团支部", "", "GD-GZ-X5"],
      ["GD-GZ-X5", "环二", "", "团支部", "", "GD-GZ-X4"],
    ];
    const table = await tableFromBytes(csv(sheet), "orgs.csv");
    const report = await importOrganisations(deps, table, { actorLabel: "cli" });
    expect(report.written).toBe(false);
    expect(await db.organisation.count({ where: { code: { startsWith: "GD-GZ-X" } } })).toBe(0);
    const lines = describeReport(t, report);
    expect(lines).toContain(
      "第 3 行「组织类型」：无法识别的组织类型（如 团支部、团总支、基层团委、县级、市级、省级）（小组）",
    );
    expect(lines).toContain("第 4 行「上级组织编码」：找不到这个组织（文件和系统中都没有）（NOPE）");
    expect(lines.filter((l) => l.includes("循环"))).toHaveLength(2);
    expect(lines.at(-1)).toContain("未写入任何数据");

    const partial = await importOrganisations(deps, table, { actorLabel: "cli", partial: true });
    expect(partial).toMatchObject({ created: 1, written: true });
    expect(await db.organisation.count({ where: { code: { startsWith: "GD-GZ-X" } } })).toBe(1);
  });

  it("refuses to move an existing organisation by a sheet", async () => {
    const table = await tableFromBytes(
      csv([orgSheet[0]!, ["GD-GZ-SYSU", "中山大学团委", "中大团委", "基层团委", "学校", "GD"]]),
      "orgs.csv",
    );
    const report = await importOrganisations(deps, table, { actorLabel: "cli" });
    expect(report.problems.map((p) => p.reason)).toEqual(["import-problem-moved"]);
    expect(report.written).toBe(false);
  });
});

describe("importing members", () => {
  beforeAll(async () => {
    await importOrganisations(deps, await tableFromBytes(csv(orgSheet), "orgs.csv"), { actorLabel: "cli" });
  });

  it("hashes full ID numbers on the way in, stores the last four only, and upserts by 编号", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("团员");
    for (const row of memberSheet) sheet.addRow(row);
    // Spreadsheet dates arrive as date cells, not text.
    sheet.getCell("D2").value = new Date(Date.UTC(2005, 2, 12));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const table = await tableFromBytes(bytes, "members.xlsx");
    const report = await importMembers(deps, table, { actorLabel: "token:1", today });
    expect(report).toMatchObject({ rows: 2, created: 2, updated: 0, problems: [], written: true });
    const lin = await db.member.findUniqueOrThrow({ where: { code: "202001234501" }, include: { org: true } });
    expect(lin).toMatchObject({ name: "林晓", idLast4: "0023", duesCategory: "STUDENT", hasLeaguePost: false });
    expect(lin.org.code).toBe("GD-GZ-GDUT-CS-01");
    expect(lin.birthDate.toISOString().slice(0, 10)).toBe("2005-03-12");
    expect(lin.idHash).toMatch(/^[0-9a-f]{64}$/);
    const he = await db.member.findUniqueOrThrow({ where: { code: "201801234502" } });
    expect(he).toMatchObject({ idLast4: "0417", idHash: "", monthlyIncomeFen: 450_000, hasLeaguePost: true });
    // The full number is nowhere: not in any member column, not in the audit log.
    const dump = JSON.stringify(
      await db.$queryRawUnsafe(`SELECT m.*, (SELECT json_agg(a) FROM audit_log a) AS audit FROM members m`),
      (_, v) => (typeof v === "bigint" ? String(v) : v),
    );
    expect(dump).not.toContain(ID.slice(0, 17));

    const again = await importMembers(deps, table, { actorLabel: "token:1", today });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await db.member.findUniqueOrThrow({ where: { id: lin.id } })).updatedAt).toEqual(lin.updatedAt);
  });

  it("checks every row: 编号 and its year, dates, ID, organisation, dues category — and keeps the number out of the report", async () => {
    const header = memberSheet[0]!;
    const rows = [
      ["20200123450", "甲", "", "2005-03-12", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "", "", "1234"],
      ["201901234509", "乙", "", "2005-03-12", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "", "", "1234"],
      [
        "202001234510",
        "丙",
        "440106200503120021",
        "2005-03-12",
        "2020-05-04",
        "GD-GZ-SCUT-CS-2201",
        "学生",
        "",
        "",
        "",
      ],
      ["202001234511", "丁", "", "2005-02-30", "2020-05-04", "NOWHERE", "富豪", "", "", "1234"],
      ["202001234512", "戊", "", "2000-03-12", "2020-05-04", "GD-GZ-SCUT-CS-2201", "在职", "", "", "12"],
      ["202001234513", "己", "", "2012-03-12", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "", "", "1234"],
    ];
    const table = await tableFromBytes(csv([header, ...rows]), "members.csv");
    const report = await importMembers(deps, table, { actorLabel: "cli", today });
    expect(report.written).toBe(false);
    const byLine = (line: number) => report.problems.filter((p) => p.line === line).map((p) => [p.column, p.reason]);
    expect(byLine(2)).toEqual([["团员编号", "import-problem-member-code"]]);
    expect(byLine(3)).toEqual([["团员编号", "import-problem-member-code-year"]]);
    expect(byLine(4)).toEqual([["身份证号", "import-problem-id-number"]]);
    expect(byLine(5)).toEqual([
      ["出生日期", "import-problem-date"],
      ["所在团组织编码", "import-problem-unknown-org"],
      ["团费类别", "import-problem-dues-category"],
    ]);
    expect(byLine(6)).toEqual([
      ["身份证后四位", "import-problem-id-last4"],
      ["税后月收入（元）", "import-problem-income-required"],
    ]);
    expect(byLine(7)).toEqual([["入团时间", "import-problem-join-age"]]);
    expect(describeReport(t, report).join("\n")).not.toContain("440106200503120021");
    expect(await db.member.count({ where: { code: { in: rows.map((r) => r[0]!) } } })).toBe(0);
  });

  it("runs from the command line with a report, exit code 1 when nothing was written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tuanzhu-import-"));
    const good = path.join(dir, "orgs.csv");
    await writeFile(good, csv([orgSheet[0]!, ["GD-GZ-CLI", "命令行团支部", "", "团支部", "", "GD-GZ"]]));
    const env = { DATABASE_URL: app.config.DATABASE_URL };
    const ok = await runScript("bot/features/import/cli.ts", ["orgs", good], { env });
    expect(ok.stdout).toContain("共 1 行：新增 1，更新 0，未变 0");
    expect(ok.code).toBe(0);
    const bad = path.join(dir, "bad.csv");
    await writeFile(
      bad,
      csv([
        ["组织编码", "组织名称"],
        ["X", "无类型"],
      ]),
    );
    const refused = await runScript("bot/features/import/cli.ts", ["orgs", bad], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("第 1 行「组织类型」：缺少这一列");
    const usage = await runScript("bot/features/import/cli.ts", ["people"], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("用法");
  }, 60_000);
});
