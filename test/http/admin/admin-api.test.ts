// What an operator's script sees through the admin API: organisations, members, roles, reports; every write in the
// audit log under the token's name; input mistakes named by field; server faults kept generic.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../../bot/http/server.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { until } from "../../workers/fake-sender.ts";
import { API, adminFixture } from "./admin-fixture.ts";
import { makeActivity, makeTransfer, memberIn } from "./data.ts";

const f = await adminFixture();
const { db } = f.app.deps;

const call = (
  token: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
  headers = {},
) =>
  f.http.inject({
    method,
    url: `${API}${url}`,
    headers: { ...f.auth(token), ...headers },
    ...(payload ? { payload } : {}),
  });

const auditOf = (action: string) => db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("organisations", () => {
  it("lists the token's subtree, root first, and nothing outside it", async () => {
    const res = await call(f.tokens.read, "GET", "/orgs");
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((o: { code: string }) => o.code);
    expect(codes[0]).toBe("GD-GZ-SCUT");
    expect(codes).toContain("GD-GZ-SCUT-CS-2201");
    expect(codes.filter((c: string) => !c.startsWith("GD-GZ-SCUT"))).toEqual([]);
    const shallow = await call(f.tokens.read, "GET", "/orgs?maxDepth=1");
    expect(
      shallow
        .json()
        .items.map((o: { code: string }) => o.code)
        .sort(),
    ).toEqual(["GD-GZ-SCUT", "GD-GZ-SCUT-CS", "GD-GZ-SCUT-EE"]);
  });

  it("creates an organisation under one in scope, audited under the token", async () => {
    const parent = await f.org("GD-GZ-SCUT-EE");
    const res = await call(f.tokens.write, "POST", "/orgs", {
      code: "GD-GZ-SCUT-EE-2401",
      name: "电信2024级1班团支部",
      level: "BRANCH",
      kind: "SCHOOL",
      parentId: parent.id,
    });
    expect(res.statusCode).toBe(201);
    const created = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-EE-2401" } });
    expect(created.ancestorIds).toEqual([...parent.ancestorIds, created.id]);
    expect(created.initials).toBe("dxjbtzb");
    const [entry] = await auditOf("org.create");
    expect(entry).toMatchObject({ actorLabel: `token:${f.tokenIds.write}`, actorId: null, orgId: created.id });
  });

  it("changes the service level and graduation day, and refuses a level that does not fit the tree", async () => {
    const branch = await f.org("GD-GZ-SCUT-CS-2201");
    const res = await call(f.tokens.write, "PATCH", `/orgs/${branch.id}`, {
      slaHours: 48,
      slaBusinessHours: true,
      graduatesOn: "2026-06-30",
      duesPaymentMethod: "微信转账给团支书王芳",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slaHours: 48,
      slaBusinessHours: true,
      graduatesOn: "2026-06-30",
      duesPaymentMethod: "微信转账给团支书王芳",
    });
    const stored = await db.organisation.findUniqueOrThrow({ where: { id: branch.id } });
    expect(stored.slaHours).toBe(48);
    expect(stored.duesPaymentMethod).toBe("微信转账给团支书王芳");
    expect((await auditOf("org.update")).at(-1)).toMatchObject({ actorLabel: `token:${f.tokenIds.write}` });

    const wrongLevel = await call(f.tokens.write, "POST", "/orgs", {
      code: "X-1",
      name: "错层",
      level: "CITY",
      parentId: branch.id,
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error).toMatch(/^level: /);
  });

  it("moves an organisation with its whole subtree in one go, and the token's scope follows the tree", async () => {
    const cs = await f.org("GD-GZ-SCUT-CS");
    const city = await f.org("GD-GZ");
    const branchesBefore = await db.organisation.findMany({ where: { parentId: cs.id }, orderBy: { id: "asc" } });
    expect(branchesBefore.map((b) => b.depth)).toEqual([4, 4]);

    const res = await call(f.tokens.rootWrite, "POST", `/orgs/${cs.id}/move`, { parentId: city.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: city.id, depth: 2, ancestorIds: [...city.ancestorIds, cs.id] });
    const branches = await db.organisation.findMany({ where: { parentId: cs.id }, orderBy: { id: "asc" } });
    expect(branches.map((b) => [b.depth, b.ancestorIds])).toEqual(
      branches.map((b) => [3, [...city.ancestorIds, cs.id, b.id]]),
    );
    // 华工团委's token no longer reaches the moved branches or their members: to it they are not there.
    const member = await memberIn(db, "GD-GZ-SCUT-CS-2201");
    expect((await call(f.tokens.read, "GET", `/orgs/${branches[0]!.id}`)).statusCode).toBe(404);
    expect((await call(f.tokens.read, "GET", `/members/${member.id}`)).statusCode).toBe(404);
    expect((await auditOf("org.move")).at(-1)).toMatchObject({
      actorLabel: `token:${f.tokenIds.rootWrite}`,
      data: { fromParentId: cs.parentId, toParentId: city.id, subtreeSize: 3 },
    });

    // Under its own subtree: refused, nothing changed.
    const cycle = await call(f.tokens.rootWrite, "POST", `/orgs/${cs.id}/move`, { parentId: branches[0]!.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error).toMatch(/^parentId: /);
    expect((await f.org("GD-GZ-SCUT-CS")).parentId).toBe(city.id);

    // And back, for the tests after this one.
    const scut = await f.org("GD-GZ-SCUT");
    expect((await call(f.tokens.rootWrite, "POST", `/orgs/${cs.id}/move`, { parentId: scut.id })).statusCode).toBe(200);
    expect((await f.org("GD-GZ-SCUT-CS-2201")).ancestorIds).toEqual([...scut.ancestorIds, cs.id, branches[0]!.id]);
  });
});

describe("members and roles", () => {
  it("pages through a subtree's members with the last four ID digits and never the hash", async () => {
    const scut = await f.org("GD-GZ-SCUT");
    const total = await db.member.count({ where: { org: { ancestorIds: { has: scut.id } } } });
    const page2 = await call(f.tokens.read, "GET", `/orgs/${scut.id}/members?subtree=true&pageSize=5&page=2`);
    expect(page2.statusCode).toBe(200);
    const body = page2.json();
    expect(body).toMatchObject({ page: 2, pageSize: 5, total });
    expect(body.items).toHaveLength(5);
    expect(body.items[0].idLast4).toMatch(/^\d{3}[\dX]$/);
    expect(Object.keys(body.items[0])).not.toContain("idHash");
    const page1 = await call(f.tokens.read, "GET", `/orgs/${scut.id}/members?subtree=true&pageSize=5`);
    const ids = [...page1.json().items, ...body.items].map((m: { id: number }) => m.id);
    expect(new Set(ids).size).toBe(10);
  });

  it("moves a member to another branch in scope and changes their dues category, audited", async () => {
    const member = await memberIn(db, "GD-GZ-SCUT-CS-2202", 1);
    const target = await f.org("GD-GZ-SCUT-EE-2301");
    const salaried = await call(f.tokens.write, "PATCH", `/members/${member.id}`, { duesCategory: "SALARIED" });
    const needsIncome = member.duesCategory !== "SALARIED" && member.monthlyIncomeFen === null;
    if (needsIncome) {
      expect(salaried.statusCode).toBe(400);
      expect(salaried.json().error).toContain("monthlyIncomeFen");
    }
    const res = await call(f.tokens.write, "PATCH", `/members/${member.id}`, {
      orgId: target.id,
      duesCategory: "SALARIED",
      monthlyIncomeFen: 450_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgId: target.id, duesCategory: "SALARIED", monthlyIncomeFen: 450_000 });
    const entry = (await auditOf("member.update")).at(-1);
    expect(entry).toMatchObject({ actorLabel: `token:${f.tokenIds.write}`, targetId: String(member.id) });
    expect(entry?.data).toMatchObject({ fromOrgId: member.orgId, orgId: target.id });

    const outside = await f.org("GD-GZ-SYSU-CS-M26");
    const away = await call(f.tokens.write, "PATCH", `/members/${member.id}`, { orgId: outside.id });
    expect([away.statusCode, away.json().error]).toEqual([404, `organisation ${outside.id} not found`]);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).orgId).toBe(target.id);
  });

  it("grants and revokes a role, each audited, and refuses a duplicate", async () => {
    const member = await memberIn(db, "GD-GZ-SCUT-EE-2301");
    const org = await f.org("GD-GZ-SCUT-EE-2301");
    const granted = await call(f.tokens.write, "POST", "/roles", {
      memberId: member.id,
      orgId: org.id,
      role: "BRANCH_SECRETARY",
    });
    expect(granted.statusCode).toBe(201);
    const again = await call(f.tokens.write, "POST", "/roles", {
      memberId: member.id,
      orgId: org.id,
      role: "BRANCH_SECRETARY",
    });
    expect(again.statusCode).toBe(409);
    const listed = await call(f.tokens.read, "GET", `/orgs/${org.id}/roles`);
    expect(listed.json().items.map((r: { memberId: number; role: string }) => [r.memberId, r.role])).toContainEqual([
      member.id,
      "BRANCH_SECRETARY",
    ]);
    const revoked = await call(f.tokens.write, "DELETE", `/roles/${granted.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect(await db.roleAssignment.count({ where: { id: granted.json().id } })).toBe(0);
    expect((await auditOf("role.grant")).at(-1)).toMatchObject({
      actorLabel: `token:${f.tokenIds.write}`,
      orgId: org.id,
    });
    expect((await auditOf("role.revoke")).at(-1)).toMatchObject({
      actorLabel: `token:${f.tokenIds.write}`,
      orgId: org.id,
    });
  });

  it("shows a member's paid months and payments", async () => {
    const member = await memberIn(db, "GD-GZ-SCUT-CS-2201");
    const res = await call(f.tokens.read, "GET", `/members/${member.id}/dues`);
    expect(res.statusCode).toBe(200);
    const months = await db.duesMonth.findMany({ where: { memberId: member.id }, orderBy: { month: "asc" } });
    expect(res.json().months.map((m: { month: number }) => m.month)).toEqual(months.map((m) => m.month));
    expect(res.json().payments.length).toBe(await db.duesPayment.count({ where: { memberId: member.id } }));
  });
});

describe("transfers, activities and reports", () => {
  it("shows a transfer with its steps and events", async () => {
    const transfer = await makeTransfer(db, "GD-GZ-SCUT-CS-2202", "GD-GZ-SYSU-CS-M26");
    const res = await call(f.tokens.read, "GET", `/transfers/${transfer.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().steps.map((s: { kind: string; status: string }) => [s.kind, s.status])).toEqual([
      ["SENDER_APPROVAL", "APPROVED"],
      ["RECEIVER_APPROVAL", "PENDING"],
    ]);
    expect(res.json().events.map((e: { type: string }) => e.type)).toEqual([
      "SUBMITTED",
      "STEP_STARTED",
      "APPROVED",
      "STEP_STARTED",
    ]);
    const listed = await call(f.tokens.read, "GET", "/transfers?status=IN_PROGRESS");
    expect(listed.json().items.map((t: { id: number }) => t.id)).toContain(transfer.id);
  });

  it("reports the week's transfer service level per child organisation from the event log, as JSON and CSV", async () => {
    // Monday 2026-11-02 10:00 in Shanghai; one step decided in 30 h (on time), one in 80 h (late: its 72 h deadline
    // fell in the week with no decision, a breach).
    const monday = new Date("2026-11-02T02:00:00Z");
    await makeTransfer(db, "GD-GZ-SCUT-EE-2301", "GD-GZ-TH-XH", { startedAt: monday, decidedAfterHours: 30 });
    await makeTransfer(db, "GD-GZ-SCUT-EE-2301", "GD-GZ-TH-XH", { startedAt: monday, decidedAfterHours: 80 });
    const ee = await f.org("GD-GZ-SCUT-EE");
    const res = await call(f.tokens.read, "GET", "/reports/transfer-sla?week=2026-11-05");
    expect(res.statusCode).toBe(200);
    const figures = {
      received: 2,
      withinSla: 1,
      decided: 2,
      medianHours: 55,
      p90Hours: 75,
      breaches: 1,
      escalations: 0,
      responseRate: 0.5,
    };
    // 华工团委's children: the two steps count under 电子与信息学院团总支, whose subtree holds the branch.
    expect(res.json()).toEqual({
      orgId: (await f.org("GD-GZ-SCUT")).id,
      weekStart: "2026-11-02",
      weekEnd: "2026-11-08",
      rows: [{ orgId: ee.id, code: "GD-GZ-SCUT-EE", name: "电子与信息学院团总支", ...figures }],
      total: { orgId: null, code: "", name: "(total)", ...figures },
    });
    const csv = await call(f.tokens.read, "GET", "/reports/transfer-sla?week=2026-11-05", undefined, {
      accept: "text/csv",
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toContain("transfer-sla-GD-GZ-SCUT-2026-11-02.csv");
    expect(
      csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "org_id,org_code,org_name,received,within_sla,decided,median_hours,p90_hours,breaches,escalations,response_rate",
      `${ee.id},GD-GZ-SCUT-EE,电子与信息学院团总支,2,1,2,55,75,1,0,0.5`,
      ",,(total),2,1,2,55,75,1,0,0.5",
    ]);
  });

  it("reports dues collection and activity attendance, the CSV matching the JSON", async () => {
    const json = await call(f.tokens.read, "GET", "/reports/dues");
    const csv = await call(f.tokens.read, "GET", "/reports/dues?format=csv");
    const rows = json.json().rows as { code: string; members: number; paid: number; amountFen: number }[];
    expect(rows.length).toBeGreaterThan(0);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",").slice(1, 2).concat(l.split(",").slice(3)))).toEqual(
      rows.map((r) => [r.code, String(r.members), String(r.paid), String(r.amountFen)]),
    );

    const at = new Date("2026-10-10T06:00:00Z");
    const activity = await makeActivity(db, "GD-GZ-SCUT-CS", {
      startsAt: at,
      confirmed: 4,
      checkedIn: 3,
      waitlisted: 1,
    });
    const report = await call(f.tokens.read, "GET", "/reports/activities?from=2026-10-10&to=2026-10-10");
    expect(report.json().rows).toEqual([
      expect.objectContaining({
        activityId: activity.id,
        confirmed: 4,
        waitlisted: 1,
        checkedIn: 3,
        attendanceRate: 0.75,
      }),
    ]);
    const detail = await call(f.tokens.read, "GET", `/activities/${activity.id}`);
    expect(detail.json().signups).toEqual({ confirmed: 4, waitlisted: 1, cancelled: 0, checkedIn: 3 });
  });
});

describe("errors and bookkeeping", () => {
  it("names the field that is wrong", async () => {
    const bad = await call(f.tokens.write, "POST", "/orgs", {
      code: "Y-1",
      name: "x",
      level: "BRANCH",
      parentId: "three",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^body\.parentId: /);
    expect(bad.json().issues).toEqual([expect.objectContaining({ field: "body.parentId" })]);
    const month = await call(f.tokens.read, "GET", "/reports/dues?month=202613");
    expect(month.statusCode).toBe(400);
    expect(month.json().error).toContain("querystring.month");
    const scut = await f.org("GD-GZ-SCUT-CS");
    const dup = await call(f.tokens.write, "POST", "/orgs", {
      code: "GD-GZ-SCUT-CS-2201",
      name: "重复",
      level: "BRANCH",
      parentId: scut.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toContain("code");
    expect((await call(f.tokens.read, "GET", "/orgs/999999")).json()).toEqual({
      error: "organisation 999999 not found",
    });
  });

  it("answers a server fault with a generic 500 and keeps the details in the log", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "info", NODE_ENV: "test" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "organisation") return Reflect.get(target, prop, receiver);
        return new Proxy(target.organisation, {
          get(model, method, r) {
            if (method === "findMany") return () => Promise.reject(new Error("pool exhausted at db-internal-7:5432"));
            return Reflect.get(model, method, r);
          },
        });
      },
    });
    const http = createHttpServer({ ...f.app.deps, db: failing, logger });
    const res = await http.inject({ url: `${API}/orgs`, headers: f.auth(f.tokens.read) });
    await http.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: "Internal Server Error" });
    expect(lines.join("")).toContain("pool exhausted at db-internal-7:5432");
    expect(lines.join("")).not.toContain(f.tokens.read);
  });

  it("records when a token was last used", async () => {
    const before = await db.apiToken.findUniqueOrThrow({ where: { id: f.tokenIds.rootRead } });
    f.app.clock.advance(5 * 60_000);
    await call(f.tokens.rootRead, "GET", "/orgs?maxDepth=0");
    const after = await until(async () => {
      const t = await db.apiToken.findUniqueOrThrow({ where: { id: f.tokenIds.rootRead } });
      return t.lastUsedAt && t.lastUsedAt.getTime() !== before.lastUsedAt?.getTime() ? t : undefined;
    });
    expect(after.lastUsedAt).toEqual(f.app.clock.now);
  });
});
