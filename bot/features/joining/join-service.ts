// 入团 over PostgreSQL. Each change is one transaction with its audit entry and the outbox rows announcing it; the
// outbox is dispatched and a new step's service-level timer set only after commit (the SLA reconciler repairs a lost
// timer). Each decision is a conditional update `WHERE id = step AND status = 'PENDING'`, so of two taps (or two
// leaders) exactly one moves the application on; the other is told who did.
import { randomBytes } from "node:crypto";
import type { CoreDeps } from "../../core/feature.ts";
import type { Db, JoinStage, JoinStepKind, Prisma } from "../../infra/db.ts";
import { keyedHash } from "../../infra/keyed-hash.ts";
import type { MeetingVote } from "../meetings/rules.ts";
import { compareDates, dayOf, type LocalDate, localDateOf, toUtcDay } from "../membership/rules.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { startClock } from "../transfers/sla/clock.ts";
import { scheduleStepTimers } from "../transfers/sla/timers.ts";
import { whoActs } from "../transfers/step-leaders.ts";
import {
  type AgeProblem,
  actsAbove,
  admissionCodeProblem,
  candidateProblem,
  courseHoursProblem,
  type IdProblem,
  inviteFromBytes,
  type JoinPolicy,
  joinAgeProblem,
  meetingOutcome,
  readIdNumber,
  resolvePolicy,
  STAGE_AFTER,
  STEP_OF_STAGE,
  trainingEndsOn,
} from "./rules.ts";
import { stepButtonRow } from "./step-buttons.ts";

type Tx = Prisma.TransactionClient;
/** What 入团 needs of the app: the chat and the admin API both give it. */
export type JoinDeps = Pick<CoreDeps, "db" | "config" | "audit" | "outbox" | "timers" | "logger" | "now">;
type AnyTx = Tx | Db;

/** Roles that act on 入团 steps: the 团支书, committee staff, and admins. */
export const JOIN_ROLES = ["BRANCH_SECRETARY", "COMMITTEE_STAFF", "ADMIN"] as const;

export const STEP_NEW = "joining-step-new";
export const APPLICANT_UPDATE = "joining-applicant-update";

/** Who acts: a member (chat) or an admin API token (its label and organisation). */
export type Actor = { memberId: number } | { token: number; label: string; orgId: number };

const actorAudit = (a: Actor) =>
  "memberId" in a ? { actorId: a.memberId } : { actorLabel: a.label, actorId: null as number | null };

async function covers(tx: AnyTx, actor: Actor, ancestorIds: readonly number[]): Promise<boolean> {
  if ("memberId" in actor) return canAct(await rolesOf(tx, actor.memberId), ancestorIds, JOIN_ROLES);
  return ancestorIds.includes(actor.orgId);
}

interface Work {
  tx: Tx;
  now: Date;
  outbox: bigint[];
  startedSteps: number[];
}

async function run<T>(deps: JoinDeps, body: (w: Work) => Promise<T>): Promise<T> {
  const outbox: bigint[] = [];
  const startedSteps: number[] = [];
  const now = deps.now();
  const result = await deps.db.$transaction((tx) => body({ tx, now, outbox, startedSteps }), { timeout: 15_000 });
  if (outbox.length) await deps.outbox.dispatch(outbox);
  if (startedSteps.length) {
    await scheduleStepTimers(deps, startedSteps, "join").catch((err: unknown) =>
      deps.logger.warn({ err, steps: startedSteps }, "could not schedule join step timers"),
    );
  }
  return result;
}

// ─────────────────────────────── the policy and the branch ───────────────────────────────

/** The training months and 团课 hours in force for a 团支部 (its own, the nearest above, or the settings). */
export async function policyFor(tx: AnyTx, deps: Pick<CoreDeps, "config">, orgId: number): Promise<JoinPolicy> {
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { ancestorIds: true } });
  const chain = await tx.organisation.findMany({
    where: { id: { in: org.ancestorIds } },
    select: { id: true, joinTrainingMonths: true, joinCourseHours: true },
  });
  const byId = new Map(chain.map((o) => [o.id, o]));
  const nearestFirst = [...org.ancestorIds].reverse().flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return resolvePolicy(nearestFirst, {
    trainingMonths: deps.config.JOIN_TRAINING_MONTHS,
    courseHours: deps.config.JOIN_COURSE_HOURS,
  });
}

export async function branchByInvite(db: Db, code: string) {
  return db.organisation.findFirst({
    where: { joinInviteCode: code, level: "BRANCH" },
    select: { id: true, name: true },
  });
}

/** A 团支部's invite code, made on first ask; only for its leaders (and those above), audited. */
export async function inviteCodeFor(
  deps: JoinDeps,
  actor: Actor,
  orgId: number,
): Promise<{ code: string; org: string } | null> {
  const org = await deps.db.organisation.findUnique({
    where: { id: orgId },
    select: { id: true, name: true, level: true, ancestorIds: true, joinInviteCode: true },
  });
  if (org?.level !== "BRANCH" || !(await covers(deps.db, actor, org.ancestorIds))) return null;
  let code = org.joinInviteCode;
  for (let i = 0; !code && i < 5; i++) {
    const candidate = inviteFromBytes(randomBytes(6));
    const set = await deps.db.organisation
      .updateMany({ where: { id: org.id, joinInviteCode: null }, data: { joinInviteCode: candidate } })
      .catch(() => ({ count: 0 }));
    code = set.count
      ? candidate
      : (await deps.db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { joinInviteCode: true } }))
          .joinInviteCode;
  }
  if (!code) return null;
  await deps.audit.record({
    ...actorAudit(actor),
    action: "joining.invite",
    orgId: org.id,
    targetType: "org",
    targetId: org.id,
  });
  return { code, org: org.name };
}

// ─────────────────────────────── applying ───────────────────────────────

export interface ApplicationInput {
  orgId: number;
  name: string;
  /** Keyed hashes and last four digits only: the numbers themselves are never kept, not even in the dialog. */
  phoneHash: string;
  phoneLast4: string;
  idHash: string;
  idLast4: string;
  /** "YYYY-MM-DD", read from the ID number. */
  birth: string;
}

export type SubmitResult =
  | { ok: true; applicationId: number; org: string; told: string[] }
  | { ok: false; problem: AgeProblem | "already" };

/** What the dialog keeps of a typed ID number: its keyed hash, last four and birth date; or why it cannot be one. */
export function readApplicantId(
  deps: Pick<CoreDeps, "config" | "now">,
  text: string,
): { ok: true; idHash: string; idLast4: string; birth: string } | { ok: false; problem: IdProblem | AgeProblem } {
  const id = readIdNumber(text);
  if (!id.ok) return id;
  const age = joinAgeProblem(id.birth, localDateOf(deps.now(), deps.config.TZ));
  if (age) return { ok: false, problem: age };
  const birth = toUtcDay(id.birth).toISOString().slice(0, 10);
  return { ok: true, idHash: keyedHash(deps.config.ID_HASH_SECRET, id.id), idLast4: id.last4, birth };
}

export const phoneHashOf = (deps: Pick<CoreDeps, "config">, phone: string) =>
  keyedHash(deps.config.ID_HASH_SECRET, phone);

/** The 入团申请 itself: age checked again on today's date in TZ; the 团支部's first step starts at once. */
export async function submitApplication(
  deps: JoinDeps,
  identityId: number,
  input: ApplicationInput,
): Promise<SubmitResult> {
  const birth = dayOf(new Date(`${input.birth}T00:00:00Z`));
  const age = joinAgeProblem(birth, localDateOf(deps.now(), deps.config.TZ));
  if (age) return { ok: false, problem: age };
  return run(deps, async (w) => {
    const mine = await w.tx.joinApplication.findUnique({
      where: { identityId },
      select: { id: true, appliedAt: true },
    });
    if (mine?.appliedAt) return { ok: false as const, problem: "already" as const };
    const data = {
      orgId: input.orgId,
      name: input.name,
      phoneHash: input.phoneHash,
      phoneLast4: input.phoneLast4,
      idHash: input.idHash,
      idLast4: input.idLast4,
      birthDate: toUtcDay(birth),
      identityId,
      stage: "APPLIED" as const,
      appliedAt: w.now,
    };
    const app = mine
      ? await w.tx.joinApplication.update({ where: { id: mine.id }, data, select: { id: true } })
      : await w.tx.joinApplication.create({ data, select: { id: true } });
    const told = await startStep(deps, w, { id: app.id, orgId: input.orgId, name: input.name }, "MARK_ACTIVIST", w.now);
    await deps.audit.record(
      {
        actorLabel: `identity:${identityId}`,
        action: "joining.apply",
        orgId: input.orgId,
        targetType: "join",
        targetId: app.id,
      },
      w.tx,
    );
    const org = await w.tx.organisation.findUniqueOrThrow({ where: { id: input.orgId }, select: { name: true } });
    return { ok: true as const, applicationId: app.id, org: org.name, told };
  });
}

/** Binds this chat to a leader's entry (name + phone): the application goes on from it. */
export async function bindPreRegistered(db: Db, identityId: number, applicationId: number): Promise<boolean> {
  const bound = await db.joinApplication.updateMany({
    where: { id: applicationId, identityId: null, appliedAt: null },
    data: { identityId },
  });
  return bound.count === 1;
}

/** A leader's entry (name + phone) that a person binds to by typing the same; the application itself follows. */
export async function preRegister(
  deps: JoinDeps,
  actor: Actor,
  orgId: number,
  name: string,
  phone: string,
): Promise<{ ok: true; applicationId: number } | { ok: false; problem: "not-found" | "exists" }> {
  const org = await deps.db.organisation.findUnique({
    where: { id: orgId },
    select: { level: true, ancestorIds: true },
  });
  if (org?.level !== "BRANCH" || !(await covers(deps.db, actor, org.ancestorIds))) {
    return { ok: false, problem: "not-found" };
  }
  const phoneHash = keyedHash(deps.config.ID_HASH_SECRET, phone);
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.joinApplication.findFirst({
      where: { phoneHash, name, stage: { notIn: ["ADMITTED", "CLOSED"] } },
      select: { id: true },
    });
    if (existing) return { ok: false as const, problem: "exists" as const };
    const app = await tx.joinApplication.create({
      data: { orgId, name, phoneHash, phoneLast4: phone.slice(-4) },
      select: { id: true },
    });
    await deps.audit.record(
      { ...actorAudit(actor), action: "joining.preregister", orgId, targetType: "join", targetId: app.id },
      tx,
    );
    return { ok: true as const, applicationId: app.id };
  });
}

/** Name + phone as a leader entered them, not yet bound to a chat: the branch it is for. */
export async function findPreRegistered(deps: JoinDeps, name: string, phone: string) {
  return deps.db.joinApplication.findFirst({
    where: {
      name,
      phoneHash: keyedHash(deps.config.ID_HASH_SECRET, phone),
      identityId: null,
      appliedAt: null,
      stage: "APPLIED",
    },
    select: { id: true, orgId: true, org: { select: { name: true } } },
  });
}

// ─────────────────────────────── steps ───────────────────────────────

/** Starts a step (its clock with the acting organisation's policy) and tells who acts now. Returns their names. */
async function startStep(
  deps: JoinDeps,
  w: Work,
  app: { id: number; orgId: number; name: string },
  kind: JoinStepKind,
  startAt: Date,
): Promise<string[]> {
  const branch = await w.tx.organisation.findUniqueOrThrow({ where: { id: app.orgId }, select: { parentId: true } });
  const orgId = actsAbove(kind) ? (branch.parentId ?? app.orgId) : app.orgId;
  const clock = await startClock(w.tx, orgId, startAt, deps.config.TRANSFER_SLA_HOURS);
  const step = await w.tx.joinStep.create({
    data: { applicationId: app.id, kind, orgId, startedAt: startAt, ...clock },
    select: { id: true, org: { select: { name: true } } },
  });
  w.startedSteps.push(step.id);
  // A step that starts later (the end of the training period) is announced by its first nudge.
  if (startAt > w.now) return [];
  const acting = await whoActs(w.tx, orgId, 0);
  if (!acting) return [];
  for (const memberId of acting.memberIds) {
    w.outbox.push(
      ...(await deps.outbox.toMember(w.tx, memberId, {
        messageKey: STEP_NEW,
        args: { stepId: step.id, name: app.name, step: kind, org: step.org.name },
        buttons: [stepButtonRow(kind, step.id, app.id)],
      })),
    );
  }
  const names = await w.tx.member.findMany({ where: { id: { in: acting.memberIds } }, select: { name: true } });
  return names.map((m) => m.name);
}

export type StepAction =
  | { kind: "MARK_ACTIVIST" }
  | { kind: "MARK_CANDIDATE" }
  | { kind: "RECORD_MEETING"; vote: MeetingVote }
  | { kind: "APPROVE" }
  | { kind: "ENTER_CODE"; code: string };

export type AdvanceResult =
  | { ok: true; name: string; stage: JoinStage; applicationId: number; memberCode?: string }
  | { ok: false; problem: "not-found" | "wrong-step" }
  | { ok: false; problem: "handled"; by: string | null; stage: JoinStage }
  | { ok: false; problem: "training"; endsOn: Date }
  | { ok: false; problem: "hours"; have: number; need: number }
  | { ok: false; problem: "meeting-invalid"; reason: string }
  | { ok: false; problem: "meeting-failed"; vote: MeetingVote }
  | { ok: false; problem: "code-format" | "code-taken" }
  | { ok: false; problem: "code-year"; year: number };

const stepSelect = {
  id: true,
  kind: true,
  status: true,
  orgId: true,
  org: { select: { ancestorIds: true } },
  decidedBy: { select: { name: true } },
  application: {
    select: {
      id: true,
      orgId: true,
      name: true,
      stage: true,
      identityId: true,
      activistAt: true,
      trainingMonths: true,
      courseHours: true,
      courseHoursRequired: true,
      idHash: true,
      idLast4: true,
      birthDate: true,
    },
  },
} as const;

/** A step in the actor's scope, or null (a step outside it is answered as one that does not exist). */
export async function stepInScope(tx: AnyTx, actor: Actor, stepId: number) {
  const step = await tx.joinStep.findUnique({ where: { id: stepId }, select: stepSelect });
  if (!step || !(await covers(tx, actor, step.org.ancestorIds))) return null;
  return step;
}

/** Moves an application on by one step, after the step's own checks; audited; the applicant is told. */
export async function advanceStep(
  deps: JoinDeps,
  actor: Actor,
  stepId: number,
  action: StepAction,
): Promise<AdvanceResult> {
  const today = localDateOf(deps.now(), deps.config.TZ);
  return run(deps, async (w): Promise<AdvanceResult> => {
    const step = await stepInScope(w.tx, actor, stepId);
    if (!step) {
      // A step that exists outside the actor's scope is answered as none, and the try is audited.
      if (!(await w.tx.joinStep.count({ where: { id: stepId } }))) return { ok: false, problem: "not-found" };
      await deps.audit.record(
        { ...actorAudit(actor), action: "joining.denied", targetType: "join-step", targetId: stepId },
        w.tx,
      );
      return { ok: false, problem: "not-found" };
    }
    const app = step.application;
    if (step.status !== "PENDING")
      return { ok: false, problem: "handled", by: step.decidedBy?.name ?? null, stage: app.stage };
    if (step.kind !== action.kind) return { ok: false, problem: "wrong-step" };

    const data: Prisma.JoinApplicationUpdateInput = {};
    let memberCode: string | undefined;
    switch (action.kind) {
      case "MARK_ACTIVIST": {
        const policy = await policyFor(w.tx, deps, app.orgId);
        Object.assign(data, {
          activistAt: w.now,
          trainingMonths: policy.trainingMonths,
          courseHoursRequired: policy.courseHours,
        });
        break;
      }
      case "MARK_CANDIDATE": {
        const problem = candidateProblem(
          {
            activistOn: localDateOf(app.activistAt!, deps.config.TZ),
            trainingMonths: app.trainingMonths ?? 0,
            courseHours: app.courseHours,
            courseHoursRequired: app.courseHoursRequired ?? 0,
          },
          today,
        );
        if (problem === "training") {
          const ends = trainingEndsOn(localDateOf(app.activistAt!, deps.config.TZ), app.trainingMonths ?? 0);
          return { ok: false, problem: "training", endsOn: toUtcDay(ends) };
        }
        if (problem === "hours") {
          return { ok: false, problem: "hours", have: app.courseHours, need: app.courseHoursRequired ?? 0 };
        }
        data.candidateAt = w.now;
        break;
      }
      case "RECORD_MEETING": {
        const outcome = meetingOutcome(action.vote);
        if (outcome.kind === "invalid") return { ok: false, problem: "meeting-invalid", reason: outcome.problem };
        const record = {
          meetingDue: action.vote.due,
          meetingPresent: action.vote.present,
          meetingFor: action.vote.votesFor,
          meetingAt: w.now,
        };
        if (outcome.kind === "failed") {
          // Recorded and audited; the 发展对象 stays one, and another meeting may be held.
          await w.tx.joinApplication.update({ where: { id: app.id }, data: record });
          await deps.audit.record(
            {
              ...actorAudit(actor),
              action: "joining.meeting-failed",
              orgId: app.orgId,
              targetType: "join",
              targetId: app.id,
              data: { ...action.vote },
            },
            w.tx,
          );
          return { ok: false, problem: "meeting-failed", vote: action.vote };
        }
        Object.assign(data, record);
        break;
      }
      case "APPROVE":
        data.approvedAt = w.now;
        break;
      case "ENTER_CODE": {
        const code = action.code.normalize("NFKC").replace(/\s/g, "");
        const problem = admissionCodeProblem(code, today.year);
        if (problem === "format") return { ok: false, problem: "code-format" };
        if (problem === "year") return { ok: false, problem: "code-year", year: today.year };
        if (await w.tx.member.findUnique({ where: { code }, select: { id: true } })) {
          return { ok: false, problem: "code-taken" };
        }
        memberCode = code;
        break;
      }
    }

    const decided = await w.tx.joinStep.updateMany({
      where: { id: step.id, status: "PENDING" },
      data: {
        status: "APPROVED",
        decidedAt: w.now,
        ...("memberId" in actor ? { decidedById: actor.memberId } : {}),
      },
    });
    if (!decided.count) return { ok: false, problem: "handled", by: null, stage: app.stage };
    const stage = STAGE_AFTER[step.kind];
    data.stage = stage;

    if (memberCode) {
      // 入团: a member from today; dues are owed from this month on (the owed-months rule counts from joinedAt).
      const member = await w.tx.member.create({
        data: {
          code: memberCode,
          name: app.name,
          idHash: app.idHash ?? "",
          idLast4: app.idLast4 ?? "",
          birthDate: app.birthDate ?? toUtcDay(today),
          joinedAt: toUtcDay(today),
          duesCategory: "STUDENT",
          orgId: app.orgId,
        },
        select: { id: true },
      });
      Object.assign(data, { admittedAt: w.now, member: { connect: { id: member.id } } });
      if (app.identityId) {
        await w.tx.chatIdentity.updateMany({
          where: { id: app.identityId, memberId: null },
          data: { memberId: member.id, boundAt: w.now },
        });
      }
    }
    await w.tx.joinApplication.update({ where: { id: app.id }, data });

    const next = STEP_OF_STAGE[stage];
    if (next) {
      let startAt = w.now;
      if (next === "MARK_CANDIDATE") {
        // The 团支部's next move is due once the training period is over.
        const ends = toUtcDay(trainingEndsOn(today, (data.trainingMonths as number | undefined) ?? 0));
        const endsAt = new Date(ends.getTime() - 8 * 3_600_000); // local midnight (UTC+8) of that day
        if (endsAt > startAt) startAt = endsAt;
      }
      await startStep(deps, w, app, next, startAt);
    }
    await deps.audit.record(
      {
        ...actorAudit(actor),
        action: `joining.${step.kind.toLowerCase().replace("_", "-")}`,
        orgId: app.orgId,
        targetType: "join",
        targetId: app.id,
        data: action.kind === "RECORD_MEETING" ? { ...action.vote } : memberCode ? { code: memberCode } : {},
      },
      w.tx,
    );
    if (app.identityId) {
      const id = await deps.outbox.toIdentity(w.tx, app.identityId, {
        messageKey: APPLICANT_UPDATE,
        args: { stage, name: app.name, ...(memberCode ? { code: memberCode } : {}) },
        buttons: [[{ labelKey: "joining-button-status", payload: "go:join.status" }]],
      });
      if (id !== null) w.outbox.push(id);
    }
    return { ok: true, name: app.name, stage, applicationId: app.id, ...(memberCode ? { memberCode } : {}) };
  });
}

export type HoursResult =
  | { ok: true; name: string; have: number; need: number }
  | { ok: false; problem: "not-found" | "wrong-stage" | "bad-hours" };

/** 团课 hours attended, added to an 入团积极分子's record; audited. */
export async function recordCourseHours(
  deps: JoinDeps,
  actor: Actor,
  applicationId: number,
  hours: number,
): Promise<HoursResult> {
  if (courseHoursProblem(hours)) return { ok: false, problem: "bad-hours" };
  return deps.db.$transaction(async (tx) => {
    const app = await tx.joinApplication.findUnique({
      where: { id: applicationId },
      select: { id: true, name: true, orgId: true, stage: true, org: { select: { ancestorIds: true } } },
    });
    if (!app || !(await covers(tx, actor, app.org.ancestorIds)))
      return { ok: false as const, problem: "not-found" as const };
    if (app.stage !== "ACTIVIST") return { ok: false as const, problem: "wrong-stage" as const };
    const updated = await tx.joinApplication.update({
      where: { id: app.id },
      data: { courseHours: { increment: hours } },
      select: { courseHours: true, courseHoursRequired: true },
    });
    await deps.audit.record(
      {
        ...actorAudit(actor),
        action: "joining.course-hours",
        orgId: app.orgId,
        targetType: "join",
        targetId: app.id,
        data: { hours },
      },
      tx,
    );
    return { ok: true as const, name: app.name, have: updated.courseHours, need: updated.courseHoursRequired ?? 0 };
  });
}

// ─────────────────────────────── reading ───────────────────────────────

export const applicationSelect = {
  id: true,
  name: true,
  stage: true,
  appliedAt: true,
  activistAt: true,
  trainingMonths: true,
  courseHours: true,
  courseHoursRequired: true,
  candidateAt: true,
  meetingAt: true,
  approvedAt: true,
  admittedAt: true,
  orgId: true,
  org: { select: { name: true } },
  member: { select: { code: true } },
  steps: {
    where: { status: "PENDING" as const },
    select: {
      id: true,
      kind: true,
      startedAt: true,
      dueAt: true,
      orgId: true,
      org: { select: { name: true, ancestorIds: true } },
    },
    take: 1,
  },
} as const;

export type ApplicationView = Prisma.JoinApplicationGetPayload<{ select: typeof applicationSelect }>;

/** The application this chat made (or bound to), if any. */
export async function applicationOf(db: Db, identityId: number): Promise<ApplicationView | null> {
  return db.joinApplication.findUnique({ where: { identityId }, select: applicationSelect });
}

export interface ListedApplicant {
  app: ApplicationView;
  /** The actor may take the waiting step (an approval is the committee above's). */
  canAct: boolean;
}

/** Applicants in the actor's scope still on their way, by stage then oldest first; the look-up is audited. */
export async function applicantsInScope(deps: JoinDeps, actor: Actor, limit = 30): Promise<ListedApplicant[]> {
  const scope = "memberId" in actor ? scopeOrgIds(await rolesOf(deps.db, actor.memberId), JOIN_ROLES) : [actor.orgId];
  if (!scope.length) return [];
  const apps = await deps.db.joinApplication.findMany({
    where: {
      appliedAt: { not: null },
      stage: { notIn: ["ADMITTED", "CLOSED"] },
      OR: scope.map((id) => ({ org: { ancestorIds: { has: id } } })),
    },
    orderBy: [{ stage: "asc" }, { appliedAt: "asc" }],
    take: limit,
    select: applicationSelect,
  });
  const listed: ListedApplicant[] = [];
  for (const app of apps) {
    const step = app.steps[0];
    listed.push({ app, canAct: !!step && (await covers(deps.db, actor, step.org.ancestorIds)) });
  }
  await deps.audit.record({
    ...actorAudit(actor),
    action: "joining.list",
    targetType: "join",
    data: { applications: apps.map((a) => a.id) },
  });
  return listed;
}

/** For the status view: the day the training ends (or null before it started). */
export function trainingEnds(app: ApplicationView, timeZone: string): Date | null {
  if (!app.activistAt || app.trainingMonths === null) return null;
  return toUtcDay(trainingEndsOn(localDateOf(app.activistAt, timeZone), app.trainingMonths));
}

export function isPast(day: LocalDate, today: LocalDate) {
  return compareDates(day, today) <= 0;
}

export { dayOf };
