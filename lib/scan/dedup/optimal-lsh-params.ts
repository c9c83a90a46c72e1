export interface LshParams {
  /** Number of bands b: two signatures are candidates when they agree on every row of some band. */
  bands: number;
  /** Rows (signature positions) per band r; bands · rows ≤ numPerm. */
  rows: number;
}

export interface OptimalLshParamsOptions {
  /** Weight of the false positive area. @defaultValue 0.5 */
  falsePositiveWeight?: number;
  /** Weight of the false negative area. @defaultValue 0.5 */
  falseNegativeWeight?: number;
}

const cache = new Map<string, LshParams>();

/**
 * The LSH banding (b bands × r rows) that minimises the weighted areas of false positives and false
 * negatives around `threshold`, as datasketch's `MinHashLSH._optimal_param` does (ekzhu/datasketch,
 * datasketch/lsh.py): a pair of Jaccard similarity s becomes a candidate with probability
 * P(s) = 1 − (1 − s^r)^b (Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, sec. 3.4.2);
 * false positive area = ∫₀ᵗ P(s) ds, false negative area = ∫ₜ¹ (1 − P(s)) ds, searched over every
 * b ≤ numPerm and r ≤ numPerm / b. Integrals by adaptive Simpson where datasketch uses scipy's
 * `quad`. Runs in O(numPerm · log numPerm) integrals; results are cached.
 *
 * @throws if threshold is outside (0, 1] or numPerm is not a positive integer.
 * @example optimalLshParams(0.8, 128) // { bands: 9, rows: 13 }, as datasketch
 */
export function optimalLshParams(threshold: number, numPerm: number, options: OptimalLshParamsOptions = {}): LshParams {
  const falsePositiveWeight = options.falsePositiveWeight ?? 0.5;
  const falseNegativeWeight = options.falseNegativeWeight ?? 0.5;
  if (!(threshold > 0 && threshold <= 1)) throw new Error(`optimalLshParams: threshold must be in (0, 1], got ${threshold}`);
  if (!Number.isInteger(numPerm) || numPerm < 1) throw new Error(`optimalLshParams: numPerm must be a positive integer, got ${numPerm}`);
  const key = `${threshold}:${numPerm}:${falsePositiveWeight}:${falseNegativeWeight}`;
  const cached = cache.get(key);
  if (cached) return { ...cached };

  let best: LshParams = { bands: 1, rows: 1 };
  let minError = Infinity;
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; r <= Math.floor(numPerm / b); r++) {
      const candidate = (s: number) => 1 - (1 - s ** r) ** b;
      const falsePositive = integrate(candidate, 0, threshold);
      const falseNegative = integrate((s) => 1 - candidate(s), threshold, 1);
      const error = falsePositive * falsePositiveWeight + falseNegative * falseNegativeWeight;
      if (error < minError) {
        minError = error;
        best = { bands: b, rows: r };
      }
    }
  }
  cache.set(key, best);
  return { ...best };
}

/** Adaptive Simpson quadrature (Kuncir 1962), absolute tolerance 1e-10. */
function integrate(f: (x: number) => number, lo: number, hi: number): number {
  if (hi <= lo) return 0;
  const fa = f(lo);
  const fb = f(hi);
  const mid = (lo + hi) / 2;
  const fm = f(mid);
  const whole = ((hi - lo) / 6) * (fa + 4 * fm + fb);
  return simpson(f, lo, hi, fa, fm, fb, whole, 1e-10, 50);
}

function simpson(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tolerance: number, depth: number): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const delta = left + right - whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * tolerance) return left + right + delta / 15;
  return simpson(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) + simpson(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
}
