// A token learns nothing about what lies outside its subtree: whatever it names there — an organisation, a member,
// a role, a transfer, an activity, a notice, an organisation code — it gets the answer it would get if that did
// not exist, word for word, and nothing changes.
import { describe, expect, it } from "vitest";
import { API, adminFixture } from "./admin-fixture.ts";
import { makeActivity, makeNotice, makeTransfer, memberIn } from "./data.ts";

const f = await adminFixture();
const { db } = f.app.deps;

const MISSING = 2_000_000_000;
const sysuBranch = await f.org("GD-GZ-SYSU-CS-M26");
const sysuCs = await f.org("GD-GZ-SYSU-CS");
const scutCs = await f.org("GD-GZ-SCUT-CS");
const sysuMember = await memberIn(db, "GD-GZ-SYSU-CS-M26");
const scutMember = await memberIn(db, "GD-GZ-SCUT-CS-2202");
const sysuRole = await db.roleAssignment.create({
  data: { memberId: sysuMember.id, orgId: sysuBranch.id, role: "ADMIN" },
});
// Between two organisations neither of which is 华工's.
const sysuTransfer = await makeTransfer(db, "GD-GZ-SYSU-CS-M26", "GD-GZ-TH-XH");
const sysuActivity = await makeActivity(db, "GD-GZ-SYSU-CS", { confirmed: 1, title: "中大内部活动" });
const sysuNotice = await makeNotice(db, "GD-GZ-SYSU-CS");

async function call(method: string, url: string, payload?: object) {
  const res = await f.http.inject({
    method: method as "GET",
    url: `${API}${url}`,
    headers: f.auth(f.tokens.write),
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body };
}

/** The answer for `id`, with the id itself blanked out so two answers can be compared word for word. */
async function answer(method: string, url: (id: number) => string, id: number, payload?: (id: number) => object) {
  const res = await call(method, url(id), payload?.(id));
  return { status: res.status, body: res.body.replaceAll(String(id), "<id>") };
}

async function snapshot() {
  return {
    orgs: await db.organisation.findMany({ orderBy: { id: "asc" } }),
    members: await db.member.findMany({ where: { id: { in: [sysuMember.id, scutMember.id] } } }),
    roles: await db.roleAssignment.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditLog.count(),
  };
}

// [name, method, url for an id, id outside the scope, body for an id]
type Target = [string, string, (id: number) => string, number, ((id: number) => object)?];
const targets: Target[] = [
  ["GET /orgs/:id", "GET", (id) => `/orgs/${id}`, sysuCs.id],
  ["PATCH /orgs/:id", "PATCH", (id) => `/orgs/${id}`, sysuCs.id, () => ({ slaHours: 48 })],
  ["POST /orgs/:id/move", "POST", (id) => `/orgs/${id}/move`, sysuBranch.id, () => ({ parentId: scutCs.id })],
  ["move under one outside", "POST", () => `/orgs/${scutCs.id}/move`, sysuCs.id, (id) => ({ parentId: id })],
  ["GET /orgs/:id/members", "GET", (id) => `/orgs/${id}/members`, sysuBranch.id],
  ["GET /orgs/:id/roles", "GET", (id) => `/orgs/${id}/roles`, sysuBranch.id],
  ["GET /orgs/:id/dues", "GET", (id) => `/orgs/${id}/dues`, sysuCs.id],
  ["GET /orgs?orgId", "GET", (id) => `/orgs?orgId=${id}`, sysuCs.id],
  ["GET /transfers?orgId", "GET", (id) => `/transfers?orgId=${id}`, sysuCs.id],
  ["GET /activities?orgId", "GET", (id) => `/activities?orgId=${id}`, sysuCs.id],
  ["GET /notices?orgId", "GET", (id) => `/notices?orgId=${id}`, sysuCs.id],
  ["GET /reports/dues?orgId", "GET", (id) => `/reports/dues?orgId=${id}`, sysuCs.id],
  ["GET /reports/transfer-sla?orgId", "GET", (id) => `/reports/transfer-sla?orgId=${id}`, sysuCs.id],
  [
    "GET /reports/activities?orgId",
    "GET",
    (id) => `/reports/activities?from=2026-01-01&to=2026-12-31&orgId=${id}`,
    sysuCs.id,
  ],
  ["GET /members/:id", "GET", (id) => `/members/${id}`, sysuMember.id],
  ["PATCH /members/:id", "PATCH", (id) => `/members/${id}`, sysuMember.id, () => ({ hasLeaguePost: true })],
  ["move a member to one outside", "PATCH", () => `/members/${scutMember.id}`, sysuBranch.id, (id) => ({ orgId: id })],
  ["GET /members/:id/dues", "GET", (id) => `/members/${id}/dues`, sysuMember.id],
  [
    "POST /roles for a member outside",
    "POST",
    () => "/roles",
    sysuMember.id,
    (id) => ({ memberId: id, orgId: scutCs.id, role: "ADMIN" }),
  ],
  [
    "POST /roles in an organisation outside",
    "POST",
    () => "/roles",
    sysuBranch.id,
    (id) => ({ memberId: scutMember.id, orgId: id, role: "ADMIN" }),
  ],
  ["DELETE /roles/:id", "DELETE", (id) => `/roles/${id}`, sysuRole.id],
  ["GET /transfers/:id", "GET", (id) => `/transfers/${id}`, sysuTransfer.id],
  ["GET /activities/:id", "GET", (id) => `/activities/${id}`, sysuActivity.id],
  ["GET /notices/:id", "GET", (id) => `/notices/${id}`, sysuNotice.id],
];

describe("targets outside the token's subtree", () => {
  it.each(targets.map((t) => [t[0], t] as const))(
    "%s: answered word for word as one that does not exist",
    async (_name, [, method, url, outside, payload]) => {
      const before = await snapshot();
      const missing = await answer(method, url, MISSING, payload);
      const out = await answer(method, url, outside, payload);
      expect(missing.status).toBe(404);
      expect(out).toEqual(missing);
      expect(out.body).not.toMatch(/中大|SYSU|outside|scope/);
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("creating an organisation", () => {
  const create = (code: string, parentId: number) =>
    call("POST", "/orgs", { code, name: "新团支部", level: "BRANCH", parentId });

  it("under a parent outside the subtree: the same answer whether or not the code is taken", async () => {
    const before = await snapshot();
    const taken = await create("GD-GZ-SYSU-CS-M26", sysuCs.id);
    const fresh = await create("GD-GZ-SYSU-CS-NEW", sysuCs.id);
    const noParent = await create("GD-GZ-SYSU-CS-NEW", MISSING);
    expect(taken.status).toBe(404);
    expect(taken).toEqual(fresh);
    expect(taken.body.replace(String(sysuCs.id), "<id>")).toBe(noParent.body.replace(String(MISSING), "<id>"));
    expect(await snapshot()).toEqual(before);
  });

  it("with a code taken outside the subtree: the same refusal as a code taken inside it, naming nobody", async () => {
    const before = await snapshot();
    const outside = await create("GD-GZ-SYSU-CS-M26", scutCs.id);
    const inside = await create("GD-GZ-SCUT-CS-2201", scutCs.id);
    expect(outside.status).toBe(409);
    expect(outside).toEqual(inside);
    expect(outside.body).not.toMatch(/中大|SYSU|\d{2,}/);
    expect(await snapshot()).toEqual(before);
    // A free code goes through.
    expect((await create("GD-GZ-SCUT-CS-2299", scutCs.id)).status).toBe(201);
  });
});

describe("importing", () => {
  const orgHeader = ["组织编码", "组织名称", "组织类型", "上级组织编码"];
  const memberHeader = ["团员编号", "姓名", "身份证后四位", "出生日期", "入团时间", "所在团组织编码", "团费类别"];
  const upload = async (kind: string, rows: string[][]) => {
    const res = await f.http.inject({
      method: "POST",
      url: `${API}/import/${kind}?dryRun=true`,
      headers: { ...f.auth(f.tokens.write), "content-type": "text/csv" },
      payload: rows.map((r) => r.join(",")).join("\n"),
    });
    expect(res.statusCode).toBe(422);
    return res
      .json()
      .problems.map((p: { line: number; column: string; reason: string }) => `${p.line} ${p.column} ${p.reason}`);
  };

  it("tells an organisation outside the subtree from none at all in no row", async () => {
    const before = await snapshot();
    // Each pair differs only in whether a code exists outside the token's subtree.
    const pairs: [string[], string[]][] = [
      // Under a parent outside: an existing code (at its real place, or elsewhere) and a new one.
      [
        ["GD-GZ-SYSU-CS-M26", "团支部", "团支部", "GD-GZ-SYSU-CS"],
        ["GD-GZ-SYSU-CS-M99", "团支部", "团支部", "GD-GZ-SYSU-CS"],
      ],
      [
        ["GD-GZ-SYSU-CS-M26", "团支部", "团支部", "GD-GZ-TH"],
        ["GD-GZ-SYSU-CS-M99", "团支部", "团支部", "GD-GZ-TH"],
      ],
      // A parent outside, and a parent nothing has.
      [
        ["GD-GZ-SCUT-CS-NEW", "团支部", "团支部", "GD-GZ-SYSU-CS"],
        ["GD-GZ-SCUT-CS-NEW", "团支部", "团支部", "GD-GZ-SYSU-XX"],
      ],
    ];
    for (const [exists, none] of pairs) {
      expect(await upload("organisations", [orgHeader, exists])).toEqual(
        await upload("organisations", [orgHeader, none]),
      );
    }
    const member = (orgCode: string) => ["202001999931", "某某", "1234", "2005-01-01", "2020-05-04", orgCode, "学生"];
    const [outside, nowhere] = [
      await upload("members", [memberHeader, member("GD-GZ-SYSU-CS-M26")]),
      await upload("members", [memberHeader, member("GD-GZ-SYSU-XX")]),
    ];
    expect(outside).toEqual(["2 所在团组织编码 import-problem-out-of-scope"]);
    expect(nowhere).toEqual(outside);
    expect(await snapshot()).toEqual(before);
  });
});
