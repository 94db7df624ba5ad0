// SVG to PNG with one CJK font file given by path (CHART_FONT_FILE): the system's font lookup is not trusted, since
// without a CJK font it draws empty boxes. Shared by every picture with Chinese text in it (the league chart, the
// member card); reads the font file, nothing else. Plain text is drawn as glyph outlines kept across pictures
// (svg-text.ts): laying text out was most of a chart's time.
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { textAsGlyphs } from "./svg-text.ts";

/** The family name to write in the SVG's font-family: the font the project installs (WenQuanYi Micro Hei). */
export const CJK_FONT_FAMILY = "WenQuanYi Micro Hei";

/** The PNG, or null when the font file is missing (callers fall back to something without Chinese glyphs). */
export function cjkSvgToPng(svg: string, fontFile: string): Buffer | null {
  if (!fontFile || !existsSync(fontFile)) return null;
  const resvg = new Resvg(textAsGlyphs(svg, fontFile, CJK_FONT_FAMILY), {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CJK_FONT_FAMILY },
    fitTo: { mode: "original" },
  });
  return Buffer.from(resvg.render().asPng());
}

/** Text for an SVG element or attribute. */
export const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
