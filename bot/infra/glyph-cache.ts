// Glyph outlines of the CJK font, kept across pictures. resvg lays text out afresh in every picture and reads each
// glyph's outline from the font file at every occurrence (measured: about 0.8 ms a text element plus 0.15 ms a
// character; a league chart's 60-odd labels cost about 100 ms of its 130), while the same few hundred characters come
// back in every chart. So each character's outline and advance are asked of resvg once — its own outlines, so
// the picture looks as before — and pictures draw their text as those outlines (svg-text.ts).
// A memo of the font file, nothing more: kept in the module, since it only ever saves time.
import { Resvg } from "@resvg/resvg-js";

export interface Glyph {
  /** The outline as path data, at the origin on the baseline ("" for a blank such as a space). */
  d: string;
  /** How far the next character starts to the right. */
  advance: number;
}

/** Characters kept per font file and size before the cache starts afresh (a few thousand names' worth). */
const MAX_GLYPHS = 20_000;
/** A character whose outline starts the reference text: any glyph with ink. */
const REFERENCE = "口";

const caches = new Map<string, Map<string, Glyph>>();
const referenceX = new Map<string, number>();

const svgOf = (family: string, size: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" font-family="${family}" font-size="${size}">${body}</svg>`;

/** Every path's data in resvg's own rendering of an SVG, in document order, with its first point. */
function pathsOf(svg: string, fontFile: string, family: string) {
  const simplified = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: family },
  }).toString();
  return [...simplified.matchAll(/ d="([^"]*)"/g)].map(([, d]) => {
    const [x, y] = (/^M\s*(-?[\d.e-]+)[\s,]+(-?[\d.e-]+)/.exec(d!) ?? []).slice(1).map(Number);
    return { d: d!, x: x ?? Number.NaN, y: y ?? Number.NaN };
  });
}

/** Where the first of two reference characters starts when they end at x = 0 (once per font and size). */
function referenceStart(fontFile: string, family: string, size: number): number {
  const key = `${fontFile}\0${family}\0${size}`;
  let x = referenceX.get(key);
  if (x === undefined) {
    const pair = `<text x="0" y="0" text-anchor="end">${REFERENCE}${REFERENCE}</text>`;
    x = pathsOf(svgOf(family, size, pair), fontFile, family)[0]!.x;
    referenceX.set(key, x);
  }
  return x;
}

/**
 * One character's glyph at a font size. Its outline is resvg's at the origin; its advance is how much further left
 * the first reference character starts when the character stands between two of them, all ending at x = 0 (a blank
 * has no outline to measure, and at the end of a text it would not count at all; the reference has one).
 */
function measure(char: string, fontFile: string, family: string, size: number): Glyph {
  const escaped = char.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const paths = pathsOf(
    svgOf(
      family,
      size,
      `<text x="0" y="0">${escaped}</text><text x="0" y="${size * 10}" text-anchor="end">${REFERENCE}${escaped}${REFERENCE}</text>`,
    ),
    fontFile,
    family,
  );
  // The triple sits ten sizes down: whatever starts above that is the character alone.
  const alone = paths.find((p) => p.y < size * 5);
  const triple = paths.find((p) => p.y >= size * 5);
  if (!triple) throw new Error(`no outline for the reference character at size ${size}`);
  return { d: alone?.d ?? "", advance: referenceStart(fontFile, family, size) - triple.x };
}

/** The glyph of each character of `text` (by code point), measured on first use. */
export function glyphsOf(text: string, fontFile: string, family: string, size: number): Glyph[] {
  const key = `${fontFile}\0${family}\0${size}`;
  let cache = caches.get(key);
  if (!cache || cache.size > MAX_GLYPHS) {
    cache = new Map();
    caches.set(key, cache);
  }
  return [...text].map((char) => {
    let glyph = cache.get(char);
    if (!glyph) {
      glyph = measure(char, fontFile, family, size);
      cache.set(char, glyph);
    }
    return glyph;
  });
}
