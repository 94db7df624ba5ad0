// An SVG's text drawn as the font's glyph outlines (glyph-cache.ts), so resvg rasterises shapes it already has
// instead of laying the text out again: each distinct glyph once in <defs>, each character a <use> of it. Only the
// plain text elements our pictures write are rewritten — x, y, font-size, fill and text-anchor, one line of
// characters drawn one after another; anything else (other attributes, nested elements, entities we do not write,
// characters that combine or join) stays text for resvg to lay out as before.
import { type Glyph, glyphsOf } from "./glyph-cache.ts";

const TEXT = /<text((?:\s+[\w:-]+="[^"]*")*)\s*>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const REWRITTEN = new Set(["x", "y", "font-size", "fill", "text-anchor"]);
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Marks (combining, variation selectors), joiners and pictographs: shaped together, so left to resvg. */
const SHAPED = /\p{M}|[\u200b-\u200f]|\p{Extended_Pictographic}/u;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const attributesOf = (text: string) => Object.fromEntries([...text.matchAll(ATTRIBUTE)].map(([, k, v]) => [k!, v!]));

/** The characters a text element shows: entities decoded, white space collapsed and trimmed as SVG does. */
function charactersOf(content: string): string | null {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(content)) return null;
  return content
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[\r\n]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The SVG with its plain text elements as glyph outlines, `family` being the font file's family. */
export function textAsGlyphs(svg: string, fontFile: string, family: string): string {
  const root = attributesOf(/<svg\b[^>]*>/.exec(svg)?.[0] ?? "");
  // Only text in the font file's family is ours to draw.
  if (root["font-family"] !== family) return svg;
  const ids = new Map<Glyph, string>();
  const rewritten = svg.replace(TEXT, (element, attributeText: string, content: string) => {
    const attrs = attributesOf(attributeText);
    const size = attrs["font-size"] ?? root["font-size"];
    const chars = charactersOf(content);
    if (
      chars === null ||
      SHAPED.test(chars) ||
      !size ||
      ![attrs.x ?? "0", attrs.y ?? "0", size].every((v) => NUMBER.test(v)) ||
      !Object.keys(attrs).every((k) => REWRITTEN.has(k))
    ) {
      return element;
    }
    const glyphs = glyphsOf(chars, fontFile, family, Number(size));
    const width = glyphs.reduce((w, g) => w + g.advance, 0);
    const anchor = attrs["text-anchor"] ?? "start";
    let x = Number(attrs.x ?? 0) - (anchor === "end" ? width : anchor === "middle" ? width / 2 : 0);
    const y = Number(attrs.y ?? 0);
    const uses: string[] = [];
    for (const glyph of glyphs) {
      if (glyph.d) {
        let id = ids.get(glyph);
        if (!id) {
          id = `g${ids.size}`;
          ids.set(glyph, id);
        }
        uses.push(`<use href="#${id}" x="${round(x)}" y="${round(y)}"/>`);
      }
      x += glyph.advance;
    }
    return `<g${attrs.fill ? ` fill="${attrs.fill}"` : ""}>${uses.join("")}</g>`;
  });
  if (!ids.size) return rewritten;
  const defs = [...ids].map(([glyph, id]) => `<path id="${id}" d="${glyph.d}"/>`).join("");
  return rewritten.replace(/<svg\b[^>]*>/, (open) => `${open}<defs>${defs}</defs>`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
