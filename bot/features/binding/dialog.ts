// The chat side of binding: /bind (three questions or a one-time code), /code for leaders, /unbind.
// Malformed answers are refused at the same step without counting as failures; the service decides the rest.
import { type Context, type DialogHandler, otherRequest } from "../../core/feature.ts";
import { type BindResult, createBindingService, type IssueResult } from "./binding-service.ts";
import {
  CODE_VALID_MS,
  classifyBindArg,
  formatCode,
  introducedName,
  minutesLeft,
  normaliseCode,
  normaliseIdLast4,
  normaliseMemberCode,
  normaliseName,
} from "./rules.ts";

/** The bind dialog: member-code → name → id-last4, or one-time-code. */
export const BIND_DIALOG = "bind";
/** A leader's /code, waiting for the member's 编号. */
export const ISSUE_DIALOG = "bind.code";

const service = (ctx: Context) => createBindingService(ctx.deps);

function sayLocked(ctx: Context, until: Date) {
  const time = new Intl.DateTimeFormat(ctx.locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: ctx.deps.config.TZ,
  }).format(until);
  ctx.say("binding-locked", { minutes: minutesLeft(until, ctx.deps.now()), time });
}

const haveCodeButton = (ctx: Context) => [[ctx.button("binding-button-have-code", "bind:code")]];

async function askMemberCode(ctx: Context) {
  await ctx.dialog.start(BIND_DIALOG, "member-code");
  ctx.say("binding-ask-member-code", {}, haveCodeButton(ctx));
}

/** Answers that reveal a person (ID digits, a code) belong in a private chat, never in a group. */
function inPrivate(ctx: Context): boolean {
  if (ctx.incoming.chatType === "private") return true;
  ctx.say("binding-private-only");
  return false;
}

/** Refuses to start in a group, when the chat is bound already, or when it is locked; true when binding may go on. */
async function mayStart(ctx: Context): Promise<boolean> {
  if (!inPrivate(ctx)) return false;
  if (ctx.member) {
    ctx.say("binding-already-bound", { name: ctx.member.name });
    return false;
  }
  const until = await service(ctx).chatLockedUntil(ctx.identity);
  if (until) {
    sayLocked(ctx, until);
    return false;
  }
  return true;
}

/** "绑定", the menu button: always the questions from the start. */
export async function startBind(ctx: Context) {
  if (await mayStart(ctx)) await askMemberCode(ctx);
}

/** `/bind`, `/bind <编号>` (skips the first question), `/bind <code>`. */
export async function bindCommand(ctx: Context) {
  if (!(await mayStart(ctx))) return;
  const arg = classifyBindArg(ctx.arg);
  if (arg.kind === "none") return askMemberCode(ctx);
  if (arg.kind === "member-code") {
    await ctx.dialog.start(BIND_DIALOG, "member-code");
    return acceptMemberCode(ctx, arg.code);
  }
  const code = normaliseCode(arg.text);
  if (!code) return ctx.say("binding-code-malformed");
  return answerCodeResult(ctx, await service(ctx).bindByCode(ctx.identity, code), false);
}

/** The "I have a code" button. */
export async function chooseCode(ctx: Context) {
  if (!(await mayStart(ctx))) return;
  await ctx.dialog.start(BIND_DIALOG, "one-time-code");
  ctx.say("binding-ask-one-time-code");
}

/** Explains binding to an unbound chat that asked for something personal. */
export async function bindRequired(ctx: Context) {
  // The router runs this in place of the action that was asked for; the reply says what it really is.
  ctx.intent = "bind.required";
  ctx.say("binding-required", {}, [[ctx.button("binding-button-start", "go:bind")]]);
}

async function acceptMemberCode(ctx: Context, memberCode: string) {
  const until = await service(ctx).memberLockedUntil(memberCode);
  if (until) {
    await ctx.dialog.end();
    return sayLocked(ctx, until);
  }
  // The name given before the 编号 was asked for ("我叫李明"): not asked again.
  if ((ctx.dialog.current?.data as { name?: string } | undefined)?.name) {
    await ctx.dialog.update("id-last4", { memberCode });
    return ctx.say("binding-ask-id-last4");
  }
  await ctx.dialog.update("name", { memberCode });
  ctx.say("binding-ask-name");
}

/** Words that are some other request ("我想入团") where a number or a code was asked for. */
const elsewhere = (ctx: Context) => otherRequest(ctx, "bind");

/** Text typed while the bind dialog is open. Another request is answered while the dialog waits. */
export async function bindDialog(ctx: Context): ReturnType<DialogHandler> {
  const step = ctx.dialog.current?.step;
  const text = ctx.incoming.text;
  if (text === undefined) return ctx.say("binding-text-please");

  if (step === "member-code") {
    const memberCode = normaliseMemberCode(text);
    // Introducing oneself first: the name is kept for step 2, and the 编号 asked for again.
    const name = memberCode ? null : introducedName(text);
    if (name) {
      await ctx.dialog.update("member-code", { name });
      return ctx.say("binding-name-noted", { name }, haveCodeButton(ctx));
    }
    if (!memberCode && elsewhere(ctx)) return "aside";
    if (!memberCode) return ctx.say("binding-member-code-malformed", {}, haveCodeButton(ctx));
    return acceptMemberCode(ctx, memberCode);
  }
  if (step === "name") {
    const name = normaliseName(text);
    if (!name) return ctx.say("binding-name-malformed");
    await ctx.dialog.update("id-last4", { name });
    return ctx.say("binding-ask-id-last4");
  }
  if (step === "id-last4") {
    const idLast4 = normaliseIdLast4(text);
    if (!idLast4 && elsewhere(ctx)) return "aside";
    if (!idLast4) return ctx.say("binding-id-last4-malformed");
    const data = ctx.dialog.current!.data as { memberCode: string; name: string };
    const result = await service(ctx).bindByDetails(ctx.identity, { ...data, idLast4 });
    if (result.kind === "wrong") {
      // Back to the first question, forgetting the answers: the reply does not say which one was wrong.
      await ctx.dialog.start(BIND_DIALOG, "member-code");
      return ctx.say("binding-details-wrong", { left: result.attemptsLeft }, haveCodeButton(ctx));
    }
    return finish(ctx, result);
  }
  if (step === "one-time-code") {
    const code = normaliseCode(text);
    if (!code && elsewhere(ctx)) return "aside";
    if (!code) return ctx.say("binding-code-malformed");
    return answerCodeResult(ctx, await service(ctx).bindByCode(ctx.identity, code), true);
  }
  // A step this version does not know (state from an older release): start over.
  return askMemberCode(ctx);
}

async function answerCodeResult(ctx: Context, result: BindResult, inDialog: boolean) {
  if (result.kind !== "wrong" && result.kind !== "code-used" && result.kind !== "code-expired") {
    return finish(ctx, result);
  }
  // In the dialog the person may simply type the code again; after `/bind <code>` they send the command again.
  const args = { left: result.attemptsLeft, again: inDialog ? "dialog" : "command" };
  if (result.kind === "code-used") return ctx.say("binding-code-used", args);
  if (result.kind === "code-expired") return ctx.say("binding-code-expired", args);
  return ctx.say("binding-code-wrong", args);
}

async function finish(ctx: Context, result: BindResult) {
  await ctx.dialog.end();
  if (result.kind === "bound") return ctx.say("binding-bound", { name: result.member.name });
  if (result.kind === "locked") return sayLocked(ctx, result.until);
  if (result.kind === "already-bound") return ctx.say("binding-already-bound-other");
}

// ───────────── /code: a leader's one-time code ─────────────

export async function issueCommand(ctx: Context) {
  const actor = ctx.member!;
  if (!inPrivate(ctx)) return;
  if (!ctx.arg) {
    if (!(await service(ctx).mayIssue(actor))) return ctx.say("binding-issue-not-leader");
    await ctx.dialog.start(ISSUE_DIALOG, "member-code");
    return ctx.say("binding-issue-ask-member-code");
  }
  const memberCode = normaliseMemberCode(ctx.arg);
  if (!memberCode) return ctx.say("binding-member-code-malformed");
  return answerIssue(ctx, await service(ctx).issueCode(actor, memberCode), memberCode);
}

export async function issueDialog(ctx: Context) {
  const text = ctx.incoming.text;
  if (text === undefined) return ctx.say("binding-text-please");
  const memberCode = normaliseMemberCode(text);
  if (!memberCode) return ctx.say("binding-member-code-malformed");
  await ctx.dialog.end();
  if (!ctx.member) return bindRequired(ctx);
  return answerIssue(ctx, await service(ctx).issueCode(ctx.member, memberCode), memberCode);
}

/**
 * The "为张三生成绑定码" buttons under /branch's list of unbound members: `code-for:<memberId>`. The payload could
 * be forged, so the member is looked up and issueCode checks the scope (and audits) as for a typed 编号.
 */
export async function issueForMember(ctx: Context, id: number) {
  if (!inPrivate(ctx)) return;
  const target = await ctx.deps.db.member.findUnique({ where: { id }, select: { code: true } });
  if (!target) return ctx.say("binding-issue-not-found");
  const result = await service(ctx).issueCode(ctx.member!, target.code);
  // Never echo the 编号 of someone outside the leader's scope: an id in a forged payload must not reveal it.
  if (result.kind === "out-of-scope") return ctx.say("binding-issue-not-found");
  return answerIssue(ctx, result, target.code);
}

function answerIssue(ctx: Context, result: IssueResult, memberCode: string) {
  if (result.kind === "not-leader") return ctx.say("binding-issue-not-leader");
  if (result.kind === "out-of-scope") return ctx.say("binding-issue-out-of-scope", { code: memberCode });
  if (result.kind === "own") return ctx.say("binding-issue-own");
  // In full: the leader passes it on for 智慧团建, and only a leader in scope gets here.
  ctx.say("binding-issue-created", {
    name: result.member.name,
    member: result.member.code,
    code: formatCode(result.code),
    days: CODE_VALID_MS / 86_400_000,
  });
}

// ───────────── /unbind ─────────────

export async function askUnbind(ctx: Context) {
  if (!ctx.member) return ctx.say("binding-unbind-not-bound");
  ctx.say("binding-unbind-confirm", { name: ctx.member.name }, [
    [
      ctx.button("binding-button-unbind-yes", `unbind:${ctx.member.id}`),
      ctx.button("binding-button-unbind-no", "unbind:keep"),
    ],
  ]);
}

/** The confirmation buttons: `unbind:<memberId>` or `unbind:keep`. */
export async function confirmUnbind(ctx: Context, memberId: number | "keep") {
  if (memberId === "keep") return ctx.say("binding-unbind-kept");
  const done =
    ctx.member !== null && ctx.member.id === memberId && (await service(ctx).unbind(ctx.identity, ctx.member.id));
  if (!done) return ctx.say("binding-unbind-not-bound");
  ctx.member = null;
  ctx.say("binding-unbind-done");
}
