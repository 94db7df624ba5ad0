// After sending: members confirm with "收到", senders follow progress per branch and chase the unread.
import type { Context } from "../../core/feature.ts";
import { formatNames, MAX_NAMES } from "../membership/name-list.ts";
import { nextChaseAt } from "./audience.ts";
import { latestNoticeInScope, markRead, noticeInScope, progress, startChase } from "./notice-service.ts";
import { unreadNames } from "./unread-names.ts";

/** Branches whose names are listed (the most unread first); the rest keep their counts only. */
const MAX_NAMED_BRANCHES = 10;

/** Button on a received notice. */
export async function gotIt(ctx: Context, noticeId: number) {
  const ok = await markRead(ctx.deps.db, noticeId, ctx.member!.id, ctx.deps.now());
  ctx.say(ok ? "notices-read-thanks" : "core-input-stale-button");
}

/** `/notice progress`, "谁没读", or the progress button: the per-branch table of a notice in the actor's scope. */
export async function showProgress(ctx: Context, id: number | null) {
  const notice =
    id !== null
      ? await noticeInScope(ctx.deps.db, ctx.member!.id, id)
      : await latestNoticeInScope(ctx.deps.db, ctx.member!.id);
  if (!notice) return ctx.say("notices-none");
  const rows = await progress(ctx.deps.db, notice.id);
  const named = rows.slice(0, MAX_NAMED_BRANCHES);
  const names = await Promise.all(named.map((r) => unreadNames(ctx.deps.db, notice.id, r.orgId, MAX_NAMES)));
  const lines = rows.map((r, i) => {
    const row = ctx.t("notices-progress-row", { ...r });
    const who = names[i];
    if (!who) return row;
    return [
      row,
      ...(r.unread ? [ctx.t("notices-progress-unread", { names: formatNames(who.unread, r.unread, ctx.t) })] : []),
      ...(r.unreachable
        ? [ctx.t("notices-progress-unreachable", { names: formatNames(who.unreachable, r.unreachable, ctx.t) })]
        : []),
    ].join("\n");
  });
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action: "notice.progress",
    orgId: notice.orgId,
    targetType: "notice",
    targetId: notice.id,
    data: { branches: rows.length, named: named.length },
  });
  const totals = rows.reduce(
    (a, r) => ({
      total: a.total + r.total,
      read: a.read + r.read,
      unread: a.unread + r.unread,
      unreachable: a.unreachable + r.unreachable,
    }),
    { total: 0, read: 0, unread: 0, unreachable: 0 },
  );
  ctx.say(
    "notices-progress",
    { id: notice.id, excerpt: notice.text.slice(0, 40), rows: lines.join("\n") || "-", ...totals },
    totals.unread ? [[ctx.button("notices-chase-button", `notice-chase:${notice.id}`)]] : undefined,
  );
}

/** Button: re-send to those who have not confirmed, at most once a day. */
export async function chase(ctx: Context, noticeId: number) {
  const notice = await noticeInScope(ctx.deps.db, ctx.member!.id, noticeId);
  if (!notice) return ctx.say("notices-none");
  const result = await startChase(ctx.deps, ctx.member!.id, notice.id, ctx.deps.now());
  if (result.started) return ctx.say("notices-chasing");
  const next = nextChaseAt(result.last)!;
  ctx.say("notices-chase-too-soon", { next: next.toLocaleString(ctx.locale, { timeZone: ctx.deps.config.TZ }) });
}
