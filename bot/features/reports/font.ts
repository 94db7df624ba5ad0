// A 5×7 bitmap font for the chart's labels: digits and the few signs the chart writes. Chinese names cannot be
// drawn without a font file, so the chart numbers its bars and the text table names them.

const GLYPHS: Record<string, string[]> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  "%": ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
  "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
  "~": ["00000", "00000", "01000", "10101", "00010", "00000", "00000"],
  "/": ["00000", "00001", "00010", "00100", "01000", "10000", "00000"],
  ":": ["00000", "01100", "01100", "00000", "01100", "01100", "00000"],
  " ": ["00000", "00000", "00000", "00000", "00000", "00000", "00000"],
};

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** One blank column between characters. */
export const ADVANCE = GLYPH_WIDTH + 1;

/** Width in pixels of a text at a scale (without the trailing gap). */
export function textWidth(text: string, scale: number): number {
  return text.length ? (text.length * ADVANCE - 1) * scale : 0;
}

/** Calls `plot(x, y)` for every lit pixel of the text with its top-left corner at (x, y). Unknown characters are blank. */
export function drawText(text: string, x: number, y: number, scale: number, plot: (x: number, y: number) => void) {
  [...text].forEach((ch, i) => {
    const glyph = GLYPHS[ch] ?? GLYPHS[" "]!;
    const left = x + i * ADVANCE * scale;
    glyph.forEach((row, gy) => {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (row[gx] !== "1") continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) plot(left + gx * scale + dx, y + gy * scale + dy);
        }
      }
    });
  });
}
