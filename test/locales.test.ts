// Every message exists in every locale, and every key the code uses exists.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { createI18n, locales, localesDir } from "../bot/core/i18n.ts";
import { root } from "./helpers/run-script.ts";

function keysOf(locale: string): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const file of readdirSync(path.join(localesDir, locale)).filter((f) => f.endsWith(".ftl"))) {
    const resource = new FluentResource(readFileSync(path.join(localesDir, locale, file), "utf8"));
    byFile.set(file, new Set(resource.body.map((m) => m.id)));
  }
  return byFile;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => path.join(d.parentPath, d.name));
}

describe("locales", () => {
  it("have the same files and keys in zh-CN and en", () => {
    const [zh, en] = locales.map(keysOf) as [Map<string, Set<string>>, Map<string, Set<string>>];
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [file, keys] of zh) {
      expect([...(en.get(file) ?? [])].sort(), file).toEqual([...keys].sort());
    }
  });

  it("parse completely (a broken entry would silently vanish)", () => {
    for (const locale of locales) {
      for (const [file, keys] of keysOf(locale)) {
        const source = readFileSync(path.join(localesDir, locale, file), "utf8");
        const declared = [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]);
        expect([...keys].sort(), `${locale}/${file}`).toEqual(declared.sort());
      }
    }
  });

  it("prefix each key with its file's feature", () => {
    for (const [file, keys] of keysOf("zh-CN")) {
      const feature = file.replace(/\.ftl$/, "");
      for (const key of keys) expect(key.startsWith(`${feature}-`), `${file}: ${key}`).toBe(true);
    }
  });

  it("hold every key the code asks for", () => {
    const i18n = createI18n("zh-CN");
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(root, "bot")), ...sourceFiles(path.join(root, "workers"))]) {
      const code = readFileSync(file, "utf8");
      for (const m of code.matchAll(/\b(?:say|t|button|early|messageKey:?)\(?\s*"([a-z][a-z0-9-]*(?:\.[a-z]+)?)"/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((k) => locales.some((l) => !i18n.has(l, k)));
    expect(missing).toEqual([]);
  });
});
