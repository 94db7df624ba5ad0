// SVG to PNG with one CJK font file given by path (CHART_FONT_FILE): the system's font lookup is not trusted, since
// without a CJK font it draws empty boxes. Shared by every picture with Chinese text in it (the league chart, the
// member card); reads the font file, nothing else. Plain text is drawn as glyph outlines kept across pictures
// (svg-text.ts): laying text out was most of a chart's time.
import { existsSync } from "node:fs";
import { renderAsync } from "@resvg/resvg-js";
import { opaquePng } from "./png-encode.ts";
import { textAsGlyphs } from "./svg-text.ts";

/** The family name to write in the SVG's font-family: the font the project installs (WenQuanYi Micro Hei). */
export const CJK_FONT_FAMILY = "WenQuanYi Micro Hei";

/**
 * The PNG, or null when the font file is missing (callers fall back to something without Chinese glyphs). Parsed,
 * rasterised and compressed on libuv's thread pool, not the event loop (about 5 ms and 6 ms for a 10-row league
 * chart, which the report worker's lanes did one at a time while the rest of the process waited).
 */
export async function cjkSvgToPng(svg: string, fontFile: string): Promise<Buffer | null> {
  if (!fontFile || !existsSync(fontFile)) return null;
  const drawn = textAsGlyphs(svg, fontFile, CJK_FONT_FAMILY);
  // Only text left for resvg to lay out needs the font: loading the 5 MB file cost a picture drawn all in outlines
  // 2.4 ms for nothing.
  const font = drawn.includes("<text")
    ? { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CJK_FONT_FAMILY }
    : { loadSystemFonts: false };
  const image = await renderAsync(drawn, { font, fitTo: { mode: "original" } });
  return (await opaquePng(image.pixels, image.width, image.height)) ?? Buffer.from(image.asPng());
}

/** Text for an SVG element or attribute. */
export const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
