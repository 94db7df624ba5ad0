// 电子团员证: /card (or "我的团员证") sends the bound member their card as a PNG. Each card carries a new verify
// token, so the card sent before stops verifying.
import type { Action, Context, Feature } from "../../core/feature.ts";
import { formatDay } from "../membership/format.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import { drawCard } from "./card-image.ts";
import { issueCard, verifyUrl } from "./card-service.ts";

async function showCard(ctx: Context) {
  const member = ctx.member!;
  // A card is proof of membership: nobody who left gets one (their old card already scans as "not valid").
  if (member.status !== "ACTIVE") return ctx.say("card-not-active");
  const org = await ctx.deps.db.organisation.findUniqueOrThrow({ where: { id: member.orgId }, select: { name: true } });
  const { token, expiresAt } = await issueCard(ctx.deps, member.id);
  const png = await drawCard(
    {
      title: ctx.t("card-title"),
      fields: [
        [ctx.t("card-field-name"), member.name],
        [ctx.t("card-field-code"), maskMemberCode(member.code)],
        [ctx.t("card-field-org"), org.name],
        [ctx.t("card-field-joined"), formatDay(member.joinedAt, ctx.locale)],
      ],
      qrCaption: ctx.t("card-qr-caption"),
    },
    verifyUrl(ctx.deps.config.PUBLIC_URL, token),
    ctx.deps.config.CHART_FONT_FILE,
  );
  await ctx.deps.audit.record({
    actorId: member.id,
    action: "card.issue",
    orgId: member.orgId,
    targetType: "member",
    targetId: member.id,
  });
  if (!png) return ctx.say("card-no-font");
  ctx.say("card-sent", { until: formatDay(expiresAt, ctx.locale) });
  ctx.replies.at(-1)!.image = png;
}

const card: Action = { intent: "card.show", handler: showCard, needsMember: true };

export const cardFeature: Feature = {
  name: "card",
  commands: { card },
  intents: { "card.show": card },
};
