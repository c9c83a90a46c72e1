// Axis scales and ticks for the SVG charts: linear or log10, pure functions (tested beside).

export type AxisKind = "linear" | "log";

export interface Scale {
  kind: AxisKind;
  domain: [number, number];
  range: [number, number];
  /** Data value → pixel; values ≤ 0 on a log axis clamp to the domain's low end. */
  (value: number): number;
}

/** A linear or log10 scale from `domain` to `range` pixels. @throws Error for a log domain that is not positive */
export function makeScale(kind: AxisKind, domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  if (kind === "log" && !(d0 > 0 && d1 > 0)) throw new Error(`makeScale: a log axis needs a positive domain, got [${d0}, ${d1}]`);
  const f = kind === "log" ? Math.log10 : (v: number) => v;
  const a = f(d0);
  const b = f(d1);
  const scale = ((value: number) => {
    const v = kind === "log" ? f(Math.max(value, d0)) : value;
    const t = b === a ? 0.5 : (v - a) / (b - a);
    return range[0] + t * (range[1] - range[0]);
  }) as Scale;
  scale.kind = kind;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** "Nice" ticks: powers of ten on a log axis; 1, 2 or 5 × 10^k steps (about `count`) on a linear one. */
export function ticks(kind: AxisKind, domain: [number, number], count = 5): number[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (kind === "log") {
    const out: number[] = [];
    for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
    return out;
  }
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A tick label: 10^k as "1e-3" style below 0.01 on log axes, else a short number. */
export function formatTick(value: number, kind: AxisKind): string {
  if (kind === "log" && (value < 0.01 || value >= 1e4)) return `1e${Math.round(Math.log10(value))}`;
  return String(Number(value.toPrecision(3)));
}
