// 入团 over the admin API with a 华工团委 write token: applicants by stage, each step taken with its data through the
// same service as the chat (audited as the token, the applicant told), a second call 409, refusals 400 with the
// reason, input parsed by zod (400, never 500).
import { describe, expect, it } from "vitest";
import { API, adminFixture } from "./admin-fixture.ts";

const f = await adminFixture();
const { db } = f.app.deps;
const branch = await f.org("GD-GZ-SCUT-CS-2201");

async function call(method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return f.http.inject({
    method,
    url: `${API}${url}`,
    headers: f.auth(f.tokens.write),
    ...(payload ? { payload } : {}),
  });
}
const waiting = async (appId: number) =>
  (await db.joinStep.findFirstOrThrow({ where: { applicationId: appId, status: "PENDING" } })).id;

describe("入团 over the admin API", () => {
  let appId = 0;

  it("the training rules are data on the organisation; an entered person appears once they apply", async () => {
    const patched = await call("PATCH", `/orgs/${branch.id}`, { joinTrainingMonths: 0, joinCourseHours: 2 });
    expect(patched.statusCode).toBe(200);
    const entered = await call("POST", "/joining/applicants", {
      orgId: branch.id,
      name: "赵新",
      phone: "138 0013 8001",
    });
    expect(entered.statusCode).toBe(201);
    appId = entered.json().applicationId;
    expect(
      (await call("POST", "/joining/applicants", { orgId: branch.id, name: "赵新", phone: "13800138001" })).statusCode,
    ).toBe(409);
    expect(
      (await call("POST", "/joining/applicants", { orgId: branch.id, name: "赵新", phone: "12345" })).statusCode,
    ).toBe(400);
    // Entered, not applied: nobody to act on yet.
    expect((await call("GET", "/joining/applicants")).json().items).toEqual([]);
    await db.joinApplication.update({
      where: { id: appId },
      data: { appliedAt: f.app.clock.now, idHash: "h", idLast4: "1234", birthDate: new Date("2010-05-20") },
    });
    await db.joinStep.create({
      data: {
        applicationId: appId,
        kind: "MARK_ACTIVIST",
        orgId: branch.id,
        startedAt: f.app.clock.now,
        dueAt: f.app.clock.now,
        slaHours: 72,
        slaBusinessHours: false,
      },
    });
    const listed = (await call("GET", "/joining/applicants?stage=APPLIED")).json().items;
    expect(listed).toMatchObject([{ id: appId, name: "赵新", stage: "APPLIED", step: { kind: "MARK_ACTIVIST" } }]);
    expect((await call("GET", "/joining/applicants?stage=ADMITTED")).json().items).toEqual([]);
  });

  it("steps with their data; a second call is 409; refusals name the rule", async () => {
    const activist = await waiting(appId);
    expect((await call("POST", `/joining/steps/${activist}`, { kind: "MARK_ACTIVIST" })).json()).toMatchObject({
      ok: true,
      stage: "ACTIVIST",
    });
    expect((await call("POST", `/joining/steps/${activist}`, { kind: "MARK_ACTIVIST" })).statusCode).toBe(409);
    const candidate = await waiting(appId);
    const short = await call("POST", `/joining/steps/${candidate}`, { kind: "MARK_CANDIDATE" });
    expect([short.statusCode, short.json().error]).toEqual([400, "团课 hours 0 of 2"]);
    expect((await call("POST", `/joining/applications/${appId}/course-hours`, { hours: 0 })).statusCode).toBe(400);
    expect((await call("POST", `/joining/applications/${appId}/course-hours`, { hours: 2 })).json()).toMatchObject({
      have: 2,
      need: 2,
    });
    expect((await call("POST", `/joining/steps/${candidate}`, { kind: "MARK_CANDIDATE" })).statusCode).toBe(200);
    const meeting = await waiting(appId);
    expect((await call("POST", `/joining/steps/${meeting}`, { kind: "APPROVE" })).statusCode).toBe(409);
    expect((await call("POST", `/joining/steps/${meeting}`, { kind: "RECORD_MEETING", due: 10 })).statusCode).toBe(400);
    const failed = await call("POST", `/joining/steps/${meeting}`, {
      kind: "RECORD_MEETING",
      due: 10,
      present: 8,
      votesFor: 5,
    });
    expect([failed.statusCode, failed.json().error]).toEqual([400, expect.stringContaining("did not pass")]);
    const passed = await call("POST", `/joining/steps/${meeting}`, {
      kind: "RECORD_MEETING",
      due: 10,
      present: 8,
      votesFor: 6,
    });
    expect(passed.json()).toMatchObject({ stage: "VOTED" });
    expect((await call("POST", `/joining/steps/${await waiting(appId)}`, { kind: "APPROVE" })).json()).toMatchObject({
      stage: "APPROVED",
    });
    const code = await waiting(appId);
    const wrongYear = await call("POST", `/joining/steps/${code}`, { kind: "ENTER_CODE", code: "202511010009" });
    expect([wrongYear.statusCode, wrongYear.json().error]).toEqual([400, expect.stringContaining("2026")]);
    expect((await call("POST", `/joining/steps/${code}`, { kind: "ENTER_CODE", code: "2026" })).statusCode).toBe(400);
    const admitted = await call("POST", `/joining/steps/${code}`, { kind: "ENTER_CODE", code: "202611010009" });
    expect(admitted.json()).toMatchObject({ stage: "ADMITTED", memberCode: "202611010009" });
    expect(await db.member.findUniqueOrThrow({ where: { code: "202611010009" } })).toMatchObject({ name: "赵新" });
    const audited = await db.auditLog.findMany({
      where: { action: { startsWith: "joining." } },
      orderBy: { id: "asc" },
    });
    expect(audited.every((a) => a.actorLabel.startsWith("token:"))).toBe(true);
    expect(audited.map((a) => a.action)).toContain("joining.enter-code");
  });
});
