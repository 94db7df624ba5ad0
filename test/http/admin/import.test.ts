// An operator's script uploads a committee's sheets to the admin API: organisations, then members, as CSV or XLSX;
// checks first with a dry run; gets each bad row named by row and column in its language; may write only inside
// its token's subtree; and never sees a full ID number come back, in the answer or in the log.
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../../bot/http/server.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { API, adminFixture } from "./admin-fixture.ts";

const f = await adminFixture();
const { db } = f.app.deps;
f.app.clock.set(new Date("2026-11-26T06:00:00Z"));

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A valid ID number (GB 11643 check character) for a birth date and sequence. */
function idNumber(birth: string, seq: string) {
  const body = `440106${birth.replaceAll("-", "")}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + "10X98765432"[sum % 11];
}

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`);

async function xlsx(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("团员");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function upload(
  kind: "organisations" | "members",
  body: Buffer | string,
  { token = f.tokens.write, type = CSV, query = "", headers = {} as Record<string, string>, http = f.http } = {},
) {
  return http.inject({
    method: "POST",
    url: `${API}/import/${kind}${query}`,
    headers: { ...f.auth(token), "content-type": type, ...headers },
    payload: body,
  });
}

const orgHeader = ["组织编码", "组织名称", "简称", "组织类型", "单位类型", "上级组织编码"];
const memberHeader = ["团员编号", "姓名", "身份证号", "出生日期", "入团时间", "所在团组织编码", "团费类别", "团干部"];
const LIN_ID = idNumber("2005-03-12", "002");
const ZHAO_ID = idNumber("2004-09-01", "004");
const auditOf = (action: string) => db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("importing organisations", () => {
  const sheet = [
    orgHeader,
    // The branch before its college: order does not matter.
    ["GD-GZ-SCUT-AI-2401", "人工智能2024级1班团支部", "", "团支部", "学校", "GD-GZ-SCUT-AI"],
    ["GD-GZ-SCUT-AI", "华南理工大学人工智能学院团总支", "", "团总支", "学校", "GD-GZ-SCUT"],
  ];

  it("creates organisations below the token's own from a CSV, audited under the token, and a re-upload changes nothing", async () => {
    const res = await upload("organisations", csv(sheet));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, written: true, problems: [] });
    const college = await f.org("GD-GZ-SCUT-AI");
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-AI-2401" } });
    expect(branch.ancestorIds).toEqual([...college.ancestorIds, branch.id]);
    const scut = await f.org("GD-GZ-SCUT");
    expect((await auditOf("import.organisations")).at(-1)).toMatchObject({
      actorLabel: `token:${f.tokenIds.write}`,
      orgId: scut.id,
    });

    const again = await upload("organisations", csv(sheet));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: branch.id } })).updatedAt).toEqual(branch.updatedAt);
  });

  it("refuses rows outside the token's subtree as problems, and with partial writes only the rows inside", async () => {
    const outside = [
      orgHeader,
      ["GD-GZ-SYSU-NEW", "中大新团支部", "", "团支部", "学校", "GD-GZ-SYSU-CS"],
      ["GD-GZ-SCUT-NEW", "华工新团支部", "", "团支部", "学校", "GD-GZ-SCUT-CS"],
      ["GD-GZ-SYSU", "中山大学团委（改名）", "", "基层团委", "学校", "GD-GZ"],
      ["NEW-ROOT", "新省委", "", "省级", "机关", ""],
    ];
    const res = await upload("organisations", csv(outside));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.written).toBe(false);
    expect(
      body.problems.map((p: { line: number; column: string; reason: string }) => [p.line, p.column, p.reason]),
    ).toEqual([
      [2, "上级组织编码", "import-problem-out-of-scope"],
      [4, "上级组织编码", "import-problem-out-of-scope"],
      [5, "上级组织编码", "import-problem-out-of-scope"],
    ]);
    expect(body.problems[0].message).toBe(
      "第 2 行「上级组织编码」：不在此令牌可管理的范围内（其所属组织及下级组织）（GD-GZ-SYSU-CS）",
    );
    expect(
      await db.organisation.count({ where: { code: { in: ["GD-GZ-SCUT-NEW", "GD-GZ-SYSU-NEW", "NEW-ROOT"] } } }),
    ).toBe(0);
    expect((await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SYSU" } })).name).toBe("中山大学团委");

    const partial = await upload("organisations", csv(outside), { query: "?partial=true" });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ rows: 4, created: 1, written: true });
    expect(partial.json().problems).toHaveLength(3);
    const codes = (await db.organisation.findMany({ where: { code: { endsWith: "-NEW" } } })).map((o) => o.code);
    expect(codes).toEqual(["GD-GZ-SCUT-NEW"]);
    // A root token's scope is the whole tree: the same rows are fine for it, except a second root.
    const root = await upload("organisations", csv(outside), { token: f.tokens.rootWrite, query: "?dryRun=true" });
    expect(root.statusCode).toBe(422);
    expect(root.json().problems.map((p: { line: number }) => p.line)).toEqual([5]);
  });
});

describe("importing members", () => {
  const sheet = [
    memberHeader,
    ["202001234501", "林晓", LIN_ID, "2005-03-12", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"],
    ["202001234502", "赵宁", ZHAO_ID, "2004-09-01", "2020-05-04", "GD-GZ-SCUT-CS-2202", "学生", "是"],
  ];

  it("checks an XLSX on a dry run without writing, then imports it; the ID number never comes back", async () => {
    const bytes = await xlsx(sheet);
    const auditsBefore = (await auditOf("import.members")).length;
    const dry = await upload("members", bytes, { type: XLSX, query: "?dryRun=true" });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 0, written: false, problems: [] });
    expect(await db.member.count({ where: { code: { in: ["202001234501", "202001234502"] } } })).toBe(0);
    expect(await auditOf("import.members")).toHaveLength(auditsBefore);

    const res = await upload("members", bytes, { type: XLSX });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: 2, written: true });
    const lin = await db.member.findUniqueOrThrow({ where: { code: "202001234501" }, include: { org: true } });
    expect(lin).toMatchObject({ name: "林晓", idLast4: LIN_ID.slice(-4) });
    expect(lin.org.code).toBe("GD-GZ-SCUT-CS-2201");
    expect((await auditOf("import.members")).at(-1)).toMatchObject({ actorLabel: `token:${f.tokenIds.write}` });

    const again = await upload("members", csv(sheet));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    for (const answer of [dry, res, again]) {
      expect(answer.body).not.toContain(LIN_ID.slice(0, 14));
      expect(answer.body).not.toContain(ZHAO_ID.slice(0, 14));
    }
  });

  it("answers 422 for bad rows, each named by row and column in the caller's language, and writes nothing", async () => {
    const bad = [
      memberHeader,
      ["202001234511", "钱多", "", "2005-02-30", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"],
      ["202001234512", "孙立", idNumber("2005-01-01", "011"), "2005-01-01", "2020-05-04", "NOWHERE", "学生", "否"],
      [
        "202001234513",
        "周全",
        idNumber("2005-01-02", "013"),
        "2005-01-02",
        "2020-05-04",
        "GD-GZ-SCUT-CS-2201",
        "学生",
        "否",
      ],
    ];
    const res = await upload("members", csv(bad));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ rows: 3, created: 0, written: false });
    expect(body.problems).toContainEqual({
      line: 2,
      column: "出生日期",
      reason: "import-problem-date",
      message: "第 2 行「出生日期」：日期无法识别（如 2001-05-04 或 2001年5月4日）（2005-02-30）",
      value: "2005-02-30",
    });
    expect(body.problems.map((p: { line: number; column: string }) => `${p.line} ${p.column}`)).toEqual([
      "2 出生日期",
      "2 身份证号",
      "3 所在团组织编码",
    ]);
    expect(await db.member.count({ where: { code: { in: ["202001234511", "202001234512", "202001234513"] } } })).toBe(
      0,
    );

    // An organisation nothing has is out of the token's reach, as one outside its subtree is: a token cannot tell
    // them apart.
    const english = await upload("members", csv(bad), { headers: { "accept-language": "en-GB,en;q=0.9,zh;q=0.5" } });
    expect(english.json().problems).toContainEqual(
      expect.objectContaining({
        line: 3,
        message:
          'Row 3, column "所在团组织编码": outside the organisations this token may change (its organisation and those below it) (NOWHERE)',
      }),
    );

    const partial = await upload("members", csv(bad), { query: "?partial=true" });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ rows: 3, created: 1, written: true });
    expect(partial.json().problems).toHaveLength(3);
    expect((await db.member.findUniqueOrThrow({ where: { code: "202001234513" } })).name).toBe("周全");
  });

  it("refuses members of organisations outside the subtree, and someone else's member moved in by 编号", async () => {
    const sysuMember = await db.member.findFirstOrThrow({ where: { org: { code: "GD-GZ-SYSU-CS-M26" } } });
    const birth = sysuMember.birthDate.toISOString().slice(0, 10);
    const joined = sysuMember.joinedAt.toISOString().slice(0, 10);
    const rows = [
      memberHeader.concat("身份证后四位"),
      ["202001234521", "吴越", "", "2005-01-03", "2020-05-04", "GD-GZ-SYSU-CS-M26", "学生", "否", "1234"],
      [sysuMember.code, sysuMember.name, "", birth, joined, "GD-GZ-SCUT-CS-2201", "学生", "否", sysuMember.idLast4],
      ["202001234522", "郑和", "", "2005-01-04", "2020-05-04", "GD-GZ-SCUT-CS-2202", "学生", "否", "5678"],
    ];
    const res = await upload("members", csv(rows));
    expect(res.statusCode).toBe(422);
    expect(
      res.json().problems.map((p: { line: number; column: string; reason: string }) => [p.line, p.column, p.reason]),
    ).toEqual([
      [2, "所在团组织编码", "import-problem-out-of-scope"],
      [3, "团员编号", "import-problem-out-of-scope"],
    ]);
    const partial = await upload("members", csv(rows), { query: "?partial=true" });
    expect(partial.json()).toMatchObject({ created: 1, written: true });
    expect((await db.member.findUniqueOrThrow({ where: { id: sysuMember.id } })).orgId).toBe(sysuMember.orgId);
    expect(await db.member.count({ where: { code: "202001234521" } })).toBe(0);
  });

  it("masks an ID number typed into the wrong column, in the values and the messages", async () => {
    const id = idNumber("2005-01-05", "015");
    const rows = [
      memberHeader.slice(0, 2).concat("身份证后四位", memberHeader.slice(3)),
      ["202001234531", "冯明", id, "2005-01-05", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"],
    ];
    const res = await upload("members", csv(rows), { query: "?dryRun=true" });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toContainEqual(
      expect.objectContaining({ line: 2, column: "身份证后四位", value: `…${id.slice(-4)}` }),
    );
    expect(res.body).not.toContain(id.slice(0, 14));
  });

  it("refuses a read token with 403 before reading the file, and a missing token with 401", async () => {
    const read = await upload("members", csv(sheet), { token: f.tokens.read });
    expect(read.statusCode).toBe(403);
    expect(read.json().error).toMatch(/read-only/);
    const none = await f.http.inject({
      method: "POST",
      url: `${API}/import/members`,
      payload: csv(sheet),
      headers: { "content-type": CSV },
    });
    expect(none.statusCode).toBe(401);
  });
});

describe("files the API cannot read", () => {
  it("answers 400 saying what is wrong: empty body, another Content-Type, a broken workbook or CSV, wrong charset", async () => {
    const cases: [Buffer | string, string, RegExp][] = [
      ["", CSV, /body is empty/],
      [JSON.stringify({ rows: [] }), "application/json", /Content-Type must be text\/csv or .*not application\/json/],
      [csv([memberHeader]), "application/octet-stream", /Content-Type must be/],
      [Buffer.from("PK\u0003\u0004 not really a zip"), XLSX, /unreadable XLSX file/],
      [Buffer.from('团员编号,姓名\n"202001234541,"unclosed'), CSV, /unreadable CSV file/],
      [Buffer.from([0xcd, 0xc5, 0xd4, 0xb1, 0xb1, 0xe0, 0xba, 0xc5]), CSV, /not valid utf-8 text.*charset=gbk/],
      [csv([memberHeader]), "text/csv; charset=klingon", /unsupported charset/],
    ];
    const audits = (await auditOf("import.members")).length;
    for (const [body, type, message] of cases) {
      const res = await upload("members", body, { type });
      expect([res.statusCode, res.json().error], type).toEqual([400, expect.stringMatching(message)]);
    }
    expect(await auditOf("import.members")).toHaveLength(audits);
    // The CSV parser quotes the cell it stumbled on; an ID number there is masked.
    const quoted = await upload("members", Buffer.from(`团员编号,身份证号\n${LIN_ID}","x"\n`));
    expect(quoted.statusCode).toBe(400);
    expect(quoted.json().error).toContain(`value is "…${LIN_ID.slice(-4)}"`);
    expect(quoted.body).not.toContain(LIN_ID.slice(0, 14));
  });

  it("reads a GBK CSV when the charset says so, as Excel in China saves it", async () => {
    const text = `${orgHeader.join(",")}\r\nGD-GZ-SCUT-GBK,国标编码团支部,,团支部,学校,GD-GZ-SCUT-CS\r\n`;
    const encoded = gbkBytes(text);
    const unlabelled = await upload("organisations", encoded, { query: "?dryRun=true" });
    expect(unlabelled.statusCode).toBe(400);
    const res = await upload("organisations", encoded, { type: "text/csv; charset=gbk", query: "?dryRun=true" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, problems: [] });
  });

  it("takes a sheet far over the admin API's 64 KB limit, and refuses one over 15 MB with 413", async () => {
    const rows = [memberHeader];
    for (let i = 0; i < 1500; i++) {
      const n = String(600_000 + i);
      rows.push([`202001${n}`, "批量", "", "2005-01-01", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"]);
    }
    rows[0] = memberHeader.concat("身份证后四位");
    for (let i = 1; i < rows.length; i++) rows[i]!.push("1234");
    const big = csv(rows);
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await upload("members", big, { query: "?dryRun=true" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1500, problems: [] });
    const huge = await upload("members", Buffer.alloc(15 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
  });
});

describe("logs and docs", () => {
  it("logs the counts of an import, never a row or an ID number", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "trace", NODE_ENV: "test" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const http = createHttpServer({ ...f.app.deps, logger });
    await http.ready();
    const id = idNumber("2005-01-06", "017");
    const rows = [
      memberHeader,
      ["202001234551", "褚云", id, "2005-01-06", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"],
      ["202001234552", "卫东", id, "2005-01-06", "2031-05-04", "GD-GZ-SCUT-CS-2201", "学生", "否"],
    ];
    await upload("members", csv(rows), { http });
    await upload("members", csv(rows), { http, type: XLSX });
    await upload("members", Buffer.from(`团员编号,身份证号\n${id}","x"\n`), { http });
    await http.close();
    const log = lines.join("");
    expect(log).toContain("import done");
    expect(log).toContain("incoming request");
    expect(log).not.toContain(id.slice(0, 14));
    expect(log).not.toContain("褚云");
  });

  it("documents both routes with their query, body types and answer", async () => {
    const doc = (await f.http.inject({ url: "/docs/json" })).json();
    for (const kind of ["organisations", "members"]) {
      const op = doc.paths[`${API}/import/${kind}`].post;
      expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
        "query:dryRun",
        "query:partial",
      ]);
      expect(Object.keys(op.requestBody.content).sort()).toEqual([
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "text/csv",
      ]);
      for (const status of ["200", "422"]) {
        const schema = op.responses[status].content["application/json"].schema;
        expect(Object.keys(schema.properties).sort()).toEqual([
          "created",
          "problems",
          "rows",
          "unchanged",
          "updated",
          "written",
        ]);
        expect(Object.keys(schema.properties.problems.items.properties).sort()).toEqual([
          "column",
          "line",
          "message",
          "reason",
          "value",
        ]);
      }
    }
  });
});

/** GBK bytes of a text, through Node's ICU (a decoder exists, an encoder does not: search the code points). */
function gbkBytes(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}
