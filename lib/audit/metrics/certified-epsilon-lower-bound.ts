// Hand-written maths on purpose: the leakage metrics are Canary's own science (see log-gamma.ts).
import { AppError } from "../../errors/index.ts";
import { attackerAdvantage } from "./attacker-advantage.ts";
import { computeRoc, type RocCurve } from "./compute-roc.ts";
import { bestEpsilonPoint, epsilonLowerBoundAt } from "./epsilon-lower-bound.ts";
import { MembershipScores, type ScoreArray } from "./membership-scores.ts";
import { mulberry32 } from "../../numerics/index.ts";

export interface CertifiedEpsilonLowerBoundOptions {
  /** Confidence of the bound, in (0, 1); each Clopper–Pearson limit is one-sided at (1 − confidence)/2. @defaultValue 0.95 */
  confidence?: number;
  /** The δ of the (ε, δ)-DP claim being tested, in [0, 1). @defaultValue 1e-5 */
  delta?: number;
  /** Seed of the random split into selection and test halves. @defaultValue 1 */
  seed?: number;
}

/** Which side of the threshold is called a member: scores ≥ threshold ("higher") or ≤ threshold ("lower"). */
export type ThresholdDirection = "higher" | "lower";

/** What `canary audit certify --json` prints, key for key. */
export interface CertifiedEpsilonLowerBound {
  epsilonLowerBound: number;
  threshold: number;
  direction: ThresholdDirection;
  confidence: number;
  delta: number;
  /** Counts in the half that chose the threshold and direction. */
  selection: { members: number; nonMembers: number };
  /** Counts in the half the bound was measured on. */
  test: { members: number; nonMembers: number };
}

/**
 * A certified ε lower bound from a membership attack's scores: each side is split at random (seeded)
 * into a selection half and a test half; the threshold and direction that maximise the bound on the
 * selection half are then fixed, and the bound is measured on the test half only, as
 * `epsilonLowerBoundAt` (two one-sided Clopper–Pearson limits, each at (1 − confidence)/2). The
 * threshold is thus chosen independently of the counts it is tested on, so the Clopper–Pearson
 * confidence holds for it: when members and non-members are exchangeable (the run leaks nothing), the
 * bound is above 0 in at most 1 − confidence of runs, whereas `epsilonLowerBound` (every threshold
 * of the same data) is not a bound. The test inequality is Kairouz et al. 2015, arXiv:1311.0776, sec. 2.
 * The bound is a statement about the training run only when the members were chosen at random (e.g.
 * canaries included by a coin flip); otherwise it is evidence, not a verdict.
 *
 * When no threshold of the selection half gives a bound above 0, the advantage-maximising one is
 * tested (any choice made without the test half is valid); the threshold +∞ (nobody called a member)
 * is never chosen, the lowest score is instead. Thresholds sit halfway between adjacent selection scores.
 *
 * @param scores members' and non-members' scores, at least 2 a side
 * @param options confidence (0.95), δ (1e-5) and seed (1)
 * @throws {AppError} bad_request when the scores are invalid, a side has fewer than 2, or an option is out of range
 * @example certifiedEpsilonLowerBound(new MembershipScores({ members, nonMembers }), { seed: 1 })
 * // { epsilonLowerBound: 3.1, threshold: 1.52, direction: "higher", confidence: 0.95, delta: 1e-5, selection: { members: 2500, nonMembers: 2500 }, test: { members: 2500, nonMembers: 2500 } }
 * Runs in O(n log n) for the sorts plus the branch and bound of `epsilonLowerBound` on each direction.
 */
export function certifiedEpsilonLowerBound(scores: MembershipScores, options: CertifiedEpsilonLowerBoundOptions = {}): CertifiedEpsilonLowerBound {
  const caller = "certifiedEpsilonLowerBound";
  scores.validate(caller);
  const confidence = options.confidence ?? 0.95;
  const delta = options.delta ?? 1e-5;
  const seed = options.seed ?? 1;
  if (!(confidence > 0 && confidence < 1)) throw new AppError("bad_request", `${caller}: confidence must be in (0, 1), got ${confidence}`);
  if (!(delta >= 0 && delta < 1)) throw new AppError("bad_request", `${caller}: delta must be in [0, 1), got ${delta}`);
  if (!Number.isSafeInteger(seed)) throw new AppError("bad_request", `${caller}: seed must be a whole number, got ${seed}`);
  for (const side of ["members", "nonMembers"] as const) {
    if (scores[side].length < 2) throw new AppError("bad_request", `${caller}: ${side} must hold at least 2 scores (one for each half), got ${scores[side].length}`);
  }
  const alpha = 1 - confidence;
  const random = mulberry32(seed);
  const [selectionMembers, testMembers] = splitInHalves(scores.members, random);
  const [selectionNonMembers, testNonMembers] = splitInHalves(scores.nonMembers, random);

  const { threshold, direction } = chooseThreshold(selectionMembers, selectionNonMembers, { delta, alpha });
  const isCalled = direction === "higher" ? (s: number) => s >= threshold : (s: number) => s <= threshold;
  let falseNegatives = 0;
  for (const s of testMembers) if (!isCalled(s)) falseNegatives++;
  let falsePositives = 0;
  for (const s of testNonMembers) if (isCalled(s)) falsePositives++;
  const epsilon = epsilonLowerBoundAt({ falsePositives, nonMembers: testNonMembers.length, falseNegatives, members: testMembers.length }, { delta, alpha });
  return {
    epsilonLowerBound: epsilon,
    threshold,
    direction,
    confidence,
    delta,
    selection: { members: selectionMembers.length, nonMembers: selectionNonMembers.length },
    test: { members: testMembers.length, nonMembers: testNonMembers.length },
  };
}

/** A uniform random permutation (Fisher–Yates) cut into its first ⌊n/2⌋ values and the rest. */
function splitInHalves(values: ScoreArray, random: () => number): [Float64Array, Float64Array] {
  const shuffled = Float64Array.from(values);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[k]] = [shuffled[k]!, shuffled[i]!];
  }
  const half = Math.floor(shuffled.length / 2);
  return [shuffled.subarray(0, half), shuffled.subarray(half)];
}

/** The threshold and direction with the largest bound on the selection half ("lower" = the bound of the negated scores). */
function chooseThreshold(members: Float64Array, nonMembers: Float64Array, options: { delta: number; alpha: number }): { threshold: number; direction: ThresholdDirection } {
  const candidates = (["higher", "lower"] as const).map((direction) => {
    const sign = direction === "higher" ? 1 : -1;
    const roc = computeRoc(new MembershipScores({ members: members.map((s) => sign * s), nonMembers: nonMembers.map((s) => sign * s) }));
    return { direction, sign, roc, best: bestEpsilonPoint(roc, options) };
  });
  const found = candidates.filter((c) => c.best.pointIndex !== null);
  if (found.length > 0) {
    const winner = found.reduce((a, b) => (b.best.epsilonLowerBound > a.best.epsilonLowerBound ? b : a));
    return { direction: winner.direction, threshold: winner.sign * thresholdBelow(winner.roc, winner.best.pointIndex!) };
  }
  const advantages = candidates.map((c) => ({ ...c, advantage: attackerAdvantage(c.roc) }));
  const winner = advantages.reduce((a, b) => (b.advantage.advantage > a.advantage.advantage ? b : a));
  const pointIndex = winner.advantage.pointIndex === 0 ? winner.roc.thresholds.length - 1 : winner.advantage.pointIndex;
  return { direction: winner.direction, threshold: winner.sign * thresholdBelow(winner.roc, pointIndex) };
}

/**
 * A threshold with the same selection counts as point k: halfway down to the next lower score, so
 * that a test score just below the lowest one called a member in the selection half is still called
 * one (the edge of the selection data says little about the test half). The last point calls every
 * score a member and keeps its own threshold, the lowest score.
 */
function thresholdBelow(roc: RocCurve, k: number): number {
  const next = roc.thresholds[k + 1];
  return next === undefined ? roc.thresholds[k]! : roc.thresholds[k]! / 2 + next / 2;
}
