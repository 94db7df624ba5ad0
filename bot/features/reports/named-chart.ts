// The league table as a PNG with each organisation's name beside its bar: an SVG drawn here, rasterised with the
// project's CJK font (infra/cjk-png.ts). Pure apart from reading the font file; figures in, bytes out.
import { CJK_FONT_FAMILY, cjkSvgToPng, xmlText as xml } from "../../infra/cjk-png.ts";
import { barColour } from "./chart.ts";
import { type LeagueRow, responseRate } from "./rules.ts";

export const NAMED_CHART_WIDTH = 720;
/** Name column on the left; bars from NAME_COLUMN to the right margin. */
export const NAME_COLUMN = 250;
const RIGHT = 60;
export const TOP = 50;
export const ROW_HEIGHT = 26;
const BOTTOM = 30;
const FONT_SIZE = 14;
/** Long names are cut with an ellipsis so they stay in their column (a CJK glyph is about FONT_SIZE wide). */
const MAX_NAME_CHARS = Math.floor((NAME_COLUMN - 16) / FONT_SIZE);

/** A second part under the transfer bars: one open campaign's completion per organisation (0–1 done). */
export interface ChartSection {
  caption: string;
  bars: { name: string; share: number }[];
}

/** The height for `rows` transfer bars and the sections under them (each a caption line and its bars). */
export const namedChartHeight = (rows: number, sections: readonly ChartSection[] = []) =>
  TOP + (Math.max(rows, 1) + sections.reduce((n, s) => n + 1 + s.bars.length, 0)) * ROW_HEIGHT + BOTTOM;

const hex = ([r, g, b]: readonly [number, number, number]) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
const shorten = (name: string) => {
  const chars = [...name];
  return chars.length <= MAX_NAME_CHARS ? name : `${chars.slice(0, MAX_NAME_CHARS - 1).join("")}…`;
};

/** The chart as SVG text, `family` being the font's family name. Exported for the tests. */
export function leagueSvg(
  caption: string,
  rows: readonly LeagueRow[],
  family: string,
  sections: readonly ChartSection[] = [],
): string {
  const width = NAMED_CHART_WIDTH;
  const height = namedChartHeight(rows.length, sections);
  const plot = width - NAME_COLUMN - RIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${xml(family)}" font-size="${FONT_SIZE}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="18" fill="#282828">${xml(caption)}</text>`,
  ];
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = NAME_COLUMN + (pct / 100) * plot;
    parts.push(
      `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - BOTTOM}" stroke="${pct ? "#e1e1e1" : "#282828"}"/>`,
      `<text x="${x}" y="${height - BOTTOM + 18}" text-anchor="middle" fill="#282828">${pct}%</text>`,
    );
  }
  const bar = (line: number, label: string, rate: number | null, percentText: string) => {
    const y = TOP + line * ROW_HEIGHT;
    const baseline = y + ROW_HEIGHT / 2 + FONT_SIZE / 2 - 2;
    parts.push(`<text x="${NAME_COLUMN - 8}" y="${baseline}" text-anchor="end" fill="#282828">${xml(label)}</text>`);
    if (rate === null) {
      parts.push(`<text x="${NAME_COLUMN + 6}" y="${baseline}" fill="#aaaaaa">—</text>`);
      return;
    }
    const w = Math.max(1, rate * plot);
    parts.push(
      `<rect x="${NAME_COLUMN}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${hex(barColour(rate))}"/>`,
      `<text x="${NAME_COLUMN + w + 4}" y="${baseline}" fill="#282828">${xml(percentText)}</text>`,
    );
  };
  rows.forEach((row, i) => {
    const rate = responseRate(row);
    bar(i, `${i + 1}. ${shorten(row.name)}`, rate, rate === null ? "" : `${Math.round(rate * 100)}%`);
  });
  // Each open campaign: its caption on a line of its own, then completion per organisation, worst first.
  let line = Math.max(rows.length, 1);
  for (const section of sections) {
    const baseline = TOP + line * ROW_HEIGHT + ROW_HEIGHT / 2 + FONT_SIZE / 2 - 2;
    parts.push(`<text x="16" y="${baseline}" font-size="16" fill="#282828">${xml(section.caption)}</text>`);
    line++;
    section.bars.forEach((b, i) => {
      bar(line + i, `${i + 1}. ${shorten(b.name)}`, b.share, `${Math.floor(b.share * 1000) / 10}%`);
    });
    line += section.bars.length;
  }
  parts.push("</svg>");
  return parts.join("");
}

/** The PNG, or null when the font file is missing (the caller falls back to the numbered chart). */
export function drawNamedLeagueChart(
  caption: string,
  rows: readonly LeagueRow[],
  fontFile: string,
  sections: readonly ChartSection[] = [],
): Promise<Buffer | null> {
  return cjkSvgToPng(leagueSvg(caption, rows, CJK_FONT_FAMILY, sections), fontFile);
}
