// Privacy auditing with one training run (Steinke, Nasr & Jagielski 2023, arXiv:2305.08846): m
// canaries are each included in training with probability ½; after one run the auditor guesses
// "included" for the k+ highest scores and "excluded" for the k− lowest, abstaining on the rest. Under
// (ε, δ)-DP the number of correct guesses is dominated by Binomial(r, e^ε/(1 + e^ε)) plus a δ term
// (their Theorem 3.1 / Proposition 5.2, computed as in the paper's p_value_DP_audit), so many correct
// guesses refute small ε. Departure: a group of tied scores that straddles a cut is abstained on as a
// whole rather than split at random, so the guesses never depend on the order of equal scores.
import { AppError } from "../../errors/index.ts";
import { binomialPmf } from "../../numerics/index.ts";

export interface OneRunAuditOptions {
  /** One score per canary, higher = more likely included. */
  scores: ArrayLike<number>;
  /** included[i] = 1 when canary i was in training (drawn with probability ½ before training). */
  included: ArrayLike<number>;
  /** Guesses of "included": the highest scores. */
  kPlus: number;
  /** Guesses of "excluded": the lowest scores. @defaultValue 0 (the paper's best results guess only one side) */
  kMinus?: number;
  /** δ of the null hypothesis. @defaultValue 1e-5 */
  delta?: number;
  /** 1 − confidence of the bound. @defaultValue 0.05 */
  beta?: number;
}

export interface OneRunAudit {
  /** Canaries, m. */
  canaries: number;
  /** Guesses made, r (fewer than kPlus + kMinus when a tied group was abstained on). */
  guesses: number;
  /** Correct guesses, v. */
  correct: number;
  /** With confidence 1 − β the training run is not (ε, δ)-DP for any smaller ε. */
  epsilonLowerBound: number;
  delta: number;
  beta: number;
}

/**
 * p-value of at least v correct guesses out of r under (ε, δ)-DP with m canaries: Pr[Bin(r, q) ≥ v]
 * + 2mδ · max_i Pr[v > Bin(r, q) ≥ v − i] / i, q = e^ε/(1 + e^ε) (Steinke et al. 2023, Prop. 5.2).
 * Runs in O(r).
 */
export function oneRunPValue(m: number, r: number, v: number, epsilon: number, delta: number): number {
  const q = 1 / (1 + Math.exp(-epsilon));
  const pmf = binomialPmf(r, q);
  let tail = 0;
  for (let k = v; k <= r; k++) tail += pmf[k]!;
  let alpha = 0;
  let sum = 0;
  for (let i = 1; i <= v; i++) {
    sum += pmf[v - i]!;
    if (sum > i * alpha) alpha = sum / i;
  }
  return Math.min(1, tail + alpha * delta * 2 * m);
}

/**
 * The largest ε whose p-value is below β, by bisection (the p-value grows with ε): 0 when even ε = 0
 * explains the guesses. Runs in O(r · 60).
 */
export function oneRunEpsilon(m: number, r: number, v: number, delta: number, beta: number): number {
  if (!(Number.isInteger(m) && Number.isInteger(r) && Number.isInteger(v) && 0 <= v && v <= r && r <= m)) {
    throw new AppError("bad_request", `oneRunEpsilon: need integers 0 ≤ v ≤ r ≤ m, got m=${m}, r=${r}, v=${v}`);
  }
  if (r === 0 || oneRunPValue(m, r, v, 0, delta) >= beta) return 0;
  let lo = 0;
  let hi = 1;
  while (oneRunPValue(m, r, v, hi, delta) < beta) {
    lo = hi;
    hi *= 2;
    // v = r and δ = 0 would never stop; ε beyond 100 is the same verdict.
    if (hi > 100) return lo;
  }
  for (let iteration = 0; iteration < 60; iteration++) {
    const mid = (lo + hi) / 2;
    if (oneRunPValue(m, r, v, mid, delta) < beta) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Indices of the k extreme scores (highest when `top`), dropping a tied group that straddles the cut. */
function extremes(order: number[], scores: ArrayLike<number>, k: number, top: boolean): number[] {
  const sequence = top ? [...order].reverse() : order;
  if (k >= sequence.length) return sequence;
  let cut = k;
  const boundary = scores[sequence[k]!]!;
  // Back off while the last guessed score equals the first unguessed one: abstain on the whole tie.
  while (cut > 0 && scores[sequence[cut - 1]!]! === boundary) cut--;
  return sequence.slice(0, cut);
}

/**
 * Steinke et al.'s one-run audit of canary scores: guesses, correct guesses and the ε lower bound.
 * @throws {AppError} bad_request naming the rule when lengths differ, a score is not finite, the
 * inclusion mask is not 0/1, or k+ + k− exceeds the canaries
 * @example oneRunAudit({ scores, included, kPlus: 100 }) // { guesses: 100, correct: 100, epsilonLowerBound: 3.47, … } for m = 1000
 * Runs in O(m log m + r).
 */
export function oneRunAudit(options: OneRunAuditOptions): OneRunAudit {
  const { scores, included, kPlus } = options;
  const kMinus = options.kMinus ?? 0;
  const delta = options.delta ?? 1e-5;
  const beta = options.beta ?? 0.05;
  const m = scores.length;
  if (m === 0) throw new AppError("bad_request", "oneRunAudit: no canary scores");
  if (included.length !== m) throw new AppError("bad_request", `oneRunAudit: ${included.length} inclusion flags for ${m} scores`);
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(scores[i]!)) throw new AppError("bad_request", `oneRunAudit: scores[${i}] must be a finite number`);
    if (included[i] !== 0 && included[i] !== 1) throw new AppError("bad_request", `oneRunAudit: included[${i}] must be 0 or 1`);
  }
  for (const [name, k] of [["kPlus", kPlus], ["kMinus", kMinus]] as const) {
    if (!Number.isInteger(k) || k < 0) throw new AppError("bad_request", `oneRunAudit: ${name} must be an integer ≥ 0, got ${k}`);
  }
  if (kPlus + kMinus > m) throw new AppError("bad_request", `oneRunAudit: kPlus + kMinus = ${kPlus + kMinus} guesses exceed the ${m} canaries`);
  if (!(delta >= 0 && delta < 1)) throw new AppError("bad_request", `oneRunAudit: delta must be in [0, 1), got ${delta}`);
  if (!(beta > 0 && beta < 1)) throw new AppError("bad_request", `oneRunAudit: beta must be in (0, 1), got ${beta}`);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const guessedIn = extremes(order, scores, kPlus, true);
  const guessedOut = extremes(order, scores, kMinus, false);
  const correct = guessedIn.filter((i) => included[i] === 1).length + guessedOut.filter((i) => included[i] === 0).length;
  const guesses = guessedIn.length + guessedOut.length;
  return { canaries: m, guesses, correct, epsilonLowerBound: oneRunEpsilon(m, guesses, correct, delta, beta), delta, beta };
}
