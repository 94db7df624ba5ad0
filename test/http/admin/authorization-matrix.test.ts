// Every admin route against every kind of caller. The route list comes from the server itself, so a new route
// without an entry here fails the first test instead of going unchecked.
import { describe, expect, it } from "vitest";
import { API, adminFixture } from "./admin-fixture.ts";
import { makeActivity, makeNotice, makeTransfer, memberIn } from "./data.ts";

const f = await adminFixture();
const { db } = f.app.deps;

interface Req {
  method?: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  url: string;
  payload?: object | string;
  headers?: Record<string, string>;
}
interface Entry {
  write?: boolean;
  /** A request inside the subtree of 华工团委 (GD-GZ-SCUT), the scope of the test tokens. */
  inScope: () => Promise<Req> | Req;
  /** The same request aimed at 中大团委 (GD-GZ-SYSU) or 天河团区委, outside that scope: answered as for nothing (404). */
  outOfScope: () => Promise<Req> | Req;
  /** What a write token gets outside its scope when not 404: imports answer 422 naming the rows outside. */
  writeOutOfScope?: number;
}

const id = async (code: string) => (await f.org(code)).id;
const SCUT = "GD-GZ-SCUT";
const SYSU = "GD-GZ-SYSU";
const scutMember = await memberIn(db, "GD-GZ-SCUT-CS-2202");
const sysuMember = await memberIn(db, "GD-GZ-SYSU-CS-M26");
const inTransfer = await makeTransfer(db, "GD-GZ-SCUT-CS-2201", "GD-GZ-TH-XH");
const outTransfer = await makeTransfer(db, "GD-GZ-SYSU-CS-M26", "GD-GZ-TH-XH");
const inActivity = await makeActivity(db, "GD-GZ-SCUT-CS", { confirmed: 2 });
const outActivity = await makeActivity(db, "GD-GZ-SYSU-CS", { confirmed: 2 });
const inNotice = await makeNotice(db, "GD-GZ-SCUT-CS");
const outNotice = await makeNotice(db, "GD-GZ-SYSU-CS");
let codeSeq = 0;
const csvUpload = (url: string, rows: string[][]): Req => ({
  method: "POST",
  url,
  headers: { "content-type": "text/csv" },
  payload: rows.map((r) => r.join(",")).join("\n"),
});

/** A role assignment to revoke: a fresh one for every request that may succeed. */
async function freshRole(orgCode: string) {
  const member = await memberIn(db, orgCode);
  const orgId = await id(orgCode);
  await db.roleAssignment.deleteMany({ where: { memberId: member.id, orgId, role: "ADMIN" } });
  return db.roleAssignment.create({ data: { memberId: member.id, orgId, role: "ADMIN" } });
}

/** A fresh 入团 application in a 团支部, at a stage, waiting on its step there. */
async function joinApplication(orgCode: string, stage: "APPLIED" | "ACTIVIST") {
  const orgId = await id(orgCode);
  const now = new Date();
  const app = await db.joinApplication.create({
    data: {
      orgId,
      name: "申请人",
      phoneHash: `phone-${++codeSeq}`,
      phoneLast4: "0000",
      stage,
      appliedAt: now,
      ...(stage === "ACTIVIST" ? { activistAt: now, trainingMonths: 3, courseHoursRequired: 8 } : {}),
    },
  });
  const step = await db.joinStep.create({
    data: {
      applicationId: app.id,
      kind: stage === "APPLIED" ? "MARK_ACTIVIST" : "MARK_CANDIDATE",
      orgId,
      startedAt: now,
      dueAt: new Date(now.getTime() + 72 * 3_600_000),
      slaHours: 72,
      slaBusinessHours: false,
    },
  });
  return { app, step };
}

const entries: Record<string, Entry> = {
  "GET /joining/applicants": {
    inScope: () => ({ url: "/joining/applicants?stage=APPLIED" }),
    outOfScope: async () => ({ url: `/joining/applicants?orgId=${await id(SYSU)}` }),
  },
  "POST /joining/steps/:id": {
    write: true,
    inScope: async () => ({
      method: "POST",
      url: `/joining/steps/${(await joinApplication("GD-GZ-SCUT-CS-2201", "APPLIED")).step.id}`,
      payload: { kind: "MARK_ACTIVIST" },
    }),
    outOfScope: async () => ({
      method: "POST",
      url: `/joining/steps/${(await joinApplication("GD-GZ-SYSU-CS-M26", "APPLIED")).step.id}`,
      payload: { kind: "MARK_ACTIVIST" },
    }),
  },
  "POST /joining/applications/:id/course-hours": {
    write: true,
    inScope: async () => ({
      method: "POST",
      url: `/joining/applications/${(await joinApplication("GD-GZ-SCUT-CS-2201", "ACTIVIST")).app.id}/course-hours`,
      payload: { hours: 2 },
    }),
    outOfScope: async () => ({
      method: "POST",
      url: `/joining/applications/${(await joinApplication("GD-GZ-SYSU-CS-M26", "ACTIVIST")).app.id}/course-hours`,
      payload: { hours: 2 },
    }),
  },
  "POST /joining/applicants": {
    write: true,
    inScope: async () => ({
      method: "POST",
      url: "/joining/applicants",
      payload: {
        orgId: await id("GD-GZ-SCUT-CS-2201"),
        name: "新人",
        phone: `1380000${String(++codeSeq).padStart(4, "0")}`,
      },
    }),
    outOfScope: async () => ({
      method: "POST",
      url: "/joining/applicants",
      payload: { orgId: await id("GD-GZ-SYSU-CS-M26"), name: "新人", phone: "13900000000" },
    }),
  },
  "GET /orgs": {
    inScope: () => ({ url: "/orgs" }),
    outOfScope: async () => ({ url: `/orgs?orgId=${await id(SYSU)}` }),
  },
  "GET /orgs/:id": {
    inScope: async () => ({ url: `/orgs/${await id("GD-GZ-SCUT-CS")}` }),
    outOfScope: async () => ({ url: `/orgs/${await id(SYSU)}` }),
  },
  "POST /orgs": {
    write: true,
    inScope: async () => ({
      method: "POST",
      url: "/orgs",
      payload: { code: `M-${++codeSeq}`, name: "新团支部", level: "BRANCH", parentId: await id("GD-GZ-SCUT-CS") },
    }),
    outOfScope: async () => ({
      method: "POST",
      url: "/orgs",
      payload: { code: `M-${++codeSeq}`, name: "新团支部", level: "BRANCH", parentId: await id("GD-GZ-SYSU-CS") },
    }),
  },
  "PATCH /orgs/:id": {
    write: true,
    inScope: async () => ({ method: "PATCH", url: `/orgs/${await id("GD-GZ-SCUT-CS")}`, payload: { slaHours: 48 } }),
    outOfScope: async () => ({ method: "PATCH", url: `/orgs/${await id("GD-GZ-SYSU-CS")}`, payload: { slaHours: 48 } }),
  },
  "POST /orgs/:id/move": {
    write: true,
    inScope: async () => ({
      method: "POST",
      url: `/orgs/${await id("GD-GZ-SCUT-EE-2301")}/move`,
      payload: { parentId: await id("GD-GZ-SCUT-EE") },
    }),
    outOfScope: async () => ({
      method: "POST",
      url: `/orgs/${await id("GD-GZ-SYSU-CS-M26")}/move`,
      payload: { parentId: await id("GD-GZ-SYSU-CS") },
    }),
  },
  "GET /orgs/:id/members": {
    inScope: async () => ({ url: `/orgs/${await id("GD-GZ-SCUT-CS-2201")}/members` }),
    outOfScope: async () => ({ url: `/orgs/${await id("GD-GZ-SYSU-CS-M26")}/members` }),
  },
  "GET /members/:id": {
    inScope: () => ({ url: `/members/${scutMember.id}` }),
    outOfScope: () => ({ url: `/members/${sysuMember.id}` }),
  },
  "PATCH /members/:id": {
    write: true,
    inScope: () => ({ method: "PATCH", url: `/members/${scutMember.id}`, payload: { hasLeaguePost: true } }),
    outOfScope: () => ({ method: "PATCH", url: `/members/${sysuMember.id}`, payload: { hasLeaguePost: true } }),
  },
  "GET /orgs/:id/roles": {
    inScope: async () => ({ url: `/orgs/${await id(SCUT)}/roles?subtree=true` }),
    outOfScope: async () => ({ url: `/orgs/${await id(SYSU)}/roles?subtree=true` }),
  },
  "POST /roles": {
    write: true,
    inScope: async () => {
      const orgId = await id("GD-GZ-SCUT-CS-2202");
      await db.roleAssignment.deleteMany({ where: { memberId: scutMember.id, orgId, role: "TREASURER" } });
      return { method: "POST", url: "/roles", payload: { memberId: scutMember.id, orgId, role: "TREASURER" } };
    },
    outOfScope: async () => ({
      method: "POST",
      url: "/roles",
      payload: { memberId: sysuMember.id, orgId: await id("GD-GZ-SYSU-CS-M26"), role: "TREASURER" },
    }),
  },
  "DELETE /roles/:id": {
    write: true,
    inScope: async () => ({ method: "DELETE", url: `/roles/${(await freshRole("GD-GZ-SCUT-CS-2202")).id}` }),
    outOfScope: async () => ({ method: "DELETE", url: `/roles/${(await freshRole("GD-GZ-SYSU-CS-M26")).id}` }),
  },
  "GET /transfers": {
    inScope: () => ({ url: "/transfers" }),
    outOfScope: async () => ({ url: `/transfers?orgId=${await id(SYSU)}` }),
  },
  "GET /transfers/:id": {
    inScope: () => ({ url: `/transfers/${inTransfer.id}` }),
    outOfScope: () => ({ url: `/transfers/${outTransfer.id}` }),
  },
  "GET /members/:id/dues": {
    inScope: () => ({ url: `/members/${scutMember.id}/dues` }),
    outOfScope: () => ({ url: `/members/${sysuMember.id}/dues` }),
  },
  "GET /orgs/:id/dues": {
    inScope: async () => ({ url: `/orgs/${await id(SCUT)}/dues` }),
    outOfScope: async () => ({ url: `/orgs/${await id(SYSU)}/dues` }),
  },
  "GET /activities": {
    inScope: () => ({ url: "/activities" }),
    outOfScope: async () => ({ url: `/activities?orgId=${await id(SYSU)}` }),
  },
  "GET /activities/:id": {
    inScope: () => ({ url: `/activities/${inActivity.id}` }),
    outOfScope: () => ({ url: `/activities/${outActivity.id}` }),
  },
  "GET /notices": {
    inScope: () => ({ url: "/notices" }),
    outOfScope: async () => ({ url: `/notices?orgId=${await id(SYSU)}` }),
  },
  "GET /notices/:id": {
    inScope: () => ({ url: `/notices/${inNotice.id}` }),
    outOfScope: () => ({ url: `/notices/${outNotice.id}` }),
  },
  "GET /reports/transfer-sla": {
    inScope: () => ({ url: "/reports/transfer-sla" }),
    outOfScope: async () => ({ url: `/reports/transfer-sla?orgId=${await id(SYSU)}` }),
  },
  "GET /reports/dues": {
    inScope: () => ({ url: "/reports/dues?format=csv" }),
    outOfScope: async () => ({ url: `/reports/dues?orgId=${await id(SYSU)}&format=csv` }),
  },
  "POST /import/organisations": {
    write: true,
    writeOutOfScope: 422,
    inScope: () =>
      csvUpload("/import/organisations", [
        ["组织编码", "组织名称", "组织类型", "上级组织编码"],
        ["GD-GZ-SCUT-CS-M1", "矩阵团支部", "团支部", "GD-GZ-SCUT-CS"],
      ]),
    outOfScope: () =>
      csvUpload("/import/organisations", [
        ["组织编码", "组织名称", "组织类型", "上级组织编码"],
        ["GD-GZ-SYSU-CS-M1", "矩阵团支部", "团支部", "GD-GZ-SYSU-CS"],
      ]),
  },
  "POST /import/members": {
    write: true,
    writeOutOfScope: 422,
    inScope: () =>
      csvUpload("/import/members", [
        ["团员编号", "姓名", "身份证后四位", "出生日期", "入团时间", "所在团组织编码", "团费类别"],
        ["202001999901", "矩阵", "1234", "2005-01-01", "2020-05-04", "GD-GZ-SCUT-CS-2201", "学生"],
      ]),
    outOfScope: () =>
      csvUpload("/import/members", [
        ["团员编号", "姓名", "身份证后四位", "出生日期", "入团时间", "所在团组织编码", "团费类别"],
        ["202001999902", "矩阵", "1234", "2005-01-01", "2020-05-04", "GD-GZ-SYSU-CS-M26", "学生"],
      ]),
  },
  "GET /reports/activities": {
    inScope: () => ({ url: "/reports/activities?from=2026-01-01&to=2026-12-31" }),
    outOfScope: async () => ({ url: `/reports/activities?from=2026-01-01&to=2026-12-31&orgId=${await id(SYSU)}` }),
  },
};

const apiRoutes = f.http.adminRoutes
  .filter((r) => r.url.startsWith(`${API}/`) && r.method !== "HEAD")
  .map((r) => `${r.method} ${r.url.slice(API.length)}`);

const callers = [
  "no token",
  "bad token",
  "revoked",
  "read in scope",
  "read out of scope",
  "write in scope",
  "write out of scope",
] as const;
type Caller = (typeof callers)[number];

function headersFor(caller: Caller): Record<string, string> {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  if (caller === "no token") return {};
  if (caller === "bad token") return bearer(`tz_${"0".repeat(48)}`);
  if (caller === "revoked") return bearer(f.tokens.revoked);
  return bearer(caller.startsWith("read") ? f.tokens.read : f.tokens.write);
}

function expected(entry: Entry, caller: Caller): number | "2xx" {
  if (caller === "no token" || caller === "bad token" || caller === "revoked") return 401;
  // A read token is refused a write before anything is looked up, inside its scope or not.
  if (caller.startsWith("read") && entry.write) return 403;
  if (caller === "write out of scope" && entry.writeOutOfScope) return entry.writeOutOfScope;
  if (caller.endsWith("out of scope")) return 404;
  return "2xx";
}

describe("admin API authorization matrix", () => {
  it("has an entry for every admin API route the server registers, and no stale ones", () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(19);
    expect(apiRoutes.filter((r) => !(r in entries))).toEqual([]);
    expect(Object.keys(entries).filter((k) => !apiRoutes.includes(k))).toEqual([]);
  });

  it("asks for a token on the HEAD twin of every GET route too", async () => {
    const heads = f.http.adminRoutes.filter((r) => r.url.startsWith(`${API}/`) && r.method === "HEAD");
    expect(heads.length).toBe(apiRoutes.filter((r) => r.startsWith("GET ")).length);
    for (const route of heads) {
      const res = await f.http.inject({ method: "HEAD", url: route.url.replace(/:id/g, "1") });
      expect(res.statusCode, route.url).toBe(401);
    }
  });

  it.each(Object.keys(entries))("%s answers each caller as its token allows", async (route) => {
    const entry = entries[route]!;
    const outcomes: Record<string, number> = {};
    const wanted: Record<string, number | "2xx"> = {};
    for (const caller of callers) {
      const req = await (caller.endsWith("out of scope") ? entry.outOfScope() : entry.inScope());
      const res = await f.http.inject({
        method: req.method ?? "GET",
        url: `${API}${req.url}`,
        headers: { ...req.headers, ...headersFor(caller) },
        ...(req.payload ? { payload: req.payload } : {}),
      });
      const want = expected(entry, caller);
      wanted[caller] = want;
      outcomes[caller] = want === "2xx" && res.statusCode >= 200 && res.statusCode < 300 ? 0 : res.statusCode;
      if (want === "2xx") wanted[caller] = 0;
      // Whatever the answer, the ID-card hash never leaves the database.
      expect(res.body).not.toMatch(/idHash|id_hash/);
    }
    expect(outcomes).toEqual(wanted);
  });
});

describe("queue dashboard authorization", () => {
  const boardRoutes = f.http.adminRoutes.filter(
    (r) =>
      r.url.startsWith("/admin/queues") &&
      !r.url.includes("/login") &&
      !r.url.includes("/logout") &&
      r.method !== "HEAD",
  );
  const concrete = (url: string) =>
    url
      .replace(":queueName", "maintenance")
      .replace(":jobId", "no-such-job")
      .replace(/:\w+/g, "x")
      .replace("*", "no-such-file.js");

  it("covers the dashboard's pages, assets and API", () => {
    expect(boardRoutes.some((r) => r.url === "/admin/queues/api/queues")).toBe(true);
    expect(boardRoutes.some((r) => r.url.includes("/static/"))).toBe(true);
  });

  it("refuses every dashboard route without a valid root token, and writes with a read token", async () => {
    const answers: string[] = [];
    for (const route of boardRoutes) {
      const url = concrete(route.url);
      const call = (token?: string) =>
        f.http.inject({
          method: route.method as "GET",
          url,
          headers: { accept: "application/json", ...(token ? f.auth(token) : {}) },
          ...(route.method === "GET" ? {} : { payload: {} }),
        });
      const noToken = (await call()).statusCode;
      const revoked = (await call(f.tokens.revoked)).statusCode;
      const subtreeWrite = (await call(f.tokens.write)).statusCode;
      const rootRead = (await call(f.tokens.rootRead)).statusCode;
      const line = `${route.method} ${route.url}: none ${noToken}, revoked ${revoked}, subtree ${subtreeWrite}`;
      answers.push(line);
      expect(noToken, line).toBe(401);
      expect(revoked, line).toBe(401);
      expect(subtreeWrite, line).toBe(403);
      if (route.method === "GET") expect([401, 403], line).not.toContain(rootRead);
      else expect(rootRead, line).toBe(403);
    }
    expect(answers.length).toBe(boardRoutes.length);
    const queues = await f.http.inject({ url: "/admin/queues/api/queues", headers: f.auth(f.tokens.rootRead) });
    expect(queues.statusCode).toBe(200);
    expect(queues.json().queues.map((q: { name: string }) => q.name)).toContain("maintenance");
  });
});
