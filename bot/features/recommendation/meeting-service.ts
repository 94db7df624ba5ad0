// The 推优 branch meeting over Prisma: the record (应到, 实到, votes per candidate) is stored per branch and campaign,
// each candidate is decided through the campaign engine by the shared meeting rule, and the committee that opened
// the campaign receives the names that passed (outbox). Candidates under 18 or not registered this year are refused.
import { createHash } from "node:crypto";
import type { CoreDeps } from "../../core/feature.ts";
import { Role } from "../../infra/db.ts";
import { decide, loadCampaign } from "../campaigns/campaign-service.ts";
import type { Said } from "../campaigns/kind.ts";
import { recommendationKind } from "../campaigns/kinds/recommendation.ts";
import { isoDay } from "../leaving/leaving-service.ts";
import { type LocalDate, localDateOf } from "../membership/rules.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import { type CandidateCheck, checkCandidates } from "./candidates.ts";
import {
  type CandidateOutcome,
  type MeetingRecord,
  meetingOutcomes,
  type RecordProblem,
  recordProblem,
} from "./rules.ts";

export const PASSED_COMMITTEE = "campaigns-recommendation-passed-committee";

/** Whether the actor records meetings for this organisation (its 团支书, or staff above). */
export async function leadsBranch(deps: Pick<CoreDeps, "db">, actorId: number, orgId: number) {
  const org = await deps.db.organisation.findUnique({ where: { id: orgId }, select: { ancestorIds: true } });
  return !!org && canAct(await rolesOf(deps.db, actorId), org.ancestorIds, recommendationKind.decideRoles);
}

/** The branch's audience members who applied (their answer "申请推优"), in id order. */
export async function applicants(deps: Pick<CoreDeps, "db">, campaignId: number, orgId: number) {
  const entries = await deps.db.campaignEntry.findMany({
    where: { campaignId, orgId, response: { path: ["apply"], equals: true } },
    select: { memberId: true, member: { select: { name: true, code: true } } },
    orderBy: { memberId: "asc" },
  });
  return entries.map((e) => ({ memberId: e.memberId, name: e.member.name, code: e.member.code }));
}

/** Candidates typed by name or member code among the branch's audience: found, and the words not found. */
export async function findCandidates(deps: Pick<CoreDeps, "db">, campaignId: number, orgId: number, words: string[]) {
  const entries = await deps.db.campaignEntry.findMany({
    where: { campaignId, orgId },
    select: { memberId: true, member: { select: { name: true, code: true } } },
  });
  const found: number[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const w = word.replace(/\s+/g, "");
    const matches = entries.filter((e) => e.member.name.replace(/\s+/g, "") === w || e.member.code === w);
    if (matches.length === 1) found.push(matches[0]!.memberId);
    else unknown.push(word);
  }
  return { found: [...new Set(found)], unknown };
}

/** Candidates who cannot be put to the vote, with why (empty when all can). */
export async function refusedCandidates(
  deps: Pick<CoreDeps, "db">,
  campaignId: number,
  orgId: number,
  memberIds: number[],
  today: LocalDate,
): Promise<CandidateCheck[]> {
  const inAudience = new Set(
    (
      await deps.db.campaignEntry.findMany({
        where: { campaignId, orgId, memberId: { in: memberIds } },
        select: { memberId: true },
      })
    ).map((e) => e.memberId),
  );
  const checks = await checkCandidates(deps.db, orgId, memberIds, today);
  return checks
    .map((c) => (inAudience.has(c.memberId) ? c : { ...c, problems: ["not-member" as const] }))
    .filter((c) => c.problems.length);
}

export type MeetingOutcome =
  | { kind: "recorded"; outcomes: (CandidateOutcome & { name: string })[]; told: string[] }
  | { kind: "problem"; problem: RecordProblem; memberId?: number }
  | { kind: "refused"; checks: CandidateCheck[] }
  | { kind: "vetoed"; said: Said }
  | { kind: "closed" }
  | { kind: "scope" };

/**
 * Records a branch's meeting: checked whole (the record's numbers, every candidate's conditions) before anything is
 * stored; stored and audited in one transaction (a second record for the branch replaces the first while the
 * campaign is open); then each candidate is decided through the engine and the committee is told who passed.
 */
export async function recordMeeting(
  deps: CoreDeps,
  actorId: number,
  campaignId: number,
  orgId: number,
  record: MeetingRecord,
  today: LocalDate,
): Promise<MeetingOutcome> {
  const found = await loadCampaign(deps.db, campaignId);
  if (!found || found.kind.name !== recommendationKind.name || !(await leadsBranch(deps, actorId, orgId))) {
    return { kind: "scope" };
  }
  const { campaign } = found;
  if (campaign.status !== "OPEN") return { kind: "closed" };
  const problem = recordProblem(record);
  if (problem) return { kind: "problem", ...problem };
  const memberIds = [...record.votes.keys()];
  const refused = await refusedCandidates(deps, campaignId, orgId, memberIds, today);
  if (refused.length) return { kind: "refused", checks: refused };
  const outcomes = meetingOutcomes(record);
  const now = deps.now();
  const meeting = await deps.db.$transaction(async (tx) => {
    const saved = await tx.recommendationMeeting.upsert({
      where: { campaignId_orgId: { campaignId, orgId } },
      create: { campaignId, orgId, due: record.due, present: record.present, recordedById: actorId, recordedAt: now },
      update: { due: record.due, present: record.present, recordedById: actorId, recordedAt: now },
    });
    await tx.recommendationVote.deleteMany({ where: { meetingId: saved.id } });
    await tx.recommendationVote.createMany({
      data: outcomes.map((o) => ({
        meetingId: saved.id,
        memberId: o.memberId,
        votesFor: o.votesFor,
        passed: o.passed,
      })),
    });
    await deps.audit.record(
      {
        actorId,
        action: "recommendation.meeting",
        orgId,
        targetType: "campaign",
        targetId: campaignId,
        data: {
          due: record.due,
          present: record.present,
          votes: outcomes.map((o) => [o.memberId, o.votesFor, o.passed]),
        },
      },
      tx,
    );
    return saved;
  });
  for (const passed of [true, false]) {
    const ids = outcomes.filter((o) => o.passed === passed).map((o) => o.memberId);
    if (!ids.length) continue;
    const result = await decide(deps, actorId, campaignId, ids, passed ? "passed" : "failed", null);
    if (result.closed) return { kind: "closed" };
    if (result.vetoed) return { kind: "vetoed", said: result.vetoed };
  }
  const names = new Map(
    (await deps.db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true } })).map((m) => [
      m.id,
      m.name,
    ]),
  );
  const named = outcomes.map((o) => ({ ...o, name: names.get(o.memberId) ?? "?" }));
  const told = await tellCommittee(deps, campaign, meeting, named);
  return { kind: "recorded", outcomes: named, told };
}

/**
 * The committee above receives the branch's passed list, once per record: the staff of the organisation that opened
 * the campaign, or of the nearest organisation above it that has staff on the bot.
 */
async function tellCommittee(
  deps: CoreDeps,
  campaign: { id: number; orgId: number; label: string },
  meeting: { id: number; orgId: number; due: number; present: number; recordedAt: Date },
  outcomes: { name: string; passed: boolean }[],
): Promise<string[]> {
  const opener = await deps.db.organisation.findUniqueOrThrow({ where: { id: campaign.orgId } });
  const held = await deps.db.roleAssignment.findMany({
    where: { orgId: { in: opener.ancestorIds }, role: Role.COMMITTEE_STAFF },
    select: { orgId: true, member: { select: { id: true, name: true } } },
    orderBy: { memberId: "asc" },
  });
  const nearest = [...opener.ancestorIds].reverse().find((id) => held.some((h) => h.orgId === id));
  const staff = held.filter((h) => h.orgId === nearest);
  const branch = await deps.db.organisation.findUniqueOrThrow({ where: { id: meeting.orgId } });
  const passed = outcomes.filter((o) => o.passed).map((o) => o.name);
  // A record told once: the same record again (a retry) writes nothing, a corrected one is told again.
  const digest = createHash("sha256")
    .update(JSON.stringify([meeting.due, meeting.present, outcomes, meeting.recordedAt.getTime()]))
    .digest("hex")
    .slice(0, 16);
  const ids = await deps.db.$transaction(async (tx) => {
    const written: bigint[] = [];
    for (const { member } of staff) {
      written.push(
        ...(await deps.outbox.toMember(tx, member.id, {
          messageKey: PASSED_COMMITTEE,
          args: {
            label: campaign.label,
            branch: branch.name,
            due: meeting.due,
            present: meeting.present,
            names: passed.length ? passed.join("、") : "none",
            day: isoDay(localDateOf(meeting.recordedAt, deps.config.TZ)),
          },
          dedupeKey: `rec-meeting:${meeting.id}:${digest}:${member.id}`,
        })),
      );
    }
    return written;
  });
  await deps.outbox.dispatch(ids);
  return staff.map((s) => s.member.name);
}

export interface PassedBranch {
  branch: string;
  due: number;
  present: number;
  names: string[];
}

/** The passed candidates of a campaign's meetings under `underOrgId`, branch by branch (for the committee). */
export async function passedList(deps: Pick<CoreDeps, "db">, campaignId: number, underOrgId: number) {
  const meetings = await deps.db.recommendationMeeting.findMany({
    where: { campaignId, org: { ancestorIds: { has: underOrgId } } },
    include: {
      org: { select: { name: true } },
      votes: { where: { passed: true }, include: { member: { select: { name: true } } }, orderBy: { memberId: "asc" } },
    },
    orderBy: { orgId: "asc" },
  });
  return meetings.map(
    (m): PassedBranch => ({
      branch: m.org.name,
      due: m.due,
      present: m.present,
      names: m.votes.map((v) => v.member.name),
    }),
  );
}
