// The command menu Telegram shows beside the text box, in every language we speak.
import type { Api } from "grammy";
import { type I18n, type Locale, locales } from "../../core/i18n.ts";

/** The commands the help text advertises, each with its catalogue key. */
export const menuCommands = [
  { command: "start", key: "telegram-command-start" },
  { command: "help", key: "telegram-command-help" },
  { command: "me", key: "telegram-command-me" },
  { command: "card", key: "telegram-command-card" },
  { command: "dues", key: "telegram-command-dues" },
  { command: "pay", key: "telegram-command-pay" },
  { command: "change", key: "telegram-command-change" },
  { command: "transfer", key: "telegram-command-transfer" },
  { command: "activities", key: "telegram-command-activities" },
  { command: "checkin", key: "telegram-command-checkin" },
  { command: "hours", key: "telegram-command-hours" },
  { command: "join", key: "telegram-command-join" },
  { command: "joinstatus", key: "telegram-command-joinstatus" },
  { command: "leave", key: "telegram-command-leave" },
  { command: "pending", key: "telegram-command-pending" },
  { command: "evaluate", key: "telegram-command-evaluate" },
  { command: "recommend", key: "telegram-command-recommend" },
  { command: "bind", key: "telegram-command-bind" },
  { command: "unbind", key: "telegram-command-unbind" },
  { command: "lang", key: "telegram-command-lang" },
  { command: "cancel", key: "telegram-command-cancel" },
] as const;

export function commandList(i18n: I18n, locale: Locale) {
  return menuCommands.map(({ command, key }) => ({ command, description: i18n.t(locale, key) }));
}

/** Telegram wants ISO 639-1 codes. */
const languageCodes = { "zh-CN": "zh", en: "en" } as const satisfies Record<Locale, string>;

export function languageCodeOf(locale: Locale) {
  return languageCodes[locale];
}

/**
 * The default list in the default locale, then one list per other locale for people whose app is in that
 * language. Throws the API's error; the caller decides whether a missing menu matters.
 */
export async function registerCommands(api: Api, i18n: I18n): Promise<void> {
  await api.setMyCommands(commandList(i18n, i18n.defaultLocale));
  for (const locale of locales.filter((l) => l !== i18n.defaultLocale)) {
    await api.setMyCommands(commandList(i18n, locale), { language_code: languageCodeOf(locale) });
  }
}
