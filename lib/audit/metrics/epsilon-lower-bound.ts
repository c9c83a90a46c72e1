// Hand-written maths on purpose: the leakage metrics are Canary's own science (see log-gamma.ts).
import { AppError } from "../../errors/index.ts";
import { clopperPearsonUpperLimit } from "./clopper-pearson.ts";
import type { RocCurve } from "./compute-roc.ts";

export interface EpsilonLowerBoundOptions {
  /** The δ of the (ε, δ)-DP claim being tested, in [0, 1). @defaultValue 1e-5 */
  delta?: number;
  /** Total confidence budget: each Clopper–Pearson limit is one-sided at α/2. @defaultValue 0.05 */
  alpha?: number;
}

/**
 * The exploratory ε lower bound of an (ε, δ)-DP training run from one membership attack (every
 * threshold swept on the same scores, so not a certified bound: see the caveat below):
 *
 *   ε_lb = max(0, max over ROC points of max( ln((1 − δ − FPR_hi) / FNR_hi), ln((1 − δ − FNR_hi) / FPR_hi) ))
 *
 * where FPR_hi, FNR_hi are Clopper–Pearson upper limits, each one-sided at α/2, of the false-positive
 * count out of the non-members and the false-negative count out of the members. An (ε, δ)-DP mechanism
 * forces FPR + e^ε FNR ≥ 1 − δ and FNR + e^ε FPR ≥ 1 − δ for every test (Kairouz et al. 2015,
 * arXiv:1311.0776, sec. 2); bounding both rates from above with Clopper–Pearson is the estimate of
 * Jagielski et al. 2020, arXiv:2006.07709 (the method TF Privacy cites for its Clopper–Pearson bound). With
 * confidence 1 − α the run is not (ε, δ)-DP for any ε below the term of one threshold fixed in advance. Unlike TF Privacy's
 * `epsilon_lower_bound.py` (which bounds the ratio TPR/FPR), this is the hypothesis-testing form with δ.
 *
 * Cases worked through: a term whose numerator 1 − δ − limit is ≤ 0 says nothing and is skipped (its
 * logarithm does not exist); the denominators are never 0 because a Clopper–Pearson upper limit is at
 * least 1 − (α/2)^(1/n) > 0 (the value at zero counted trials), so no division by zero can occur. A limit
 * is 1 when every trial was counted (e.g. every non-member flagged). The point (0, 0) and the last point
 * (1, 1) always give negative terms, hence the floor at 0.
 *
 * Exploratory, not a bound: the 1 − α confidence holds for one threshold fixed in advance, but the
 * maximum is taken over every threshold of the same data, so on identical member and non-member
 * distributions with 10^5 scores a side we measured ε_lb ≈ 0.18 from a far-tail threshold (14 true
 * negatives against 1 false negative). `certifiedEpsilonLowerBound` chooses the threshold on one half
 * of the scores and measures on the other, which restores the guarantee; this figure is kept as the
 * `canary audit metrics` contract and shown labelled "exploratory".
 * Scores are read as "higher = member" only; a reversed attack (members lower) scores 0 here.
 *
 * @param roc the curve from `computeRoc`
 * @param options δ (default 1e-5) and α (default 0.05)
 * @throws {AppError} bad_request when δ is outside [0, 1) or α outside (0, 1)
 * @example epsilonLowerBound(computeRoc(new MembershipScores({ members: [1, 1, 1], nonMembers: [0, 0, 0] }))) // 0
 * Runs in O(points) plus a Clopper–Pearson limit (O(√n) each) per count it must look at; see below.
 */
export function epsilonLowerBound(roc: RocCurve, options: EpsilonLowerBoundOptions = {}): number {
  return bestEpsilonPoint(roc, options).epsilonLowerBound;
}

/** The maximising point of `epsilonLowerBound`: its value, and its index in the curve (null when the floor 0 wins). */
export function bestEpsilonPoint(roc: RocCurve, options: EpsilonLowerBoundOptions = {}): { epsilonLowerBound: number; pointIndex: number | null } {
  const { delta, alpha } = checkOptions("epsilonLowerBound", options);
  const m = roc.members;
  const n = roc.nonMembers;
  const { truePositives, falsePositives } = roc;
  // A limit depends only on (count, trials): cache one per count, filled on demand.
  const fprLimits = new Float64Array(n + 1).fill(Number.NaN);
  const fnrLimits = new Float64Array(m + 1).fill(Number.NaN);
  const fprHi = (fp: number): number => {
    const cached = fprLimits[fp]!;
    return cached === cached ? cached : (fprLimits[fp] = clopperPearsonUpperLimit(fp, n, alpha / 2));
  };
  const fnrHi = (fn: number): number => {
    const cached = fnrLimits[fn]!;
    return cached === cached ? cached : (fnrLimits[fn] = clopperPearsonUpperLimit(fn, m, alpha / 2));
  };
  const pointValue = (k: number): number => terms(fprHi(falsePositives[k]!), fnrHi(m - truePositives[k]!), delta);

  // Branch and bound over runs [lo, hi] of consecutive points, best bound first. Along the curve FP
  // grows and FN = m − TP shrinks, and both limits grow with their count, so for every point of a run
  //   FPR_hi ≥ FPR_hi(FP at lo) and FNR_hi ≥ FNR_hi(FN at hi),
  // and both terms fall as either limit grows. Hence terms(FPR_hi(lo), FNR_hi(hi)) bounds every point of
  // the run from above: a run whose bound is ≤ the best value found (or the floor 0) cannot raise the
  // result and is skipped; the answer is the same as sweeping every threshold (the tests check this
  // against the plain sweep). Usually only a few thousand limits are computed even for 10^6 scores.
  let best = 0;
  let pointIndex: number | null = null;
  const consider = (k: number): void => {
    const value = pointValue(k);
    if (value > best) {
      best = value;
      pointIndex = k;
    }
  };
  const last = truePositives.length - 1;
  consider(0);
  consider(last);
  const heap = new RunHeap();
  const push = (lo: number, hi: number): void => {
    if (hi - lo < 2) return;
    const bound = terms(fprHi(falsePositives[lo]!), fnrHi(m - truePositives[hi]!), delta);
    if (bound > best) heap.push(lo, hi, bound);
  };
  push(0, last);
  while (heap.size > 0) {
    const run = heap.pop();
    if (run.bound <= best) break;
    const mid = (run.lo + run.hi) >>> 1;
    consider(mid);
    push(run.lo, mid);
    push(mid, run.hi);
  }
  return { epsilonLowerBound: best, pointIndex };
}

/**
 * The same bound at one threshold fixed in advance (no maximum over thresholds), from its error counts:
 * max(0, terms of the definition above). With confidence 1 − α the run is not (ε, δ)-DP for any ε below it.
 *
 * @param counts false positives out of `nonMembers`, false negatives out of `members`
 * @throws {AppError} bad_request when δ or α is out of range
 * @example epsilonLowerBoundAt({ falsePositives: 0, nonMembers: 50, falseNegatives: 0, members: 50 }) // 2.5695739172851564
 * Runs in O(√n): two Clopper–Pearson limits.
 */
export function epsilonLowerBoundAt(
  counts: { falsePositives: number; nonMembers: number; falseNegatives: number; members: number },
  options: EpsilonLowerBoundOptions = {},
): number {
  const { delta, alpha } = checkOptions("epsilonLowerBoundAt", options);
  const fprHi = clopperPearsonUpperLimit(counts.falsePositives, counts.nonMembers, alpha / 2);
  const fnrHi = clopperPearsonUpperLimit(counts.falseNegatives, counts.members, alpha / 2);
  return Math.max(0, terms(fprHi, fnrHi, delta));
}

function checkOptions(caller: string, options: EpsilonLowerBoundOptions): { delta: number; alpha: number } {
  const delta = options.delta ?? 1e-5;
  const alpha = options.alpha ?? 0.05;
  if (!(delta >= 0 && delta < 1)) throw new AppError("bad_request", `${caller}: delta must be in [0, 1), got ${delta}`);
  if (!(alpha > 0 && alpha < 1)) throw new AppError("bad_request", `${caller}: alpha must be in (0, 1), got ${alpha}`);
  return { delta, alpha };
}

/** max of the two log-ratio terms, skipping a term whose numerator is ≤ 0; −∞ when both are skipped. */
function terms(fprHi: number, fnrHi: number, delta: number): number {
  const firstNumerator = 1 - delta - fprHi;
  const secondNumerator = 1 - delta - fnrHi;
  const first = firstNumerator > 0 ? Math.log(firstNumerator / fnrHi) : Number.NEGATIVE_INFINITY;
  const second = secondNumerator > 0 ? Math.log(secondNumerator / fprHi) : Number.NEGATIVE_INFINITY;
  return first > second ? first : second;
}

/** A max-heap of runs keyed by their upper bound. */
class RunHeap {
  #lo: number[] = [];
  #hi: number[] = [];
  #bound: number[] = [];

  get size(): number {
    return this.#bound.length;
  }

  push(lo: number, hi: number, bound: number): void {
    this.#lo.push(lo);
    this.#hi.push(hi);
    this.#bound.push(bound);
    let k = this.#bound.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.#bound[parent]! >= this.#bound[k]!) break;
      this.#swap(k, parent);
      k = parent;
    }
  }

  pop(): { lo: number; hi: number; bound: number } {
    const top = { lo: this.#lo[0]!, hi: this.#hi[0]!, bound: this.#bound[0]! };
    const lastIndex = this.#bound.length - 1;
    this.#swap(0, lastIndex);
    this.#lo.pop();
    this.#hi.pop();
    this.#bound.pop();
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      const right = left + 1;
      let largest = k;
      if (left < lastIndex && this.#bound[left]! > this.#bound[largest]!) largest = left;
      if (right < lastIndex && this.#bound[right]! > this.#bound[largest]!) largest = right;
      if (largest === k) return top;
      this.#swap(k, largest);
      k = largest;
    }
  }

  #swap(a: number, b: number): void {
    [this.#lo[a], this.#lo[b]] = [this.#lo[b]!, this.#lo[a]!];
    [this.#hi[a], this.#hi[b]] = [this.#hi[b]!, this.#hi[a]!];
    [this.#bound[a], this.#bound[b]] = [this.#bound[b]!, this.#bound[a]!];
  }
}
