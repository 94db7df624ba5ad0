// The campaign engine over the database: opening (scope, audit), the opening fan-out and reminder rounds through
// the outbox (broadcasts, idempotent), answers, bulk decisions, completion per child organisation, and closing.
import { describe, expect, it } from "vitest";
import {
  closeCampaign,
  completion,
  decide,
  openCampaign,
  pendingByBranch,
  respond,
  stillPending,
} from "../../../bot/features/campaigns/campaign-service.ts";
import { registrationKind } from "../../../bot/features/campaigns/kinds/registration.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "./helpers.ts";

const app = await createTestApp();
const { db } = app.deps;
const jobs = campaignJobs(app);
const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
const member = (code: string) => db.member.findUniqueOrThrow({ where: { code } });
const scut = await org("GD-GZ-SCUT");
const cs = await org("GD-GZ-SCUT-CS");
const ee = await org("GD-GZ-SCUT-EE");
const chen = await member("201701000003"); // staff of the SCUT committee
const wu = await member("201801000010"); // staff of Tianhe
const wang = await member("201801000002"); // 团支书 of 2201
const today = { year: 2026, month: 11, day: 18 };
const input = {
  kind: "registration",
  orgId: scut.id,
  childIds: [],
  label: "2026",
  opensOn: today,
  closesOn: { year: 2026, month: 12, day: 10 },
  remindEveryDays: 7,
};

// Two bound chats of SCUT members, so the fan-out has someone to write to.
const reachable = await db.member.findMany({
  where: { org: { ancestorIds: { has: scut.id } }, status: "ACTIVE" },
  orderBy: { id: "asc" },
  take: 2,
});
for (const m of reachable) {
  await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: `tg-${m.id}`,
      chatId: `tg-${m.id}`,
      memberId: m.id,
      boundAt: app.clock.now,
    },
  });
}

describe("the campaign engine", () => {
  let campaignId = 0;

  it("refuses a committee outside the organisation, and a bad period", async () => {
    expect(await openCampaign(app.deps, wu.id, input, today)).toEqual({ kind: "refused", why: "scope" });
    expect(await openCampaign(app.deps, wang.id, input, today)).toEqual({ kind: "refused", why: "scope" });
    expect(
      await openCampaign(app.deps, chen.id, { ...input, closesOn: { year: 2026, month: 11, day: 1 } }, today),
    ).toEqual({ kind: "period", problem: "closes-before-opens" });
    expect(await openCampaign(app.deps, chen.id, { ...input, childIds: [wang.orgId] }, today)).toEqual({
      kind: "refused",
      why: "children",
    });
    expect(await db.campaign.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "campaign.denied" } })).toBe(2);
  });

  it("opens for the subtree: one entry per active member, one opening message per chat, once", async () => {
    const opened = await openCampaign(app.deps, chen.id, input, today);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    campaignId = opened.campaign.id;
    expect(await openCampaign(app.deps, chen.id, input, today)).toEqual({ kind: "refused", why: "duplicate" });
    await jobs.open(campaignId);
    await jobs.open(campaignId); // a retry writes nothing twice
    const audience = await db.member.count({ where: { org: { ancestorIds: { has: scut.id } }, status: "ACTIVE" } });
    expect(await db.campaignEntry.count({ where: { campaignId } })).toBe(audience);
    const rows = await db.outboxMessage.findMany({ where: { messageKey: "campaigns-registration-open" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.buttons).toEqual([
      [
        { labelKey: "campaigns-registration-choice-ok", payload: `camp-ans:${campaignId}:ok` },
        { labelKey: "campaigns-registration-choice-change", payload: `camp-ans:${campaignId}:change` },
      ],
    ]);
    expect(await db.auditLog.count({ where: { action: "campaign.open", actorId: chen.id } })).toBe(1);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).openedAt).not.toBeNull();
  });

  it("records answers; reminders go only to those who have not answered, once per round", async () => {
    const [first, second] = reachable;
    expect(await respond(app.deps, first!.id, campaignId, registrationKind, { status: "confirmed" })).toEqual({
      kind: "saved",
      changed: false,
    });
    expect(await respond(app.deps, first!.id, campaignId, registrationKind, { status: "confirmed" })).toEqual({
      kind: "same",
    });
    expect(await stillPending(db, { campaignId, memberId: first!.id })).toBe(false);
    expect(await stillPending(db, { campaignId, memberId: second!.id })).toBe(true);
    expect(await jobs.daily("2026-11-24")).toMatchObject({ rounds: 0 });
    expect(await jobs.daily("2026-11-25")).toMatchObject({ rounds: 1 });
    await jobs.remind(campaignId, 1);
    await jobs.remind(campaignId, 1);
    const reminders = await db.outboxMessage.findMany({
      where: { messageKey: "campaigns-registration-remind" },
      include: { identity: true },
    });
    expect(reminders.map((r) => r.identity.memberId)).toEqual([second!.id]);
  });

  it("decides in bulk within scope, counts completion per child organisation, names who is left", async () => {
    const inBranch = await db.campaignEntry.findMany({
      where: { campaignId, orgId: wang.orgId },
      orderBy: { memberId: "asc" },
    });
    const others = inBranch.map((e) => e.memberId).filter((id) => id !== wang.id);
    const outside = (await db.campaignEntry.findFirstOrThrow({ where: { campaignId, orgId: { not: wang.orgId } } }))
      .memberId;
    const result = await decide(
      app.deps,
      wang.id,
      campaignId,
      [...others.slice(0, 2), outside, wang.id],
      "register",
      null,
    );
    expect(result.decided.map((d) => d.memberId)).toEqual(others.slice(0, 2));
    expect(result.refused.map((r) => [r.memberId, r.why])).toEqual([
      [outside, "scope"],
      [wang.id, "self"],
    ]);
    const again = await decide(app.deps, wang.id, campaignId, others.slice(0, 1), "register", null);
    expect(again.unchanged).toHaveLength(1);
    await decide(app.deps, wang.id, campaignId, others.slice(2, 3), "defer", "团费未缴清");

    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const rows = await completion(db, campaign, scut.id);
    const csTotal = await db.campaignEntry.count({ where: { campaignId, org: { ancestorIds: { has: cs.id } } } });
    const eeTotal = await db.campaignEntry.count({ where: { campaignId, org: { ancestorIds: { has: ee.id } } } });
    expect(rows).toEqual([
      { orgId: ee.id, name: ee.name, total: eeTotal, responded: expect.any(Number), done: 0 },
      { orgId: cs.id, name: cs.name, total: csTotal, responded: expect.any(Number), done: 3 },
    ]);
    const pending = await pendingByBranch(db, campaignId, cs.id);
    expect(pending.flatMap((b) => b.members).length).toBe(csTotal - 3);
  });

  it("closing freezes the figures; later answers and decisions are refused", async () => {
    const before = await completion(db, await db.campaign.findUniqueOrThrow({ where: { id: campaignId } }), scut.id);
    const closed = await closeCampaign(app.deps, chen.id, campaignId);
    expect(closed.kind).toBe("closed");
    expect((await closeCampaign(app.deps, chen.id, campaignId)).kind).toBe("already");
    const [, second] = reachable;
    expect(await respond(app.deps, second!.id, campaignId, registrationKind, { status: "confirmed" })).toEqual({
      kind: "closed",
    });
    const late = await decide(app.deps, wang.id, campaignId, [second!.id], "register", null);
    expect(late.closed).toBe(true);
    // A member moving branch after closing changes nothing in the frozen figures.
    await db.campaignEntry.updateMany({ where: { campaignId, orgId: wang.orgId }, data: { done: false } });
    const frozen = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(await completion(db, frozen, scut.id)).toEqual(before);
    expect(await stillPending(db, { campaignId, memberId: second!.id })).toBe(false);
  });

  it("closes by itself the day after the closing day", async () => {
    const opened = await openCampaign(
      app.deps,
      chen.id,
      { ...input, closesOn: { year: 2026, month: 11, day: 20 } },
      today,
    );
    if (opened.kind !== "opened") throw new Error(opened.kind);
    expect(await jobs.daily("2026-11-20")).toMatchObject({ closed: 0 });
    expect(await jobs.daily("2026-11-21")).toMatchObject({ closed: 1 });
    const c = await db.campaign.findUniqueOrThrow({ where: { id: opened.campaign.id } });
    expect(c.status).toBe("CLOSED");
    expect(c.closedById).toBeNull();
  });
});
