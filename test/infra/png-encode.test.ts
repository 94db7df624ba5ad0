// Pictures are compressed to PNG off the event loop (png-encode.ts): a file any decoder reads as the pixels drawn,
// and resvg's own encoder wherever a pixel is not opaque.

import { crc32 } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config.ts";
import { leagueSvg } from "../../bot/features/reports/named-chart.ts";
import { CJK_FONT_FAMILY, cjkSvgToPng } from "../../bot/infra/cjk-png.ts";
import { opaquePng } from "../../bot/infra/png-encode.ts";
import { textAsGlyphs } from "../../bot/infra/svg-text.ts";
import { pngPixels } from "../helpers/png-pixels.ts";

const fontFile = loadConfig({ DATABASE_URL: "postgresql://unused" }).CHART_FONT_FILE;
const draw = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render();

/** Each chunk's type, and whether its CRC (over type and data) is right. */
function chunks(png: Buffer): { type: string; crcOk: boolean }[] {
  const found = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    found.push({
      type: typeAndData.subarray(0, 4).toString("latin1"),
      crcOk: crc32(typeAndData) === png.readUInt32BE(at + 8 + length),
    });
    at += 12 + length;
  }
  return found;
}

describe("PNG encoding of opaque pictures", () => {
  it("writes a file another decoder reads back as the very pixels drawn", async () => {
    // Flat colours, a gradient and an odd width: every byte of a row counts.
    const image = draw(
      `<svg xmlns="http://www.w3.org/2000/svg" width="37" height="21"><defs><linearGradient id="g"><stop offset="0" stop-color="#c8102e"/><stop offset="1" stop-color="#0a64b4"/></linearGradient></defs><rect width="100%" height="100%" fill="#fffaf0"/><circle cx="18" cy="10" r="8" fill="url(#g)"/></svg>`,
    );
    const png = (await opaquePng(image.pixels, image.width, image.height))!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(chunks(png)).toEqual([
      { type: "IHDR", crcOk: true },
      { type: "IDAT", crcOk: true },
      { type: "IEND", crcOk: true },
    ]);
    const read = pngPixels(png);
    expect([read.width, read.height]).toEqual([37, 21]);
    expect(read.pixels.equals(image.pixels)).toBe(true);
  });

  it("declines a picture with a pixel that is not opaque, whose premultiplied colour PNG cannot hold", async () => {
    const image = draw(
      `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="3" fill="#ffffff"/><rect x="3" y="3" width="1" height="1" fill="#ff8000" fill-opacity="0.5"/></svg>`,
    );
    expect(await opaquePng(image.pixels, image.width, image.height)).toBeNull();
    await expect(opaquePng(image.pixels, 5, 4)).rejects.toThrow("not 5×4 RGBA");
  });

  it("gives the league chart as drawn, and a see-through picture through resvg's own encoder", async () => {
    const row = {
      orgId: 1,
      name: "计算机学院团总支",
      received: 5,
      withinSla: 4,
      decided: 4,
      medianHours: 1,
      p90Hours: 2,
      breaches: 0,
      escalations: 0,
    };
    const chart = leagueSvg("2026-06-22 ~ 2026-06-28", [row], CJK_FONT_FAMILY);
    const png = (await cjkSvgToPng(chart, fontFile))!;
    // Its text is drawn as glyph outlines (svg-text.ts), so no font is needed to draw it again here.
    expect(pngPixels(png).pixels.equals(draw(textAsGlyphs(chart, fontFile, CJK_FONT_FAMILY)).pixels)).toBe(true);
    const seeThrough = `<svg xmlns="http://www.w3.org/2000/svg" width="6" height="6"><circle cx="3" cy="3" r="2" fill="#c8102e" fill-opacity="0.4"/></svg>`;
    const kept = (await cjkSvgToPng(seeThrough, fontFile))!;
    expect(kept.equals(Buffer.from(draw(seeThrough).asPng()))).toBe(true);
  });
});
