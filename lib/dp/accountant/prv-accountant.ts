// The PRV accountant, after Opacus `opacus/accountants/prv.py`: the same history as the RDP
// accountant, composed numerically as privacy loss random variables (Gopi, Lee, Wutschitz 2021,
// arXiv:2106.02848); tighter than RDP, at the cost of an FFT over a fine grid.
// References: [1] arXiv:2106.02848; [2] github.com/microsoft/prv_accountant.
import { PrivacyAccountant, assertDelta } from "./accountant.ts";
import { computePrvEpsilon, type PrvEpsilon, type PrvEpsilonOptions } from "./analysis/prv.ts";

export type { PrvEpsilon, PrvEpsilonOptions };

export class PrvAccountant extends PrivacyAccountant {
  readonly mechanism = "prv" as const;
  protected readonly accountantName = "PrvAccountant";

  /**
   * epsilon bounds for this delta: `epsilonEstimate`, and `epsilonLower`/`epsilonUpper` that hold
   * up to `epsError` in epsilon and `deltaError` in delta (defaults 0.01 and delta / 1000).
   * @throws AppError bad_request naming the rule when an argument is out of range; unprocessable
   * when the grid would be too large or delta too small to resolve.
   */
  getPrivacySpent(delta: number, options: PrvEpsilonOptions = {}): PrvEpsilon {
    assertDelta("PrvAccountant.getPrivacySpent", delta);
    return computePrvEpsilon(this.history, delta, options);
  }

  /**
   * The privacy budget spent so far: the upper bound on epsilon for this delta (as Opacus,
   * "we want a guarantee, not just an estimate").
   * @example
   * const accountant = new PrvAccountant();
   * accountant.loadStateDict({ mechanism: "prv", history: [{ noiseMultiplier: 1.5, sampleRate: 0.04, steps: 2249 }] });
   * accountant.getEpsilon(1e-5); // 6.7773957...
   */
  getEpsilon(delta: number, options?: PrvEpsilonOptions): number {
    return this.getPrivacySpent(delta, options).epsilonUpper;
  }
}
