// The RDP accountant, after Opacus `opacus/accountants/rdp.py`: it keeps only the history of
// (noise multiplier, sample rate, steps) runs and composes their RDP curves when asked
// (Mironov, Talwar, Zhang 2019, arXiv:1908.10530, sec. 3.3; conversion: Balle et al. 2020,
// arXiv:1905.09982, Theorem 21).
import { PrivacyAccountant, assertDelta } from "./accountant.ts";
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent, type RdpPrivacySpent } from "./analysis/rdp.ts";

export class RdpAccountant extends PrivacyAccountant {
  static readonly DEFAULT_ALPHAS = DEFAULT_ALPHAS;

  readonly mechanism = "rdp" as const;
  protected readonly accountantName = "RdpAccountant";

  /**
   * epsilon and the order alpha at which it is attained. An empty history spends nothing
   * ({ epsilon: 0, bestAlpha: 0 }, as Opacus). Runs in O(runs x sum of orders).
   * @throws AppError bad_request when delta is not in (0, 1) or an order is not > 1.
   */
  getPrivacySpent(delta: number, alphas: readonly number[] = DEFAULT_ALPHAS): RdpPrivacySpent {
    assertDelta("RdpAccountant.getPrivacySpent", delta);
    if (this.history.length === 0) return { epsilon: 0, bestAlpha: 0 };
    const rdp = new Array<number>(alphas.length).fill(0);
    for (const { noiseMultiplier, sampleRate, steps } of this.history) {
      const curve = computeRdp(sampleRate, noiseMultiplier, steps, alphas);
      for (let i = 0; i < rdp.length; i++) rdp[i]! += curve[i]!;
    }
    return getPrivacySpent(alphas, rdp, delta);
  }

  /**
   * The privacy budget spent so far: epsilon for this delta, minimised over `alphas`
   * (default: Opacus's DEFAULT_ALPHAS).
   * @example
   * const accountant = new RdpAccountant();
   * for (let i = 0; i < 2250; i++) accountant.step({ noiseMultiplier: 1.5, sampleRate: 0.04 });
   * accountant.getEpsilon(1e-5); // 7.32911117143...
   */
  getEpsilon(delta: number, alphas?: readonly number[]): number {
    return this.getPrivacySpent(delta, alphas).epsilon;
  }
}
