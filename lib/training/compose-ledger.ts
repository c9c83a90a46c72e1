// What the runs charged to one budget spend together. Every DP-SGD run is a Poisson-subsampled
// Gaussian mechanism, whichever accountant reported its ε, so its RDP curve follows from its
// (σ, q, steps) (Mironov, Talwar, Zhang 2019, arXiv:1908.10530, sec. 3.3); the curves of runs on the
// same records add up (Mironov 2017, arXiv:1702.07476, Prop. 1) and the sum is converted to (ε, δ)
// once, at the budget's δ (Balle et al. 2020, arXiv:1905.09982, Theorem 21), through lib/dp/accountant.
// Entries without a curve compose basically (Dwork & Roth 2014, Theorem 3.16): their ε and δ add to
// the converted pair, so the curves are converted at the δ those entries leave of the budget's.
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent, type AccountantHistoryEntry } from "../dp/index.ts";

export interface EpsilonDelta {
  epsilon: number;
  delta: number;
}

/** One run's charge: its (ε, δ) as its accountant reported it, and its mechanism when known. */
export interface LedgerCharge extends EpsilonDelta {
  /** The run's subsampled Gaussian mechanism, (σ, q, steps) runs; null when no curve is known. */
  sgmRuns: readonly AccountantHistoryEntry[] | null;
}

export interface ComposedCharges {
  /**
   * RDP curves composed and converted at the budget's δ, plus the summed entries without a curve:
   * what the budget is checked against. ε is Infinity when those entries leave no δ to convert at.
   */
  composed: EpsilonDelta;
  /** Basic composition of the same charges: every ε and δ summed. */
  summed: EpsilonDelta;
}

/** The summed RDP curve of these mechanisms over DEFAULT_ALPHAS (zeros for none). */
function rdpCurveOf(sgmRuns: readonly AccountantHistoryEntry[]): number[] {
  const curve = new Array<number>(DEFAULT_ALPHAS.length).fill(0);
  for (const { noiseMultiplier, sampleRate, steps } of sgmRuns) {
    if (steps === 0) continue;
    const run = computeRdp(sampleRate, noiseMultiplier, steps, DEFAULT_ALPHAS);
    for (let i = 0; i < curve.length; i++) curve[i]! += run[i]!;
  }
  return curve;
}

/**
 * Composes `charges` for a budget whose δ is `budgetDelta`, both ways (see the file's comment).
 * Runs in O(charges × orders).
 * @example composeLedger([{ epsilon: 2, delta: 1e-5, sgmRuns: [{ noiseMultiplier: 1, sampleRate: 0.01, steps: 1000 }] }], 1e-5).composed.epsilon // the RDP accountant's ε of that run
 */
export function composeLedger(charges: readonly LedgerCharge[], budgetDelta: number): ComposedCharges {
  const summed = { epsilon: 0, delta: 0 };
  const withoutCurve = { epsilon: 0, delta: 0 };
  const curves: AccountantHistoryEntry[] = [];
  for (const charge of charges) {
    summed.epsilon += charge.epsilon;
    summed.delta += charge.delta;
    if (charge.sgmRuns) curves.push(...charge.sgmRuns.filter((run) => run.steps > 0));
    else {
      withoutCurve.epsilon += charge.epsilon;
      withoutCurve.delta += charge.delta;
    }
  }
  if (curves.length === 0) return { composed: withoutCurve, summed };
  const conversionDelta = budgetDelta - withoutCurve.delta;
  const epsilon = conversionDelta > 0 ? getPrivacySpent(DEFAULT_ALPHAS, rdpCurveOf(curves), conversionDelta).epsilon : Infinity;
  return { composed: { epsilon: epsilon + withoutCurve.epsilon, delta: budgetDelta }, summed };
}
