// Forged or odd ids, dates and amounts sent to every admin route get a clean answer — 400 naming the field when the
// value cannot be one, 404 when it could be but nothing has it — never a 500, and nothing changes.
import { describe, expect, it } from "vitest";
import { API, adminFixture } from "./admin-fixture.ts";
import { makeActivity, makeNotice, makeTransfer, memberIn } from "./data.ts";

const f = await adminFixture();
const { db } = f.app.deps;

const member = await memberIn(db, "GD-GZ-SCUT-CS-2202");
const cs = await f.org("GD-GZ-SCUT-CS");
const branch = await f.org("GD-GZ-SCUT-CS-2201");
await makeTransfer(db, "GD-GZ-SCUT-CS-2201", "GD-GZ-TH-XH");
await makeActivity(db, "GD-GZ-SCUT-CS", { confirmed: 1 });
await makeNotice(db, "GD-GZ-SCUT-CS");

const INT4_MAX = 2_147_483_647;

/** Ids a path cannot hold (400) — past int4, not whole, not decimal digits — and one it can that nothing has (404). */
const badIds = ["2147483648", "99999999999999999999", "1e308", "1e3", "abc", "0", "-1", "1.5", "0x10", "%20"];
const unusedId = String(INT4_MAX);

/** A write that would succeed with a good id: the only thing wrong is the id. */
const bodyFor: Record<string, object> = {
  "PATCH /orgs/:id": { slaHours: 48 },
  "POST /orgs/:id/move": { parentId: cs.id },
  "PATCH /members/:id": { hasLeaguePost: true },
  "POST /joining/steps/:id": { kind: "APPROVE" },
  "POST /joining/applications/:id/course-hours": { hours: 2 },
};

const idRoutes = f.http.adminRoutes
  .filter((r) => r.url.startsWith(`${API}/`) && r.url.includes(":id") && r.method !== "HEAD")
  .map((r) => ({ method: r.method as "GET", path: r.url.slice(API.length) }));

async function call(method: string, url: string, payload?: object) {
  return f.http.inject({
    method: method as "GET",
    url: `${API}${url}`,
    headers: f.auth(f.tokens.write),
    ...(payload ? { payload } : {}),
  });
}

/** What a refused request must not have changed. */
async function snapshot() {
  return {
    orgs: await db.organisation.findMany({ orderBy: { id: "asc" } }),
    member: await db.member.findUniqueOrThrow({ where: { id: member.id } }),
    roles: await db.roleAssignment.count(),
    audit: await db.auditLog.count({ where: { action: { not: { endsWith: ".view" } } } }),
  };
}

describe("ids in the path", () => {
  it("covers every route with an id in its path", () => {
    expect(idRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(idRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s: 400 for an id that cannot be one, 404 for one nothing has",
    async (_name, route) => {
      const before = await snapshot();
      for (const id of [...badIds, unusedId]) {
        const res = await call(route.method, route.path.replace(":id", id), bodyFor[`${route.method} ${route.path}`]);
        if (id === unusedId) {
          expect(res.statusCode, id).toBe(404);
          expect(res.json().error, id).toMatch(new RegExp(`${unusedId} not found$`));
        } else {
          expect(res.statusCode, `${id}: ${res.body}`).toBe(400);
          expect(res.json().error, id).toMatch(/^params\.id: an id: a whole number from 1 to 2147483647/);
        }
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

// [method, url, body, status, what the error says]
type Case = [string, string, object | undefined, number, RegExp?];
const cases: Case[] = [
  // Organisations asked for in a query string.
  ...["/orgs", "/transfers", "/activities", "/notices", "/reports/transfer-sla", "/reports/dues"].flatMap(
    (url): Case[] => [
      ["GET", `${url}?orgId=2147483648`, undefined, 400, /^querystring\.orgId: an id/],
      ["GET", `${url}?orgId=1e308`, undefined, 400, /^querystring\.orgId: an id/],
      ["GET", `${url}?orgId=x`, undefined, 400, /^querystring\.orgId: an id/],
      ["GET", `${url}?orgId=${INT4_MAX}`, undefined, 404, /organisation 2147483647 not found/],
    ],
  ),
  // Pages.
  ["GET", "/transfers?page=1e308", undefined, 400, /^querystring\.page/],
  ["GET", "/activities?page=2147483648", undefined, 400, /^querystring\.page/],
  ["GET", `/orgs/${branch.id}/members?page=1000000&pageSize=500`, undefined, 200],
  ["GET", "/notices?pageSize=0", undefined, 400, /^querystring\.pageSize/],
  ["GET", "/orgs?maxDepth=1e9", undefined, 400, /^querystring\.maxDepth/],
  // Dates and months.
  ["GET", "/reports/activities?from=0001-01-01&to=9999-12-31", undefined, 400, /^querystring\.from: a date from 2000/],
  ["GET", "/reports/activities?from=2026-01-01&to=9999-12-31", undefined, 400, /^querystring\.to: a date from 2000/],
  ["GET", "/reports/activities?from=2026-02-30&to=2026-03-01", undefined, 400, /^querystring\.from/],
  ["GET", "/reports/activities?from=2026-03-01&to=2026-02-01", undefined, 400, /must not be before from/],
  ["GET", "/reports/activities?from=2000-01-01&to=2099-12-31", undefined, 200],
  ["GET", "/reports/transfer-sla?week=0001-01-01", undefined, 400, /^querystring\.week/],
  ["GET", "/reports/transfer-sla?week=9999-12-31", undefined, 400, /^querystring\.week/],
  ["GET", "/reports/transfer-sla?week=2099-12-31", undefined, 200],
  ["GET", "/reports/dues?month=999912", undefined, 400, /^querystring\.month/],
  ["GET", "/reports/dues?month=202613", undefined, 400, /^querystring\.month/],
  ["GET", "/reports/dues?month=1e308", undefined, 400, /^querystring\.month/],
  ["GET", "/reports/dues?month=209912", undefined, 200],
  ["GET", `/orgs/${cs.id}/dues?month=0`, undefined, 400, /^querystring\.month/],
  ["PATCH", `/orgs/${cs.id}`, { graduatesOn: "9999-12-31" }, 400, /^body\.graduatesOn: a date from 2000/],
  ["PATCH", `/orgs/${cs.id}`, { graduatesOn: "0001-01-01" }, 400, /^body\.graduatesOn/],
  // Money.
  [
    "PATCH",
    `/members/${member.id}`,
    { duesCategory: "SALARIED", monthlyIncomeFen: 2147483648 },
    400,
    /^body\.monthlyIncomeFen: at most 100000000 fen/,
  ],
  ["PATCH", `/members/${member.id}`, { duesCategory: "SALARIED", monthlyIncomeFen: 100000001 }, 400],
  ["PATCH", `/members/${member.id}`, { duesCategory: "SALARIED", monthlyIncomeFen: 1e308 }, 400],
  ["PATCH", `/members/${member.id}`, { duesCategory: "SALARIED", monthlyIncomeFen: 350000.5 }, 400, /whole fen/],
  ["PATCH", `/members/${member.id}`, { duesCategory: "SALARIED", monthlyIncomeFen: -1 }, 400],
  ["PATCH", `/orgs/${cs.id}`, { slaHours: 2147483648 }, 400, /^body\.slaHours/],
  // Ids in bodies.
  ["PATCH", `/members/${member.id}`, { orgId: 2147483648 }, 400, /^body\.orgId: an id/],
  ["PATCH", `/members/${member.id}`, { orgId: INT4_MAX }, 404, /organisation 2147483647 not found/],
  ["POST", "/orgs", { code: "X-1", name: "新团支部", level: "BRANCH", parentId: 2147483648 }, 400, /body\.parentId/],
  ["POST", "/orgs", { code: "X-1", name: "新团支部", level: "BRANCH", parentId: 1e308 }, 400, /body\.parentId/],
  ["POST", "/orgs", { code: "X-1", name: "新团支部", level: "BRANCH", parentId: "5" }, 400, /body\.parentId/],
  ["POST", "/orgs", { code: "X-1", name: "新团支部", level: "BRANCH", parentId: INT4_MAX }, 404, /not found/],
  [`POST`, `/orgs/${branch.id}/move`, { parentId: 2147483648 }, 400, /^body\.parentId: an id/],
  ["POST", "/roles", { memberId: 2147483648, orgId: cs.id, role: "ADMIN" }, 400, /^body\.memberId: an id/],
  ["POST", "/roles", { memberId: member.id, orgId: 99999999999, role: "ADMIN" }, 400, /^body\.orgId: an id/],
  ["POST", "/roles", { memberId: INT4_MAX, orgId: cs.id, role: "ADMIN" }, 404, /member 2147483647 not found/],
  // Text the database would refuse.
  [
    "POST",
    "/orgs",
    { code: "X-2", name: "团\u0000支部", level: "BRANCH", parentId: cs.id },
    400,
    /^body\.name: no control/,
  ],
  ["PATCH", `/orgs/${cs.id}`, { shortName: "\u0007" }, 400, /^body\.shortName/],
];

describe("ids, dates and amounts in queries and bodies", () => {
  it.each(cases.map((c) => [`${c[0]} ${c[1]} ${c[2] ? JSON.stringify(c[2]) : ""}`, c] as const))(
    "%s",
    async (_name, [method, url, body, status, message]) => {
      const before = await snapshot();
      const res = await call(method, url, body);
      expect(res.statusCode, res.body).toBe(status);
      if (message) expect(res.json().error).toMatch(message);
      if (method !== "GET") expect(await snapshot()).toEqual(before);
    },
  );

  it("accepts the highest pay there is room for, and the dues follow it", async () => {
    const res = await call("PATCH", `/members/${member.id}`, { duesCategory: "SALARIED", monthlyIncomeFen: 100000000 });
    expect(res.statusCode).toBe(200);
    const dues = await call("GET", `/members/${member.id}/dues`);
    // 20 元 a month: the cap.
    expect(dues.json().monthlyFen).toBe(2000);
  });

  it("reads an import's pay past the limit as a bad row, not a database error", async () => {
    const sheet = [
      ["团员编号", "姓名", "身份证后四位", "出生日期", "入团时间", "所在团组织编码", "团费类别", "税后月收入（元）"],
      ["202001999911", "高薪", "1234", "2005-01-01", "2020-05-04", "GD-GZ-SCUT-CS-2201", "在职", "21474836.48"],
      ["202001999912", "更高", "1234", "2005-01-01", "2020-05-04", "GD-GZ-SCUT-CS-2201", "在职", "999999999"],
    ];
    const res = await f.http.inject({
      method: "POST",
      url: `${API}/import/members`,
      headers: { ...f.auth(f.tokens.write), "content-type": "text/csv", "accept-language": "en" },
      payload: sheet.map((r) => r.join(",")).join("\n"),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems.map((p: { line: number; reason: string }) => [p.line, p.reason])).toEqual([
      [2, "import-problem-income"],
      [3, "import-problem-income"],
    ]);
    expect(await db.member.count({ where: { code: { in: ["202001999911", "202001999912"] } } })).toBe(0);
  });
});
