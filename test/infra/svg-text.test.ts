// Pictures draw their text as glyph outlines kept across pictures (svg-text.ts, glyph-cache.ts): the same picture
// as resvg laying the text out itself, and anything it cannot draw that way left as text.
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config.ts";
import { leagueSvg } from "../../bot/features/reports/named-chart.ts";
import type { LeagueRow } from "../../bot/features/reports/rules.ts";
import { CJK_FONT_FAMILY, cjkSvgToPng } from "../../bot/infra/cjk-png.ts";
import { glyphsOf } from "../../bot/infra/glyph-cache.ts";
import { textAsGlyphs } from "../../bot/infra/svg-text.ts";
import { pngPixels } from "../helpers/png-pixels.ts";

const fontFile = loadConfig({ DATABASE_URL: "postgresql://unused" }).CHART_FONT_FILE;
const family = CJK_FONT_FAMILY;

const row = (i: number, name: string, received: number, withinSla: number): LeagueRow => ({
  orgId: i,
  name,
  received,
  withinSla,
  decided: withinSla,
  medianHours: 1,
  p90Hours: 2,
  breaches: 0,
  escalations: 0,
});
// Names with spaces between words, Latin letters, an ampersand and a name long enough to be cut with "…".
const rows = [
  row(1, "华南理工大学 计算机学院团总支", 4, 1),
  row(2, "Shenzhen R&D 团委", 3, 3),
  row(3, "广州市天河区石牌街道社区第一团支部和第二团支部联合", 5, 4),
  row(4, "中大", 0, 0),
];

/** Pixels as resvg draws the SVG with the font itself, laying the text out. */
const laidOut = (svg: string) =>
  new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: family } }).render();

describe("text drawn as the font's glyph outlines", () => {
  it("draws a league chart as resvg lays its text out, to within anti-aliasing", async () => {
    const svg = leagueSvg("2026-06-22 ~ 2026-06-28", rows, family);
    const asGlyphs = textAsGlyphs(svg, fontFile, family);
    expect(asGlyphs).not.toContain("<text");
    const expected = laidOut(svg);
    const actual = laidOut(asGlyphs);
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    // A glyph placed a pixel off (a space or an advance measured wrong) differs by far more than edge shading.
    // (`pixels` copies the image at each read: once each.)
    const [want, got] = [expected.pixels, actual.pixels];
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i]! - got[i]!));
    expect(worst).toBeLessThanOrEqual(40);
    // And cjkSvgToPng, which the charts and cards use, draws it that way.
    expect(pngPixels((await cjkSvgToPng(svg, fontFile))!).pixels.equals(got)).toBe(true);
  });

  it("leaves to resvg the text it cannot draw a character at a time", () => {
    const kept = [
      `<text x="1" y="20" font-weight="bold">粗体</text>`,
      `<text x="1" y="40">表情 👍🏽</text>`,
      `<text x="1" y="60">e\u0301</text>`,
      `<text x="1" y="80"><tspan>分</tspan>段</text>`,
      `<text x="1" y="100">&#x56e2;</text>`,
    ];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="120" font-family="${family}" font-size="14">${kept.join("")}<text x="1" y="110">团</text></svg>`;
    const out = textAsGlyphs(svg, fontFile, family);
    for (const element of kept) expect(out).toContain(element);
    expect(out).not.toContain(`<text x="1" y="110">`);
    // Text in another family is not the font file's to draw.
    const other = svg.replace(`font-family="${family}"`, `font-family="serif"`);
    expect(textAsGlyphs(other, fontFile, family)).toBe(other);
  });

  it("measures each character once per font size", () => {
    const [first] = glyphsOf("团", fontFile, family, 15);
    const [again] = glyphsOf("团", fontFile, family, 15);
    expect(again).toBe(first);
    const [space] = glyphsOf(" ", fontFile, family, 15);
    // A space has no outline but moves the next character on.
    expect(space).toMatchObject({ d: "" });
    expect(space!.advance).toBeGreaterThan(2);
    expect(first!.advance).toBeCloseTo(15, 0);
  });
});
