// Privacy random variables (PRVs) of the Poisson-subsampled Gaussian mechanism and their numerical
// composition, written by hand in TypeScript: privacy accounting is the product's own science, so
// no numerical dependency. It follows Opacus `opacus/accountants/prv.py` and `analysis/prv/*`
// (after microsoft/prv_accountant), step for step:
//   1. a domain [-L, L] from RDP tail bounds (Gopi et al. 2021, arXiv:2106.02848, Remark 5.6) and a
//      mesh eps_error / sqrt(N log(12 / delta_error) / 2) (ibid., Theorem 5.5);
//   2. each PRV truncated to the domain, discretised cell by cell (pmf = CDF differences) and
//      shifted so that its mean equals the continuous mean (ibid., sec. 5.1);
//   3. self-composition by raising the FFT to the power of the number of steps, and
//      heterogeneous composition by multiplying spectra (ibid., sec. 5);
//   4. epsilon from the composed PMF for delta -/+ delta_error, plus/minus eps_error (ibid., Thm 5.5).
// The mechanism's PRV is in poisson-subsampled-gaussian-prv.ts, the steps in prv-domain.ts,
// discretize-prv.ts, compose-prv.ts and prv-epsilon.ts; this file chains them.
// Where this departs from Opacus (all at the level of rounding or of mass far below delta_error):
//   - the grid is widened to a power of two (fft.ts's radix-2 FFT); the cells stay aligned on 0;
//   - CDF values come from survival functions in the upper tail (no 1 - 1e-17 cancellation), and
//     each PRV is additionally truncated where its survival falls below 1e-6 delta_error / N,
//     which moves delta by at most 1e-6 delta_error and skips computing ~0 cells;
//   - the continuous mean is a Gauss-Legendre integral over the Gaussian's argument (Opacus: quad
//     over the CDF), to ~1e-16, since an error in the mean is multiplied by the number of steps;
//   - heterogeneous runs are composed by one product of spectra (Opacus: pairwise convolutions
//     of the self-composed PMFs), i.e. circularly, like each self-composition in Opacus;
//   - on large grids only the frequencies that a total-variation bound cannot rule out are
//     computed (`lowFrequencySpectrum`, no FFT of the whole grid), and epsilon is read from the
//     few frequencies that survive the powering in closed form (`computeEpsilonFromSpectrum`)
//     instead of from an inverse FFT; both leave out only what is below 1e-6 delta_error.
// These make 1e6 steps take ~0.5-1 s where Opacus takes ~10 s; the epsilons agree to ~1e-6, which
// is the rounding of an FFT raised to the power 1e6 in either implementation.
// References:
//   [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
//   [2] github.com/microsoft/prv_accountant; Opacus 4d0ebc8 opacus/accountants/analysis/prv/
import { AppError } from "../../../errors/index.ts";
import { composedPmf, composeSpectra } from "./compose-prv.ts";
import { discretizePrv } from "./discretize-prv.ts";
import { PoissonSubsampledGaussianPrv, type SgmRun } from "./poisson-subsampled-gaussian-prv.ts";
import { computeSafeDomainSize, createPrvDomain } from "./prv-domain.ts";
import { computeEpsilonFromPrv, computeEpsilonFromSpectrum, type PrvEpsilonBounds } from "./prv-epsilon.ts";

export interface PrvEpsilonOptions {
  /** Accepted error in epsilon (Opacus `eps_error`), default 0.01. */
  epsError?: number;
  /** Accepted error in delta (Opacus `delta_error`), default delta / 1000. */
  deltaError?: number;
}

export interface PrvEpsilon extends PrvEpsilonBounds {
  epsError: number;
  deltaError: number;
  /** Number of grid points of the discretisation (0 when nothing had to be composed). */
  domainSize: number;
}

/**
 * (epsilon, delta) of a sequence of Poisson-subsampled Gaussian runs by PRV composition
 * (Gopi et al. 2021, arXiv:2106.02848), as Opacus `PRVAccountant.get_epsilon` (which returns
 * `epsilonUpper`). Runs with no steps or a zero sampling rate release nothing and are skipped.
 * Cost: O(M log M) for a grid of M points, M ~ 2 L sqrt(N log(12 / delta_error) / 2) / eps_error.
 * @throws AppError bad_request naming the rule when an argument is out of range; unprocessable
 * when the grid would exceed MAX_PRV_DOMAIN_SIZE.
 */
export function computePrvEpsilon(runs: readonly SgmRun[], delta: number, options: PrvEpsilonOptions = {}): PrvEpsilon {
  const fn = "computePrvEpsilon";
  if (typeof delta !== "number" || !(delta > 0 && delta < 1)) {
    throw new AppError("bad_request", `${fn}: delta must be a number in (0, 1), got ${String(delta)}`);
  }
  const epsError = options.epsError ?? 0.01;
  const deltaError = options.deltaError ?? delta / 1000;
  if (typeof epsError !== "number" || !(epsError > 0) || !Number.isFinite(epsError)) {
    throw new AppError("bad_request", `${fn}: epsError must be a finite number > 0, got ${String(epsError)}`);
  }
  if (typeof deltaError !== "number" || !(deltaError > 0 && deltaError < delta)) {
    throw new AppError("bad_request", `${fn}: deltaError must be a number in (0, delta), got ${String(deltaError)}`);
  }
  for (const run of runs) {
    if (!(run.sampleRate >= 0 && run.sampleRate <= 1)) {
      throw new AppError("bad_request", `${fn}: sampleRate must be a number in [0, 1], got ${String(run.sampleRate)}`);
    }
    if (!(run.noiseMultiplier >= 0 && Number.isFinite(run.noiseMultiplier))) {
      throw new AppError("bad_request", `${fn}: noiseMultiplier must be a finite number >= 0, got ${String(run.noiseMultiplier)}`);
    }
    if (!(Number.isSafeInteger(run.steps) && run.steps >= 0)) {
      throw new AppError("bad_request", `${fn}: steps must be an integer >= 0, got ${String(run.steps)}`);
    }
  }
  const active = runs.filter((run) => run.steps > 0 && run.sampleRate > 0);
  const base = { epsError, deltaError };
  if (active.length === 0) {
    return { ...base, epsilonLower: 0, epsilonEstimate: 0, epsilonUpper: 0, domainSize: 0 };
  }
  if (active.some((run) => run.noiseMultiplier === 0)) {
    const inf = Number.POSITIVE_INFINITY;
    return { ...base, epsilonLower: inf, epsilonEstimate: inf, epsilonUpper: inf, domainSize: 0 };
  }
  const totalSteps = active.reduce((sum, run) => sum + run.steps, 0);
  const halfWidth = computeSafeDomainSize(active, epsError, deltaError);
  // [1], Theorem 5.5: the mesh for which discretisation moves epsilon by at most eps_error.
  const dt = epsError / Math.sqrt((totalSteps * Math.log(12 / deltaError)) / 2);
  const domain = createPrvDomain(halfWidth, dt);
  const tailMass = (1e-6 * deltaError) / totalSteps;
  const dprvs = active.map((run) =>
    discretizePrv(new PoissonSubsampledGaussianPrv(run.sampleRate, run.noiseMultiplier), domain, tailMass),
  );
  const composed = composeSpectra(
    dprvs,
    active.map((run) => run.steps),
    1e-6 * deltaError,
  );
  const bounds =
    computeEpsilonFromSpectrum(composed, delta, deltaError, epsError) ??
    computeEpsilonFromPrv(composedPmf(composed), delta, deltaError, epsError);
  return { ...base, ...bounds, domainSize: domain.size };
}
