import { AppError } from "../../errors/index.ts";
import type { MembershipScores } from "./membership-scores.ts";

export interface BootstrapOptions {
  /** Number of bootstrap resamples. @defaultValue 200 */
  resamples?: number;
  /** Seed of the mulberry32 generator; the same seed gives the same intervals. @defaultValue 1 */
  seed?: number;
  /** Confidence level of the percentile intervals, in (0, 1). @defaultValue 0.95 */
  level?: number;
  /** The FPRs at which TPR is resampled (see `tprAtFpr`). @defaultValue [0.001, 0.01] */
  fprTargets?: readonly number[];
}

/** One value per resample, in resample order. */
export interface BootstrapReplicates {
  auc: Float64Array;
  /** Keyed by `String(fprTarget)`, e.g. "0.001". */
  tprAtFpr: Record<string, Float64Array>;
}

export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

export interface BootstrapConfidenceIntervals {
  level: number;
  resamples: number;
  seed: number;
  auc: ConfidenceInterval;
  tprAtFpr: Record<string, ConfidenceInterval>;
}

const DEFAULT_FPR_TARGETS = [0.001, 0.01] as const;

/**
 * AUC and TPR-at-FPR on `resamples` stratified bootstrap resamples (Efron & Tibshirani 1993, An
 * Introduction to the Bootstrap, ch. 6): members and non-members are each drawn with replacement to
 * their own size. Resample r draws, from one mulberry32 stream, first the non-member indices and then
 * the member indices, each `floor(u · size)` into that side sorted ascending.
 *
 * Nothing is re-sorted: a resample is a multiset of positions in the sorted arrays, so the draws are
 * counted per position, non-member counts are prefix-summed (P[j] = draws among the j lowest), and each
 * copy of the member at sorted position i adds P[below(i)] + P[notAbove(i)] = 2 × (non-members below + ½
 * tied): the same exact integer AUC as `auc(computeRoc(resample))`. TPR at FPR < t is the share of
 * member draws strictly above s*, the highest non-member score at which the resampled FPR reaches t.
 * The tests check every replicate against the plain computation on the materialised resample.
 *
 * @param scores members' and non-members' scores (validated and sorted once, shared with `computeRoc`)
 * @param options resamples, seed and FPR targets
 * @throws {AppError} bad_request when the scores or options are invalid
 * Runs in O(resamples · (members + nonMembers)) after the shared sort.
 */
export function bootstrapReplicates(scores: MembershipScores, options: BootstrapOptions = {}): BootstrapReplicates {
  const { resamples, seed, fprTargets } = readOptions("bootstrapReplicates", options);
  const { members, nonMembers } = scores.sorted("bootstrapReplicates");
  const m = members.length;
  const n = nonMembers.length;
  // For each sorted member: how many non-members lie strictly below it and how many at or below it.
  const below = new Uint32Array(m);
  const notAbove = new Uint32Array(m);
  for (let i = 0, lo = 0, hi = 0; i < m; i++) {
    const s = members[i]!;
    while (lo < n && nonMembers[lo]! < s) lo++;
    if (hi < lo) hi = lo;
    while (hi < n && nonMembers[hi]! <= s) hi++;
    below[i] = lo;
    notAbove[i] = hi;
  }
  // Draw counts per sorted position, one byte each so that 10^6 positions stay in cache; a position drawn
  // 256 times or more (never seen in practice) makes that side recount into 32-bit counts.
  const narrowNonMember = new Uint8Array(n);
  const narrowMember = new Uint8Array(m);
  let wideNonMember: Uint32Array | undefined;
  let wideMember: Uint32Array | undefined;
  // prefix[j] = non-member draws among the j lowest positions.
  const prefix = new Uint32Array(n + 1);
  const targets = fprTargets.length;
  const cuts = new Uint32Array(targets);
  const truePositives = new Float64Array(targets);
  const aucValues = new Float64Array(resamples);
  const tprValues = fprTargets.map(() => new Float64Array(resamples));
  const pairs = 2 * m * n;
  let state = seed >>> 0;
  for (let r = 0; r < resamples; r++) {
    // Counting the draws first and sweeping in sorted order afterwards keeps every pass but the two
    // counting loops sequential in memory, which is what makes 10^6 scores per side affordable.
    let nonMemberCounts: Uint8Array | Uint32Array = narrowNonMember;
    let next = countDraws(state, n, nonMemberCounts);
    if (next === OVERFLOW) next = countDraws(state, n, (nonMemberCounts = wideNonMember ??= new Uint32Array(n)));
    state = next;
    let memberCounts: Uint8Array | Uint32Array = narrowMember;
    next = countDraws(state, m, memberCounts);
    if (next === OVERFLOW) next = countDraws(state, m, (memberCounts = wideMember ??= new Uint32Array(m)));
    state = next;
    for (let j = 0; j < n; j++) prefix[j + 1] = prefix[j]! + nonMemberCounts[j]!;
    for (let t = 0; t < targets; t++) cuts[t] = memberCut(members, nonMembers, prefix, fprTargets[t]!);
    truePositives.fill(0);
    let twiceWins = 0;
    for (let i = 0; i < m; i++) {
      const copies = memberCounts[i]!;
      if (copies === 0) continue;
      twiceWins += copies * (prefix[below[i]!]! + prefix[notAbove[i]!]!);
      for (let t = 0; t < targets; t++) if (i >= cuts[t]!) truePositives[t]! += copies;
    }
    aucValues[r] = twiceWins / pairs;
    for (let t = 0; t < targets; t++) tprValues[t]![r] = truePositives[t]! / m;
  }
  const tprAtFpr: Record<string, Float64Array> = {};
  fprTargets.forEach((target, t) => (tprAtFpr[String(target)] = tprValues[t]!));
  return { auc: aucValues, tprAtFpr };
}

/**
 * Percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13) for AUC and TPR at FPR 0.001 and
 * 0.01: the (1 − level)/2 and (1 + level)/2 quantiles of the replicates, interpolated linearly between
 * order statistics (Hyndman & Fan 1996 type 7, R's and numpy's default).
 *
 * @param scores members' and non-members' scores
 * @param options resamples (default 200), seed (default 1), level (default 0.95), FPR targets
 * @throws {AppError} bad_request when the scores or options are invalid
 * @example bootstrapConfidenceIntervals(scores, { resamples: 1000, seed: 7 }).auc // { lower: …, upper: … }
 * Runs in O(resamples · (members + nonMembers)).
 */
export function bootstrapConfidenceIntervals(
  scores: MembershipScores,
  options: BootstrapOptions = {},
): BootstrapConfidenceIntervals {
  const { resamples, seed, level } = readOptions("bootstrapConfidenceIntervals", options);
  const replicates = bootstrapReplicates(scores, options);
  const interval = (values: Float64Array): ConfidenceInterval => {
    const sorted = Float64Array.from(values).sort();
    return { lower: quantile(sorted, (1 - level) / 2), upper: quantile(sorted, (1 + level) / 2) };
  };
  const tprAtFpr: Record<string, ConfidenceInterval> = {};
  for (const [target, values] of Object.entries(replicates.tprAtFpr)) tprAtFpr[target] = interval(values);
  return { level, resamples, seed, auc: interval(replicates.auc), tprAtFpr };
}

/** Returned by `countDraws` when a one-byte count would pass 255. */
export const OVERFLOW = -1;

/**
 * Draws `size` indices floor(u · size) with mulberry32 from `state` (its 32-bit state, as
 * lib/numerics/mulberry32.ts keeps it; inlined here because the call costs half again in this loop) and counts them per index
 * into `counts`, which it zeroes first. Returns the generator's next state, or OVERFLOW when `counts` is
 * a Uint8Array and an index is drawn a 256th time; the caller then recounts from the same state into
 * 32-bit counts, so results never depend on the width. Runs in O(size).
 */
export function countDraws(state: number, size: number, counts: Uint8Array | Uint32Array, draws = size): number {
  counts.fill(0);
  const narrow = counts instanceof Uint8Array;
  let s = state | 0;
  for (let k = 0; k < draws; k++) {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const index = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * size);
    if (++counts[index]! === 256 && narrow) return OVERFLOW;
  }
  return s >>> 0;
}

/**
 * Sorted position from which members count as flagged at the last ROC point with FPR < target: members
 * strictly above s*, the highest non-member score whose resampled "at or above" weight reaches the target.
 */
function memberCut(members: Float64Array, nonMembers: Float64Array, prefix: Uint32Array, target: number): number {
  const n = nonMembers.length;
  let j = n - 1;
  while (j >= 0) {
    const value = nonMembers[j]!;
    let start = j;
    while (start > 0 && nonMembers[start - 1] === value) start--;
    // Resampled non-members scoring ≥ value, divided as the ROC divides it.
    if ((n - prefix[start]!) / n >= target) return upperBound(members, value);
    j = start - 1;
  }
  return 0;
}

/** Number of elements ≤ value in an ascending array. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function readOptions(fn: string, options: BootstrapOptions) {
  const resamples = options.resamples ?? 200;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const fprTargets = options.fprTargets ?? DEFAULT_FPR_TARGETS;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new AppError("bad_request", `${fn}: resamples must be a positive integer, got ${resamples}`);
  }
  if (!Number.isSafeInteger(seed)) throw new AppError("bad_request", `${fn}: seed must be an integer, got ${seed}`);
  if (!(level > 0 && level < 1)) throw new AppError("bad_request", `${fn}: level must be in (0, 1), got ${level}`);
  for (const target of fprTargets) {
    if (!(target > 0 && target <= 1)) throw new AppError("bad_request", `${fn}: every FPR target must be in (0, 1], got ${target}`);
  }
  return { resamples, seed, level, fprTargets };
}
