// The league table as a PNG bar chart: response rate by child organisation, worst first, bars numbered like the
// table's rows. Drawn pixel by pixel with pngjs (no native canvas, no font files). Pure: figures in, bytes out.
import { PNG } from "pngjs";
import { drawText, GLYPH_HEIGHT, textWidth } from "./font.ts";
import { type LeagueRow, responseRate } from "./rules.ts";

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 400;

const MARGIN = { left: 64, right: 20, top: 60, bottom: 40 };
type Rgb = readonly [number, number, number];
const INK: Rgb = [40, 40, 40];
const GRID: Rgb = [225, 225, 225];
const RED: Rgb = [217, 72, 59];
const AMBER: Rgb = [240, 160, 32];
const GREEN: Rgb = [46, 157, 91];
const NO_DATA: Rgb = [170, 170, 170];

/** Below 60% red, below 90% amber, otherwise green. */
export function barColour(rate: number): Rgb {
  return rate < 0.6 ? RED : rate < 0.9 ? AMBER : GREEN;
}

export interface ChartInput {
  /** Printed at the top: the week, as "2026-11-16 ~ 2026-11-22". */
  caption: string;
  /** Rows in table order; bar i is numbered i + 1. */
  rows: readonly LeagueRow[];
}

export function drawLeagueChart({ caption, rows }: ChartInput): Buffer {
  const png = new PNG({ width: CHART_WIDTH, height: CHART_HEIGHT, colorType: 2, inputHasAlpha: true });
  const put = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= CHART_WIDTH || y >= CHART_HEIGHT) return;
    const i = (y * CHART_WIDTH + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = 255;
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, colour: Rgb) => {
    for (let y = Math.round(y0); y < Math.round(y1); y++) {
      for (let x = Math.round(x0); x < Math.round(x1); x++) put(x, y, colour);
    }
  };
  const text = (s: string, x: number, y: number, scale: number, colour: Rgb = INK) =>
    drawText(s, Math.round(x), Math.round(y), scale, (px, py) => put(px, py, colour));

  png.data.fill(255);
  const left = MARGIN.left;
  const right = CHART_WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = CHART_HEIGHT - MARGIN.bottom;
  const plotHeight = bottom - top;

  text(caption, left, 12, 2);

  // Percentage ticks with grid lines every 25%.
  for (const pct of [0, 25, 50, 75, 100]) {
    const y = bottom - (pct / 100) * plotHeight;
    if (pct > 0) rect(left + 1, y, right, y + 1, GRID);
    rect(left - 5, y, left, y + 1, INK);
    const label = `${pct}%`;
    text(label, left - 8 - textWidth(label, 2), y - GLYPH_HEIGHT, 2);
  }
  // Axes.
  rect(left - 1, top, left + 1, bottom + 1, INK);
  rect(left - 1, bottom, right, bottom + 2, INK);

  const slot = (right - left) / Math.max(rows.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  // One size for all numbers of a kind, chosen by the widest, so the labels look even.
  const labelScale = (widest: string) => (textWidth(widest, 2) <= slot - 2 ? 2 : 1);
  const valueScale = labelScale("100");
  const numberScale = labelScale(String(rows.length));
  rows.forEach((row, i) => {
    const centre = left + slot * i + slot / 2;
    const rate = responseRate(row);
    if (rate === null) {
      // Nothing received: no bar, a grey dash on the axis.
      rect(centre - barWidth / 2, bottom - 3, centre + barWidth / 2, bottom - 1, NO_DATA);
    } else {
      const height = Math.max(1, rate * plotHeight);
      rect(centre - barWidth / 2, bottom - height, centre + barWidth / 2, bottom, barColour(rate));
      const value = String(Math.round(rate * 100));
      if (textWidth("100", valueScale) <= slot) {
        const valueY = Math.max(top - GLYPH_HEIGHT * valueScale - 2, bottom - height - GLYPH_HEIGHT * valueScale - 3);
        text(value, centre - textWidth(value, valueScale) / 2, valueY, valueScale);
      }
    }
    const number = String(i + 1);
    text(number, centre - textWidth(number, numberScale) / 2, bottom + 8, numberScale);
  });

  return PNG.sync.write(png, { colorType: 2 });
}
