// Money is integer fen everywhere; these turn it into the digits a person reads, without floating-point drift.

const FEN_PER_YUAN = 100;

/** 20 → "0.20", 123456 → "1234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, "0")}`;
}

/** An integer count of 10^-scale units as a plain decimal, trailing zeros dropped: (4998000, 6) → "4.998". */
export function formatDecimal(units: number, scale: number): string {
  const sign = units < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(units))).padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
