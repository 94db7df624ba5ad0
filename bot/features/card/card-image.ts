// The 电子团员证 as a PNG: a red band with the title, the member's name, masked 编号, organisation and join date in
// the project's CJK font, and a QR code of the verify address on the right. Pure apart from reading the font file.
import QRCode from "qrcode";
import { CJK_FONT_FAMILY, cjkSvgToPng, xmlText as xml } from "../../infra/cjk-png.ts";

export const CARD_WIDTH = 720;
export const CARD_HEIGHT = 400;
/** The red band across the top, with the title in it. */
export const BAND_HEIGHT = 72;
/** The text column: from the left margin to the QR code. */
export const TEXT_LEFT = 32;
export const QR_LEFT = 460;
export const QR_TOP = 110;
export const QR_SIZE = 228;
/** Top of the first field's row; each field takes LINE_HEIGHT (label above value). */
export const FIELDS_TOP = 96;
export const LINE_HEIGHT = 66;
const MAX_VALUE_CHARS = 14;

export interface CardText {
  title: string;
  /** Label and value, top to bottom: name first. */
  fields: ReadonlyArray<readonly [string, string]>;
  /** Under the QR code: what scanning it does. */
  qrCaption: string;
}

const shorten = (text: string) => {
  const chars = [...text];
  return chars.length <= MAX_VALUE_CHARS ? text : `${chars.slice(0, MAX_VALUE_CHARS - 1).join("")}…`;
};

/** The QR code's dark modules as one SVG path, scaled into a QR_SIZE square at (QR_LEFT, QR_TOP). */
function qrPath(url: string): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = QR_SIZE / (modules.size + 2 * quiet);
  const d: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const x = QR_LEFT + (col + quiet) * cell;
      const y = QR_TOP + (row + quiet) * cell;
      d.push(`M${x.toFixed(2)} ${y.toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`);
    }
  }
  return `<rect x="${QR_LEFT}" y="${QR_TOP}" width="${QR_SIZE}" height="${QR_SIZE}" fill="#ffffff"/><path d="${d.join("")}" fill="#000000" shape-rendering="crispEdges"/>`;
}

/** The card as SVG text. Exported for the tests. */
export function cardSvg(text: CardText, url: string, family: string): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="${xml(family)}">`,
    `<rect width="100%" height="100%" fill="#fffaf0"/>`,
    `<rect width="100%" height="${BAND_HEIGHT}" fill="#c8102e"/>`,
    `<text x="${TEXT_LEFT}" y="${BAND_HEIGHT / 2 + 11}" font-size="30" fill="#ffde00">${xml(text.title)}</text>`,
  ];
  text.fields.forEach(([label, value], i) => {
    const top = FIELDS_TOP + i * LINE_HEIGHT;
    parts.push(
      `<text x="${TEXT_LEFT}" y="${top + 18}" font-size="16" fill="#7a7a7a">${xml(label)}</text>`,
      `<text x="${TEXT_LEFT}" y="${top + 50}" font-size="${i === 0 ? 30 : 24}" fill="#1a1a1a">${xml(shorten(value))}</text>`,
    );
  });
  parts.push(
    qrPath(url),
    `<text x="${QR_LEFT + QR_SIZE / 2}" y="${QR_TOP + QR_SIZE + 26}" font-size="14" text-anchor="middle" fill="#7a7a7a">${xml(text.qrCaption)}</text>`,
    "</svg>",
  );
  return parts.join("");
}

/** The PNG, or null when the font file is missing (the caller says so rather than send a card of empty boxes). */
export function drawCard(text: CardText, url: string, fontFile: string): Promise<Buffer | null> {
  return cjkSvgToPng(cardSvg(text, url, CJK_FONT_FAMILY), fontFile);
}
