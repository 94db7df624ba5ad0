import { z } from "zod";
// "不在列表中": the destination is not in Tuanzhu (字节跳动, 北京大学). The member picks the province and city
// from the tree's 省/市 levels (or leaves it to their own committee) and types the name; the request goes to that
// committee, which approves it and assigns the right organisation. The member is told who will handle it.
import type { Context } from "../../core/feature.ts";
import type { Button } from "../../core/types.ts";
import { OrgLevel } from "../../infra/db.ts";
import { type Draft, draftOf, showSummary, stepOf } from "./apply.ts";
import { cleanDestinationName, ownCommittee } from "./rules.ts";

/** Buttons per list: enough for every province, and a city list a person can read. */
const MAX_AREA_BUTTONS = 40;

/** The button offered beside search results, and when nothing was found. */
export const outsideButton = (ctx: Context): Button[] => [ctx.button("transfers-button-outside", "tr-outside:start")];

/** Button "不在列表中": the provinces of the tree, and "not sure" (the member's own committee). */
export async function startOutside(ctx: Context) {
  const draft = draftOf(ctx);
  if (!draft?.memberId || !draft.reason || stepOf(ctx) !== "destination") return ctx.say("transfers-expired");
  // 转入 by a leader names an organisation of their own: nothing outside Tuanzhu applies.
  if (draft.mode === "in") return ctx.say("transfers-outside-not-for-in");
  const provinces = await ctx.deps.db.organisation.findMany({
    where: { level: OrgLevel.PROVINCE },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
    take: MAX_AREA_BUTTONS,
  });
  await ctx.dialog.update("outside-area");
  return ctx.say("transfers-outside-ask-province", {}, [
    ...provinces.map((p) => [{ label: p.name, payload: `tr-area:${p.id}` }]),
    [ctx.button("transfers-outside-own", "tr-area:own")],
  ]);
}

/** "own", a province or city id, or "p<id>" (the province itself); the handler reads the organisation again. */
export const areaArg = z.string().regex(/^(own|p?[1-9]\d{0,8})$/);

/**
 * Button: a province (then its cities are offered), a city, "p<id>" (the province itself: the city is not
 * listed), or "own". The payload could be forged: the organisation is read again and must be a province or city.
 */
export async function chooseArea(ctx: Context) {
  const draft = draftOf(ctx);
  if (!draft?.memberId || stepOf(ctx) !== "outside-area") return ctx.say("transfers-expired");
  const { db } = ctx.deps;
  if (ctx.arg === "own") {
    const member = await db.member.findUniqueOrThrow({
      where: { id: draft.memberId },
      select: { org: { select: { ancestorIds: true } } },
    });
    const above = await db.organisation.findMany({
      where: { id: { in: member.org.ancestorIds } },
      select: { id: true, name: true, level: true },
    });
    const nearestFirst = [...member.org.ancestorIds].reverse().map((id) => above.find((o) => o.id === id)!);
    const own = ownCommittee(nearestFirst.filter(Boolean));
    if (!own) return ctx.say("transfers-expired");
    return askName(ctx, own);
  }
  const whole = ctx.arg.startsWith("p");
  const id = Number(whole ? ctx.arg.slice(1) : ctx.arg);
  const org = Number.isInteger(id)
    ? await db.organisation.findUnique({ where: { id }, select: { id: true, name: true, level: true } })
    : null;
  if (!org || (org.level !== OrgLevel.PROVINCE && org.level !== OrgLevel.CITY)) return ctx.say("transfers-expired");
  if (org.level === OrgLevel.PROVINCE && !whole) {
    const cities = await db.organisation.findMany({
      where: { parentId: org.id, level: OrgLevel.CITY },
      select: { id: true, name: true },
      orderBy: { code: "asc" },
      take: MAX_AREA_BUTTONS,
    });
    if (cities.length) {
      return ctx.say("transfers-outside-ask-city", { province: org.name }, [
        ...cities.map((c) => [{ label: c.name, payload: `tr-area:${c.id}` }]),
        [ctx.button("transfers-outside-other-city", `tr-area:p${org.id}`)],
      ]);
    }
  }
  return askName(ctx, org);
}

async function askName(ctx: Context, committee: { id: number; name: string }) {
  await ctx.dialog.update("outside-name", { toOrgId: committee.id } satisfies Partial<Draft>);
  return ctx.say("transfers-outside-ask-name", { committee: committee.name });
}

/** The typed name of the organisation not in Tuanzhu: then the summary, as for any destination. */
export async function takeOutsideName(ctx: Context, text: string) {
  const cleaned = cleanDestinationName(text);
  if ("problem" in cleaned) return ctx.say(`transfers-outside-name-${cleaned.problem}`);
  await ctx.dialog.update("confirm", { destinationName: cleaned.name } satisfies Partial<Draft>);
  return showSummary(ctx);
}
