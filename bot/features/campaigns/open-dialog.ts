// A committee opens a campaign in chat: which kind (when there are several) → as which organisation (when several)
// → audience (the whole subtree or chosen child organisations) → closing day (a button or typed) → reminder
// rhythm → a preview with counts → open. Each step has buttons and a way out (取消).
import { type Context, otherRequest } from "../../core/feature.ts";
import { compareDates, localDateOf } from "../membership/rules.ts";
import { audienceOrgIds } from "../notices/audience.ts";
import { audienceRows, meansWholeAudience, toggledChildIds } from "../notices/audience-buttons.ts";
import { audienceCounts } from "../notices/notice-service.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { openCampaign } from "./campaign-service.ts";
import { campaignKinds, kindOf } from "./kinds/index.ts";
import { showProgress } from "./leader.ts";
import { addDays, isoDate, parseClosingDay, REMIND_RHYTHMS } from "./rules.ts";

export const OPEN_DIALOG = "campaign.open";
/** Closing-day buttons: this many days from today. */
export const CLOSE_IN_DAYS = [14, 30, 60] as const;

interface Draft {
  kind?: string;
  orgId?: number;
  childIds?: number[];
  closes?: string;
  every?: number;
}

const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === OPEN_DIALOG ? (ctx.dialog.current.data as Draft) : null;
const today = (ctx: Context) => localDateOf(ctx.deps.now(), ctx.deps.config.TZ);

async function openerScopes(ctx: Context, kindName: string) {
  const kind = kindOf(kindName)!;
  const ids = scopeOrgIds(await rolesOf(ctx.deps.db, ctx.member!.id), kind.openRoles);
  return ctx.deps.db.organisation.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}

async function openableKinds(ctx: Context) {
  const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
  return campaignKinds.filter((k) => scopeOrgIds(roles, k.openRoles).length);
}

/** Whether the person may open some kind of campaign somewhere. */
export async function mayOpen(ctx: Context) {
  return (await openableKinds(ctx)).length > 0;
}

/** `/campaign`, "发起团籍注册" or the 发起 button. */
export async function startOpen(ctx: Context) {
  const kinds = await openableKinds(ctx);
  if (!kinds.length) {
    await ctx.deps.audit.record({ actorId: ctx.member!.id, action: "campaign.denied", data: { step: "open" } });
    return ctx.say("campaigns-open-not-allowed");
  }
  await ctx.dialog.start(OPEN_DIALOG, "kind", {});
  if (kinds.length === 1) return chooseKind(ctx, kinds[0]!.name);
  ctx.say(
    "campaigns-open-choose-kind",
    {},
    kinds.map((k) => [
      { label: ctx.t(`campaigns-${k.name}-title`, { label: String(today(ctx).year) }), payload: `camp-kind:${k.name}` },
    ]),
  );
}

/** Opening a kind named in words ("发起团籍注册", "发起教育评议"): no question about which. */
export async function startOpenOf(ctx: Context, name: string) {
  if (!(await openableKinds(ctx)).some((k) => k.name === name)) return startOpen(ctx);
  await ctx.dialog.start(OPEN_DIALOG, "kind", {});
  return chooseKind(ctx, name);
}

export async function chooseKind(ctx: Context, name: string) {
  if (!draftOf(ctx) || !kindOf(name)) return ctx.say("campaigns-open-expired");
  const orgs = await openerScopes(ctx, name);
  if (!orgs.length) return ctx.say("campaigns-open-not-allowed");
  await ctx.dialog.update("org", { kind: name });
  if (orgs.length === 1) return chooseOrg(ctx, orgs[0]!.id);
  ctx.say(
    "campaigns-open-choose-org",
    {},
    orgs.map((o) => [{ label: o.name, payload: `camp-org:${o.id}` }]),
  );
}

export async function chooseOrg(ctx: Context, orgId: number) {
  const draft = draftOf(ctx);
  if (!draft?.kind) return ctx.say("campaigns-open-expired");
  const orgs = await openerScopes(ctx, draft.kind);
  if (!orgs.some((o) => o.id === orgId)) return ctx.say("campaigns-open-expired");
  await ctx.dialog.update("audience", { orgId, childIds: [] });
  return showAudience(ctx);
}

async function showAudience(ctx: Context) {
  const draft = draftOf(ctx)!;
  const rows = await audienceRows(ctx, draft.orgId!, draft.childIds ?? [], "camp-aud");
  if (!rows) return askClosing(ctx);
  ctx.say("campaigns-open-choose-audience", { chosen: draft.childIds?.length ?? 0 }, [
    ...rows,
    [ctx.button("campaigns-button-audience-done", "camp-aud:done")],
  ]);
}

/** Button: toggle a child organisation, or next (none chosen = the whole subtree); "all" typed clears the choice. */
export async function chooseAudience(ctx: Context, child: number | "done" | "all") {
  const draft = draftOf(ctx);
  if (!draft?.orgId || ctx.dialog.current?.step !== "audience") return ctx.say("campaigns-open-expired");
  if (child === "all") await ctx.dialog.update("audience", { childIds: [] });
  if (child === "done" || child === "all") return askClosing(ctx);
  const childIds = await toggledChildIds(ctx, draft.orgId, draft.childIds ?? [], child);
  await ctx.dialog.update("audience", { childIds });
  return showAudience(ctx);
}

async function askClosing(ctx: Context) {
  await ctx.dialog.update("closes");
  ctx.say("campaigns-open-ask-closes", {}, [
    CLOSE_IN_DAYS.map((n) =>
      ctx.button("campaigns-button-close-in", `camp-until:${n}`, { days: n, date: isoDate(addDays(today(ctx), n)) }),
    ),
  ]);
}

/** A closing-day button: so many days from today. */
export async function closeIn(ctx: Context, days: number) {
  if (!draftOf(ctx)?.orgId || ctx.dialog.current?.step !== "closes") return ctx.say("campaigns-open-expired");
  return setClosing(ctx, isoDate(addDays(today(ctx), days)));
}

async function setClosing(ctx: Context, closes: string) {
  await ctx.dialog.update("every", { closes });
  ctx.say("campaigns-open-ask-every", { closes }, [
    REMIND_RHYTHMS.map((n) =>
      ctx.button(n ? "campaigns-button-every" : "campaigns-button-every-never", `camp-every:${n || "never"}`, {
        days: n,
      }),
    ),
  ]);
}

export async function chooseEvery(ctx: Context, every: number) {
  const draft = draftOf(ctx);
  if (!draft?.closes || ctx.dialog.current?.step !== "every") return ctx.say("campaigns-open-expired");
  await ctx.dialog.update("confirm", { every });
  return preview(ctx, { ...draft, every });
}

async function preview(ctx: Context, draft: Draft) {
  const counts = await audienceCounts(
    ctx.deps.db,
    audienceOrgIds({ orgId: draft.orgId!, childIds: draft.childIds ?? [] }),
  );
  const org = await ctx.deps.db.organisation.findUniqueOrThrow({ where: { id: draft.orgId! } });
  const children = draft.childIds?.length
    ? (await ctx.deps.db.organisation.findMany({ where: { id: { in: draft.childIds } }, orderBy: { id: "asc" } }))
        .map((o) => o.name)
        .join("、")
    : "all";
  ctx.say(
    "campaigns-open-preview",
    {
      title: ctx.t(`campaigns-${draft.kind}-title`, { label: String(today(ctx).year) }),
      org: org.name,
      children,
      opens: isoDate(today(ctx)),
      closes: draft.closes!,
      every: draft.every!,
      ...counts,
    },
    [[ctx.button("campaigns-button-open-yes", "camp-go:yes"), ctx.button("campaigns-button-open-no", "camp-go:no")]],
  );
}

/** Open, or drop the draft. */
export async function confirmOpen(ctx: Context, answer: "yes" | "no") {
  const draft = draftOf(ctx);
  if (!draft?.closes || draft.every === undefined || ctx.dialog.current?.step !== "confirm") {
    return ctx.say("campaigns-open-expired");
  }
  await ctx.dialog.end();
  if (answer === "no") return ctx.say("campaigns-open-dropped");
  const [y, m, d] = draft.closes.split("-").map(Number) as [number, number, number];
  const now = today(ctx);
  const outcome = await openCampaign(
    ctx.deps,
    ctx.member!.id,
    {
      kind: draft.kind!,
      orgId: draft.orgId!,
      childIds: draft.childIds ?? [],
      label: String(now.year),
      opensOn: now,
      closesOn: { year: y, month: m, day: d },
      remindEveryDays: draft.every,
    },
    now,
  );
  switch (outcome.kind) {
    case "opened":
      ctx.say("campaigns-opened", { title: ctx.t(`campaigns-${draft.kind}-title`, { label: outcome.campaign.label }) });
      return showProgress(ctx, outcome.campaign.id);
    case "period":
      return ctx.say(`campaigns-period-${outcome.problem}`);
    case "refused":
      return ctx.say(`campaigns-open-refused-${outcome.why}`);
  }
}

/** Typed while opening: a closing day when one is asked for; otherwise the buttons are the way on. */
export async function onOpenText(ctx: Context) {
  const draft = draftOf(ctx);
  const text = ctx.incoming.text?.trim() ?? "";
  if (!draft) return "pass";
  if (ctx.dialog.current?.step === "audience" && meansWholeAudience(ctx, text)) return chooseAudience(ctx, "all");
  if (ctx.dialog.current?.step !== "closes") return "pass";
  const day = parseClosingDay(text, today(ctx));
  // Not a day, and some other request ("报表"): answered while the draft waits.
  if (!day && otherRequest(ctx, "campaign.register")) return "aside";
  if (!day) return ctx.say("campaigns-open-bad-date");
  if (compareDates(day, today(ctx)) < 0) return ctx.say("campaigns-period-closes-before-opens");
  return setClosing(ctx, isoDate(day));
}
