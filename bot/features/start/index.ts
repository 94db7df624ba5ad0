// First contact, help, the language switch, "cancel", and the menu for text nobody understood.
import { wordArg } from "../../core/args.ts";
import { buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { type Locale, locales } from "../../core/i18n.ts";
import { Role } from "../../infra/db.ts";
import { checkinFromLink } from "../activities/checkin.ts";
import { CHECKIN_LINK_PREFIX } from "../activities/rules.ts";
import { type RoleGrant, rolesOf } from "../orgs/scope.ts";

/** The menu: the main things a person can do, as buttons that run those intents. */
export function menuButtons(ctx: Context) {
  return [
    [ctx.button("start-menu-status", "go:membership.status"), ctx.button("start-menu-dues", "go:dues.status")],
    [ctx.button("start-menu-transfer", "go:transfer.start"), ctx.button("start-menu-activities", "go:activity.list")],
    [ctx.button("start-menu-bind", "go:bind"), ctx.button("start-menu-language", "go:language")],
  ];
}

/** Which officer menu a person's roles earn: a committee's is a leader's plus the subtree views. */
export function officerMenu(roles: readonly RoleGrant[]): "committee" | "leader" | null {
  if (roles.some((g) => g.role === Role.COMMITTEE_STAFF || g.role === Role.ADMIN)) return "committee";
  if (roles.length) return "leader";
  return null;
}

/** An officer's buttons above the member's: the work waiting for them first. */
async function roleMenu(ctx: Context) {
  const kind = ctx.member ? officerMenu(await rolesOf(ctx.deps.db, ctx.member.id)) : null;
  const officer = kind
    ? [
        [
          ctx.button("start-menu-pending", "go:transfer.pending"),
          ctx.button("start-menu-dues-review", "go:duesleaders.review"),
        ],
        [ctx.button("start-menu-notice", "go:notice.create"), ctx.button("start-menu-report", "go:report.league")],
        ...(kind === "committee"
          ? [
              [
                ctx.button("start-menu-unread", "go:notice.progress"),
                ctx.button("start-menu-dues-orgs", "go:duesleaders.orgs"),
              ],
            ]
          : []),
      ]
    : [];
  return [...officer, ...menuButtons(ctx)];
}

async function start(ctx: Context) {
  // A deep link's payload (t.me/<bot>?start=checkin_123456, the check-in QR code) arrives as /start's argument.
  if (ctx.arg.startsWith(CHECKIN_LINK_PREFIX)) return checkinFromLink(ctx);
  const name = ctx.member?.name;
  ctx.say(name ? "start-welcome-back" : "start-welcome", { name }, await roleMenu(ctx));
}

async function help(ctx: Context) {
  // Officers see their own commands too; members are not shown what they cannot use.
  const officer = ctx.member && (await rolesOf(ctx.deps.db, ctx.member.id)).length > 0;
  const text = ctx.t("start-help-text");
  ctx.reply(officer ? `${text}\n${ctx.t("start-help-leaders")}` : text, await roleMenu(ctx));
}

/**
 * "/lang en", "/lang 中文", "switch to English", "请用中文回复": the one language named is set at once; otherwise, or
 * with both named, the question.
 */
async function askLanguage(ctx: Context) {
  const named = ctx.arg ? localesNamed(ctx, ctx.arg, false) : localesNamed(ctx, ctx.incoming.text ?? "", true);
  if (named.length === 1) return setLanguage(ctx, named[0]!);
  ctx.say("start-lang-choose", {}, [
    [ctx.button("start-lang-zh", "lang:zh-CN"), ctx.button("start-lang-en", "lang:en")],
  ]);
}

/** Each catalogue names its own language (start-lang-names); inside a sentence only names that cannot be part of
 * another word count (中文, english — not "en"). */
function localesNamed(ctx: Context, said: string, inSentence: boolean): Locale[] {
  const text = said.trim().toLowerCase();
  if (!text) return [];
  return locales.filter((locale) =>
    ctx.deps.i18n
      .words(locale, "start-lang-names")
      .map((name) => name.toLowerCase())
      .some((name) =>
        inSentence ? name.length >= 2 && !/^[a-z-]{1,5}$/.test(name) && text.includes(name) : name === text,
      ),
  );
}

async function setLanguage(ctx: Context, locale: Locale) {
  await ctx.deps.db.chatIdentity.update({ where: { id: ctx.identity.id }, data: { locale } });
  ctx.locale = locale;
  ctx.t = ctx.deps.i18n.translator(locale);
  ctx.say("start-lang-set");
}

async function cancel(ctx: Context) {
  if (ctx.dialog.current) {
    await ctx.dialog.end();
    ctx.say("start-cancel-done");
  } else {
    ctx.say("start-cancel-nothing");
  }
}

async function unknown(ctx: Context) {
  ctx.say("start-unknown-text", {}, await roleMenu(ctx));
}

export const startFeature: Feature = {
  name: "start",
  commands: {
    start: { intent: "start", handler: start },
    help: { intent: "help", handler: help },
    lang: { intent: "language", handler: askLanguage },
    language: { intent: "language", handler: askLanguage },
    cancel: { intent: "cancel", handler: cancel },
  },
  buttons: {
    lang: buttonAction("language", wordArg(locales), setLanguage, {}),
  },
  intents: {
    start: { intent: "start", handler: start },
    help: { intent: "help", handler: help },
    language: { intent: "language", handler: askLanguage },
    cancel: { intent: "cancel", handler: cancel },
    unknown: { intent: "unknown", handler: unknown },
  },
};
