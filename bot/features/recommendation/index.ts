// 推优入党, the leader's side: "/recommend" records the branch meeting step by step — candidates (numbers from the
// applicants' list, or names), 应到 and 实到, each candidate's votes — then shows who passes by the shared meeting
// rule and records it on a confirm. "/recommended" gives the committee the passed list branch by branch. Members
// apply from the campaign's own message (kinds/recommendation.ts).
import { idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { campaignForLeader } from "../campaigns/campaign-service.ts";
import { OPENING } from "../campaigns/index.ts";
import { recommendationKind } from "../campaigns/kinds/recommendation.ts";
import { leaderBranches } from "../campaigns/leader-branches.ts";
import { showMine } from "../campaigns/member.ts";
import { mayOpen, startOpenOf } from "../campaigns/open-dialog.ts";
import { parseSelection } from "../campaigns/rules.ts";
import { isoDay } from "../leaving/leaving-service.ts";
import { meetingProblem } from "../meetings/rules.ts";
import { localDateOf } from "../membership/rules.ts";
import { type CandidateCheck, candidateHints } from "./candidates.ts";
import {
  applicants,
  findCandidates,
  leadsBranch,
  PASSED_COMMITTEE,
  passedList,
  recordMeeting,
  refusedCandidates,
} from "./meeting-service.ts";
import { meetingOutcomes, neededToPass, parseAttendance, parseVotes, quorumMissed } from "./rules.ts";

export const MEETING_DIALOG = "recommendation.meeting";

interface MeetingData {
  campaignId: number;
  orgId: number;
  /** The applicants' member ids, numbered in the list shown. */
  listed: number[];
  candidates?: { id: number; name: string }[];
  due?: number;
  present?: number;
  votes?: number[];
}

const YES = /^(是|是的|好|好的|对|确认|确定|记录|确认记录|嗯|yes|y|ok|okay|confirm|record it)[。.!！]*$/i;
const NO = /^(不|不用|不要|否|放弃|no|n|discard)了?[。.!！]*$/i;

const today = (ctx: Context) => localDateOf(ctx.deps.now(), ctx.deps.config.TZ);

async function start(ctx: Context) {
  // "发起推优入党" from a committee opens one (the engine's opening dialog).
  if (OPENING.test(ctx.incoming.text?.trim() ?? "") && (await mayOpen(ctx)))
    return startOpenOf(ctx, recommendationKind.name);
  const branches = await leaderBranches(ctx.deps.db, ctx.member!.id, recommendationKind);
  if (!branches.length) {
    const mine = await ctx.deps.db.campaignEntry.count({
      where: { memberId: ctx.member!.id, campaign: { kind: recommendationKind.name, status: "OPEN" } },
    });
    return mine ? showMine(ctx) : ctx.say("campaigns-recommendation-none-open");
  }
  if (branches.length === 1) return begin(ctx, [branches[0]!.campaignId, branches[0]!.orgId]);
  ctx.say(
    "campaigns-recommendation-pick-branch",
    {},
    branches.map((b) => [
      { label: `${b.orgName}（${b.members}）· ${b.label}`, payload: `rec-branch:${b.campaignId}:${b.orgId}` },
    ]),
  );
}

async function begin(ctx: Context, [campaignId, orgId]: [number, number]) {
  if (!(await leadsBranch(ctx.deps, ctx.member!.id, orgId))) return ctx.say("campaigns-recommendation-not-leader");
  const campaign = await ctx.deps.db.campaign.findUnique({ where: { id: campaignId }, include: { org: true } });
  if (!campaign || campaign.kind !== recommendationKind.name) return ctx.say("campaigns-recommendation-none-open");
  if (campaign.status !== "OPEN") return ctx.say("campaigns-recommendation-closed");
  const org = await ctx.deps.db.organisation.findUniqueOrThrow({ where: { id: orgId } });
  const listed = await applicants(ctx.deps, campaignId, orgId);
  const hints = await candidateHints(
    { db: ctx.deps.db, today: ctx.deps.now(), timeZone: ctx.deps.config.TZ },
    listed.map((a) => a.memberId),
  );
  const lines = listed.map((a, i) =>
    ctx.t("campaigns-recommendation-candidate-line", {
      n: i + 1,
      name: a.name,
      hints: (hints.get(a.memberId) ?? []).map((h) => `（${ctx.t(h.key, h.args)}）`).join(""),
    }),
  );
  const data: MeetingData = { campaignId, orgId, listed: listed.map((a) => a.memberId) };
  await ctx.dialog.start(MEETING_DIALOG, "candidates", { ...data });
  ctx.say("campaigns-recommendation-meeting-start", {
    label: campaign.label,
    org: org.name,
    list: lines.length ? lines.join("\n") : ctx.t("campaigns-recommendation-meeting-nobody-applied"),
  });
}

function refusalLines(ctx: Context, checks: CandidateCheck[]) {
  return checks
    .map((c) =>
      ctx.t("campaigns-recommendation-refused-line", {
        name: c.name,
        reasons: c.problems
          .map((p) =>
            ctx.t(`campaigns-recommendation-reason-${p}`, { date: isoDay(c.turns18), year: String(today(ctx).year) }),
          )
          .join("；"),
      }),
    )
    .join("\n");
}

async function onCandidates(ctx: Context, data: MeetingData, text: string) {
  const selection = data.listed.length ? parseSelection(text, data.listed.length) : null;
  let ids: number[];
  if (selection) {
    ids = selection.map((n) => data.listed[n - 1]!);
  } else {
    const words = text.split(/[\s,，、;；]+/).filter(Boolean);
    const { found, unknown } = await findCandidates(ctx.deps, data.campaignId, data.orgId, words);
    if (unknown.length) {
      // Nothing here is a name of this branch and it reads as a request: answered while the meeting's record waits.
      if (!found.length && ctx.textIntent !== "unknown") return "aside";
      return ctx.say("campaigns-recommendation-unknown", { names: unknown.join("、") });
    }
    ids = found;
  }
  const refused = await refusedCandidates(ctx.deps, data.campaignId, data.orgId, ids, today(ctx));
  if (refused.length) return ctx.say("campaigns-recommendation-refused", { lines: refusalLines(ctx, refused) });
  const members = await ctx.deps.db.member.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const byId = new Map(members.map((m) => [m.id, m.name]));
  const candidates = ids.map((id) => ({ id, name: byId.get(id) ?? "?" }));
  await ctx.dialog.update("attendance", { ...data, candidates });
  ctx.say("campaigns-recommendation-ask-attendance", { names: candidates.map((c) => c.name).join("、") });
}

async function onAttendance(ctx: Context, data: MeetingData, text: string) {
  const attendance = parseAttendance(text);
  if (!attendance) {
    if (ctx.textIntent !== "unknown") return "aside";
    return ctx.say("campaigns-recommendation-attendance-unread");
  }
  const problem = meetingProblem({ ...attendance, votesFor: 0 });
  if (problem) return ctx.say("campaigns-recommendation-problem", { problem, ...attendance, name: "", votes: 0 });
  await ctx.dialog.update("votes", { ...data, ...attendance, votes: [] });
  askVotes(ctx, { ...data, ...attendance, votes: [] });
}

function askVotes(ctx: Context, data: MeetingData) {
  const next = data.candidates![data.votes!.length]!;
  ctx.say("campaigns-recommendation-ask-votes", { name: next.name, due: data.due!, present: data.present! });
}

async function onVotes(ctx: Context, data: MeetingData, text: string) {
  const votesFor = parseVotes(text);
  if (votesFor === null) {
    if (ctx.textIntent !== "unknown") return "aside";
    return ctx.say("campaigns-recommendation-votes-unread");
  }
  const candidate = data.candidates![data.votes!.length]!;
  const problem = meetingProblem({ due: data.due!, present: data.present!, votesFor });
  if (problem) {
    return ctx.say("campaigns-recommendation-problem", {
      problem,
      due: data.due!,
      present: data.present!,
      name: candidate.name,
      votes: votesFor,
    });
  }
  const next = { ...data, votes: [...data.votes!, votesFor] };
  if (next.votes.length < next.candidates!.length) {
    await ctx.dialog.update("votes", { ...next });
    return askVotes(ctx, next);
  }
  await ctx.dialog.update("confirm", { ...next });
  showSummary(ctx, next);
}

function showSummary(ctx: Context, data: MeetingData) {
  const record = {
    due: data.due!,
    present: data.present!,
    votes: new Map(data.candidates!.map((c, i) => [c.id, data.votes![i]!])),
  };
  const lines = meetingOutcomes(record).map((o, i) =>
    ctx.t("campaigns-recommendation-summary-line", {
      name: data.candidates![i]!.name,
      votes: o.votesFor,
      passed: o.passed ? "yes" : "no",
    }),
  );
  ctx.say(
    "campaigns-recommendation-summary",
    {
      due: record.due,
      present: record.present,
      need: neededToPass(record.due),
      lines: lines.join("\n"),
      quorum: quorumMissed(record.due, record.present) ? "missed" : "ok",
    },
    [
      [
        ctx.button("campaigns-recommendation-button-confirm", "rec-meet:confirm"),
        ctx.button("campaigns-recommendation-button-cancel", "rec-meet:cancel"),
      ],
    ],
  );
}

async function confirm(ctx: Context, choice: "confirm" | "cancel") {
  const dialog = ctx.dialog.current;
  // A second tap, or a tap after the dialog expired: nothing is recorded twice.
  if (dialog?.name !== MEETING_DIALOG || dialog.step !== "confirm") return ctx.say("campaigns-recommendation-expired");
  await ctx.dialog.end();
  if (choice === "cancel") return ctx.say("campaigns-recommendation-cancelled");
  const data = dialog.data as unknown as MeetingData;
  const record = {
    due: data.due!,
    present: data.present!,
    votes: new Map(data.candidates!.map((c, i) => [c.id, data.votes![i]!])),
  };
  const outcome = await recordMeeting(ctx.deps, ctx.member!.id, data.campaignId, data.orgId, record, today(ctx));
  switch (outcome.kind) {
    case "recorded": {
      const passed = outcome.outcomes.filter((o) => o.passed).length;
      return ctx.say("campaigns-recommendation-recorded", {
        passed,
        failed: outcome.outcomes.length - passed,
        told: outcome.told.length,
        committee: outcome.told.join("、"),
      });
    }
    case "refused":
      return ctx.say("campaigns-recommendation-refused", { lines: refusalLines(ctx, outcome.checks) });
    case "problem":
      return ctx.say("campaigns-recommendation-problem", {
        problem: outcome.problem,
        due: record.due,
        present: record.present,
        name: "",
        votes: 0,
      });
    case "vetoed":
      return ctx.say(outcome.said.key, outcome.said.args);
    case "closed":
      return ctx.say("campaigns-recommendation-closed");
    case "scope":
      return ctx.say("campaigns-recommendation-not-leader");
  }
}

async function onMeetingText(ctx: Context) {
  const dialog = ctx.dialog.current!;
  const data = dialog.data as unknown as MeetingData;
  const text = (ctx.incoming.text ?? "").trim();
  switch (dialog.step) {
    case "candidates":
      return onCandidates(ctx, data, text);
    case "attendance":
      return onAttendance(ctx, data, text);
    case "votes":
      return onVotes(ctx, data, text);
    default:
      if (YES.test(text)) return confirm(ctx, "confirm");
      if (NO.test(text)) return confirm(ctx, "cancel");
      return "aside";
  }
}

/** The latest recommendation campaign the actor leads or works within, and where they stand in it. */
async function latestLed(ctx: Context) {
  // Open ones first, then the newest: the first the actor leads (opened at, above or below their organisation).
  const campaigns = await ctx.deps.db.campaign.findMany({
    where: { kind: recommendationKind.name },
    orderBy: [{ status: "asc" }, { id: "desc" }],
    take: 20,
  });
  for (const campaign of campaigns) {
    const lead = await campaignForLeader(ctx.deps.db, ctx.member!.id, campaign.id);
    if (lead) return { campaign, lead };
  }
  return null;
}

/** "推优入党" typed: the committee that opened it gets the passed list; a 团支书 records the meeting; a member their entry. */
async function show(ctx: Context) {
  if (OPENING.test(ctx.incoming.text?.trim() ?? "")) return start(ctx);
  if ((await latestLed(ctx))?.lead.manages) return passed(ctx);
  return start(ctx);
}

/** "/recommended": the passed list of the latest recommendation campaign the actor leads or works within. */
async function passed(ctx: Context) {
  const found = await latestLed(ctx);
  if (!found) return ctx.say("campaigns-recommendation-none-open");
  const { campaign, lead } = found;
  const org = await ctx.deps.db.organisation.findUniqueOrThrow({ where: { id: lead.underOrgId } });
  const rows = await passedList(ctx.deps, campaign.id, lead.underOrgId);
  if (!rows.length)
    return ctx.say("campaigns-recommendation-passed-list-empty", { label: campaign.label, org: org.name });
  ctx.say("campaigns-recommendation-passed-list", {
    label: campaign.label,
    org: org.name,
    lines: rows
      .map((r) =>
        ctx.t("campaigns-recommendation-passed-list-line", {
          branch: r.branch,
          due: r.due,
          present: r.present,
          names: r.names.length ? r.names.join("、") : "none",
        }),
      )
      .join("\n"),
  });
}

const startAction: Action = { intent: "recommendation.show", handler: start, needsMember: true };
const showAction: Action = { intent: "recommendation.show", handler: show, needsMember: true };

export const recommendationFeature: Feature = {
  name: "recommendation",
  commands: {
    recommend: startAction,
    recommended: { intent: "recommendation.passed", handler: passed, needsMember: true },
  },
  buttons: {
    "rec-branch": buttonAction("recommendation.show", partsArg(":", idArg, idArg), begin),
    "rec-meet": buttonAction("recommendation.meeting", wordArg(["confirm", "cancel"]), confirm),
  },
  intents: { "recommendation.show": showAction },
  dialogs: { [MEETING_DIALOG]: onMeetingText },
  delivery: { [PASSED_COMMITTEE]: {} },
};
