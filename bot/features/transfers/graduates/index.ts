// Graduate season: committees and 团支书 mark a branch's graduation date and follow, per branch, how many of its
// graduates have not started a transfer, are waiting on one, or are done. Reminders: workers/graduates/.
import { idArg } from "../../../core/args.ts";
import { buttonAction, type Context, type Feature } from "../../../core/feature.ts";
import { formatDay } from "../../membership/format.ts";
import { formatNames, MAX_NAMES } from "../../membership/name-list.ts";
import { searchOrganisations } from "../../orgs/org-search.ts";
import {
  type BranchRef,
  branchesInScope,
  branchInScope,
  graduateScopes,
  notStartedNames,
  seasonProgress,
  setGraduationDate,
} from "./graduates-service.ts";
import { dayIn, dayToDate, parseGraduationDate, type SeasonDeadlines, seasonOf } from "./rules.ts";

export const DIALOG = "graduates.mark";
/** Branches whose not-started graduates are named in /graduates (the earliest graduating first). */
const MAX_NAMED_BRANCHES = 10;
export const REMIND_START = "graduates-remind-start";
export const REMIND_COMPLETE = "graduates-remind-complete";
const MAX_BRANCH_BUTTONS = 12;

const deadlinesOf = (ctx: Context): SeasonDeadlines => ({
  start: ctx.deps.config.GRADUATE_START_DEADLINE,
  complete: ctx.deps.config.GRADUATE_COMPLETE_DEADLINE,
});
const today = (ctx: Context) => dayIn(ctx.deps.now(), ctx.deps.config.TZ);
const showDay = (ctx: Context, day: string) => formatDay(dayToDate(day), ctx.locale);

async function scopesOrRefuse(ctx: Context): Promise<number[] | null> {
  const scopes = await graduateScopes(ctx.deps.db, ctx.member!.id);
  if (scopes.length) return scopes;
  ctx.say("graduates-not-allowed");
  return null;
}

function offerBranches(ctx: Context, branches: BranchRef[]) {
  ctx.say(
    "graduates-choose-branch",
    {},
    branches.map((b) => [
      { label: b.graduatesOn ? `${b.name} · ${b.graduatesOn}` : b.name, payload: `grad-branch:${b.id}` },
    ]),
  );
}

/** `/graduation`: choose a branch (buttons; a committee with many types part of a name), then type the date. */
async function startMarking(ctx: Context) {
  const scopes = await scopesOrRefuse(ctx);
  if (!scopes) return;
  const branches = await branchesInScope(ctx.deps.db, scopes, MAX_BRANCH_BUTTONS + 1);
  if (!branches.length) return ctx.say("graduates-no-branches");
  if (branches.length === 1) return askDate(ctx, branches[0]!);
  if (branches.length <= MAX_BRANCH_BUTTONS) {
    await ctx.dialog.start(DIALOG, "branch", {});
    return offerBranches(ctx, branches);
  }
  await ctx.dialog.start(DIALOG, "find", {});
  ctx.say("graduates-find-branch");
}

async function askDate(ctx: Context, branch: BranchRef) {
  await ctx.dialog.start(DIALOG, "date", { branchId: branch.id });
  ctx.say("graduates-ask-date", {
    branch: branch.name,
    current: branch.graduatesOn ? showDay(ctx, branch.graduatesOn) : ctx.t("graduates-no-date"),
  });
}

/** Button: the branch to mark (checked against the scope again: a button may be old or forged). */
async function chooseBranch(ctx: Context, branchId: number) {
  const scopes = await scopesOrRefuse(ctx);
  if (!scopes) return;
  const branch = await branchInScope(ctx.deps.db, scopes, branchId);
  if (!branch) {
    await ctx.deps.audit.record({ actorId: ctx.member!.id, action: "graduates.denied", data: { branchId } });
    return ctx.say("graduates-not-your-branch");
  }
  return askDate(ctx, branch);
}

async function onDialogText(ctx: Context) {
  const step = ctx.dialog.current?.step;
  const text = ctx.incoming.text?.trim() ?? "";
  const scopes = await scopesOrRefuse(ctx);
  if (!scopes) return ctx.dialog.end();
  if (step === "find") {
    // The org search ranks by name, pinyin or initials; only the caller's own branches are offered.
    const hits = await searchOrganisations(ctx.deps.db, text, { levels: ["BRANCH"], limit: 50 });
    const mine: BranchRef[] = [];
    for (const hit of hits) {
      const branch = await branchInScope(ctx.deps.db, scopes, hit.id);
      if (branch) mine.push(branch);
      if (mine.length === MAX_BRANCH_BUTTONS) break;
    }
    if (!mine.length) return ctx.say("graduates-no-branch-found");
    await ctx.dialog.update("branch");
    return offerBranches(ctx, mine);
  }
  if (step !== "date") return ctx.say("graduates-use-buttons");
  const branchId = Number((ctx.dialog.current?.data as { branchId?: number } | undefined)?.branchId);
  const branch = await branchInScope(ctx.deps.db, scopes, branchId);
  if (!branch) {
    await ctx.dialog.end();
    return ctx.say("graduates-not-your-branch");
  }
  const day = parseGraduationDate(text, today(ctx), deadlinesOf(ctx));
  if (!day) return ctx.say("graduates-bad-date");
  await setGraduationDate(ctx.deps.db, ctx.deps.audit, { actorId: ctx.member!.id, branch, day });
  await ctx.dialog.end();
  ctx.say("graduates-date-set", { branch: branch.name, date: showDay(ctx, day) });
}

/** `/graduates`: per branch of this season, how many graduates have not started, are waiting, are done. */
async function showProgress(ctx: Context) {
  const scopes = await scopesOrRefuse(ctx);
  if (!scopes) return;
  const season = seasonOf(today(ctx), deadlinesOf(ctx));
  const rows = await seasonProgress(ctx.deps.db, scopes, season);
  if (!rows.length) return ctx.say("graduates-progress-none", { year: String(season.year) });
  const named = rows.slice(0, MAX_NAMED_BRANCHES).filter((r) => r.notStarted > 0);
  const names = new Map(
    await Promise.all(named.map(async (r) => [r.id, await notStartedNames(ctx.deps.db, r.id, MAX_NAMES)] as const)),
  );
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "graduates.progress",
    orgId: scopes[0] ?? null,
    data: { season: season.year, branches: rows.map((r) => r.id), named: named.map((r) => r.id) },
  });
  const lines = rows.map((r) => {
    const line = ctx.t("graduates-progress-line", {
      branch: r.name,
      date: showDay(ctx, r.graduatesOn),
      notStarted: r.notStarted,
      waiting: r.waiting,
      done: r.done,
    });
    const who = names.get(r.id);
    return who?.length
      ? `${line}\n${ctx.t("graduates-progress-not-started", { names: formatNames(who, r.notStarted, ctx.t) })}`
      : line;
  });
  ctx.say("graduates-progress", {
    year: String(season.year),
    start: showDay(ctx, season.startDeadline),
    complete: showDay(ctx, season.completeDeadline),
    lines: lines.join("\n"),
  });
}

const mark = { intent: "graduates.mark", handler: startMarking, needsMember: true };
const progress = { intent: "graduates.progress", handler: showProgress, needsMember: true };

export const graduatesFeature: Feature = {
  name: "graduates",
  commands: { graduation: mark, graduates: progress },
  buttons: { "grad-branch": buttonAction("graduates.mark", idArg, chooseBranch) },
  intents: { "graduates.mark": mark, "graduates.progress": progress },
  dialogs: { [DIALOG]: onDialogText },
  delivery: { [REMIND_START]: { broadcast: true }, [REMIND_COMPLETE]: { broadcast: true } },
};
