// A PNG's pixels as another decoder reads them: resvg draws the file as an image at its own size, so a file it
// cannot read, or reads differently, shows in the pixels (premultiplied RGBA, as resvg's `pixels` gives them).
import { Resvg } from "@resvg/resvg-js";

export function pngPixels(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}
