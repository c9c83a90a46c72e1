/**
 * A number as a compliance officer reads it: `digits` decimals (3.20, 0.550), tiny values such as
 * δ in short exponent form (1e-5, 2.5e-6), and more digits when rounding would make a value look
 * equal to the threshold it is compared with (0.5504 against 0.55 shows as 0.5504, not 0.550).
 */
export function formatNumber(value: number, digits = 2, comparedWith?: number): string {
  const rounded = round(value, digits);
  if (comparedWith !== undefined && value !== comparedWith && rounded === round(comparedWith, digits)) return String(value);
  return rounded;
}

function round(value: number, digits: number): string {
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential().replace(/\.?0+e/, "e").replace("e+", "e");
  return value.toFixed(digits);
}
