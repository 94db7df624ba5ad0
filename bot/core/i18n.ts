// Fluent catalogues: locales/<locale>/<feature>.ftl, the same keys in every locale (test/locales.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export type Args = Record<string, FluentVariable | null | undefined>;
export type Translate = (key: string, args?: Args) => string;

export const localesDir = path.resolve(import.meta.dirname, "../../locales");

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Maps a platform's language code ("en-US", "zh-Hans") to one of ours, or undefined. */
export function matchLocale(code: string | undefined | null): Locale | undefined {
  if (!code) return undefined;
  const lower = code.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return undefined;
}

export function loadCatalogue(locale: Locale, dir = localesDir): FluentBundle {
  // Isolation marks would show up as stray characters in chat apps.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const folder = path.join(dir, locale);
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".ftl"))
    .sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(path.join(folder, file), "utf8")));
    if (errors.length) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join("; ")}`);
  }
  return bundle;
}

/** The arguments without the empty ones (null or undefined count as not given); the same object when none is empty. */
function withoutEmpty(args: Args): Record<string, FluentVariable> {
  for (const key in args) {
    if (args[key] === null || args[key] === undefined) {
      return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined)) as Record<
        string,
        FluentVariable
      >;
    }
  }
  return args as Record<string, FluentVariable>;
}

export interface I18n {
  defaultLocale: Locale;
  t(locale: Locale, key: string, args?: Args): string;
  has(locale: Locale, key: string): boolean;
  /** A message that is a comma-separated word list (matching data: "…-words"), as its words. */
  words(locale: Locale, key: string, args?: Args): string[];
  /** The same list in every language: people write in either, whatever language their chat is set to. */
  wordsEverywhere(key: string, args?: Args): string[];
  translator(locale: Locale): Translate;
}

export function createI18n(defaultLocale: Locale, dir = localesDir): I18n {
  const bundles = new Map(locales.map((l) => [l, loadCatalogue(l, dir)]));
  const format = (bundle: FluentBundle, key: string, args?: Args) => {
    const [id, attr] = key.split(".", 2) as [string, string | undefined];
    const message = bundle.getMessage(id);
    const pattern = attr ? message?.attributes[attr] : message?.value;
    if (!pattern) return undefined;
    return bundle.formatPattern(pattern, args && withoutEmpty(args));
  };
  const i18n: I18n = {
    defaultLocale,
    t(locale, key, args) {
      // A missing key shows itself rather than an empty message; the parity test keeps this from shipping.
      return format(bundles.get(locale)!, key, args) ?? format(bundles.get(defaultLocale)!, key, args) ?? key;
    },
    has(locale, key) {
      const [id, attr] = key.split(".", 2) as [string, string | undefined];
      const message = bundles.get(locale)!.getMessage(id);
      return Boolean(attr ? message?.attributes[attr] : message?.value);
    },
    words(locale, key, args) {
      return i18n
        .t(locale, key, args)
        .split(/[,，]/)
        .map((word) => word.trim())
        .filter(Boolean);
    },
    wordsEverywhere(key, args) {
      return locales.flatMap((locale) => i18n.words(locale, key, args));
    },
    translator(locale) {
      return (key, args) => i18n.t(locale, key, args);
    },
  };
  return i18n;
}
