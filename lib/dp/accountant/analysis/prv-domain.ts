// The grid the PRVs are discretised on (step 1 of prv.ts's pipeline).
// [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
import { AppError } from "../../../errors/index.ts";
import { nextPowerOfTwo } from "./fft.ts";
import type { SgmRun } from "./poisson-subsampled-gaussian-prv.ts";
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent } from "./rdp.ts";

/** Largest grid, 2^25 points: about 1.3 GB of working arrays; beyond, ask for a larger eps_error. */
export const MAX_PRV_DOMAIN_SIZE = 2 ** 25;

/**
 * The grid t_j = (j - zeroIndex) dt + shift, j in [0, size): Opacus's `Domain`, with the
 * mean-shift correction kept apart from the cell positions.
 */
export interface PrvDomain {
  size: number;
  dt: number;
  /** Index of the cell centred on t = 0 before shifting. */
  zeroIndex: number;
  shift: number;
}

/** t of cell j. */
export function domainPoint(domain: PrvDomain, j: number): number {
  return (j - domain.zeroIndex) * domain.dt + domain.shift;
}

/**
 * Opacus `Domain.create_aligned(-L, L, dt)` (cells aligned on multiples of dt, an even number of
 * them, one more above 0 than below), then widened evenly on both sides to a power of two.
 */
export function createPrvDomain(halfWidth: number, dt: number): PrvDomain {
  if (!(halfWidth > 0) || !(dt > 0) || !Number.isFinite(halfWidth / dt)) {
    throw new AppError("bad_request", `createPrvDomain: halfWidth and dt must be finite and > 0, got ${halfWidth} and ${dt}`);
  }
  const cellsBelow = Math.ceil(halfWidth / dt);
  const opacusSize = 2 * cellsBelow + 2;
  const size = nextPowerOfTwo(opacusSize);
  if (size > MAX_PRV_DOMAIN_SIZE) {
    throw new AppError(
      "unprocessable",
      `prv accountant: this setting needs ${opacusSize} grid points (domain +/-${halfWidth.toFixed(2)} at mesh ${dt.toExponential(2)}), more than ${MAX_PRV_DOMAIN_SIZE}; use a larger epsError or the rdp accountant`,
    );
  }
  const zeroIndex = cellsBelow + Math.floor((size - opacusSize) / 2);
  return { size, dt, zeroIndex, shift: 0 };
}

/**
 * The domain half-width L of [1], Remark 5.6, as Opacus `compute_safe_domain_size`: the RDP
 * epsilon of the whole composition at delta_error / 4 and of every single step at
 * delta_error / (8 N), plus 3 (Opacus's FIXME: adapted from the authors' code).
 */
export function computeSafeDomainSize(runs: readonly SgmRun[], epsError: number, deltaError: number): number {
  const totalSteps = runs.reduce((sum, run) => sum + run.steps, 0);
  const rdpOf = (run: SgmRun, steps: number) => computeRdp(run.sampleRate, run.noiseMultiplier, steps, DEFAULT_ALPHAS);
  const total = new Array<number>(DEFAULT_ALPHAS.length).fill(0);
  for (const run of runs) {
    const rdp = rdpOf(run, run.steps);
    for (let i = 0; i < total.length; i++) total[i]! += rdp[i]!;
  }
  let lMax = getPrivacySpent(DEFAULT_ALPHAS, total, deltaError / 4).epsilon;
  for (const run of runs) {
    lMax = Math.max(lMax, getPrivacySpent(DEFAULT_ALPHAS, rdpOf(run, 1), deltaError / (8 * totalSteps)).epsilon);
  }
  return Math.max(lMax, epsError) + 3;
}
