// Noise calibration, after Opacus `opacus/accountants/utils.py` (get_noise_multiplier): bisection
// on the noise multiplier through an accountant's getEpsilon only, so that any accountant works.
import { AppError } from "../../errors/index.ts";
import { assertDelta, isAccountantMechanism, type AccountantMechanism } from "./accountant.ts";
import { createAccountant } from "./create-accountant.ts";

/** Opacus's MAX_SIGMA: a larger noise multiplier means the budget cannot be met. */
export const MAX_NOISE_MULTIPLIER = 1e6;

export interface CalibrateNoiseMultiplierOptions {
  targetEpsilon: number;
  delta: number;
  sampleRate: number;
  /** Number of steps; give this or `epochs`. */
  steps?: number;
  /** Number of epochs; steps = trunc(epochs / sampleRate), as Opacus's int(epochs / sample_rate). */
  epochs?: number;
  /** @defaultValue "rdp" */
  accountant?: AccountantMechanism;
  /** The result's epsilon is within this of the target, from below. @defaultValue 0.01 */
  epsilonTolerance?: number;
}

export interface CalibratedNoise {
  noiseMultiplier: number;
  /** epsilon of the accountant at `noiseMultiplier`: targetEpsilon - epsilonTolerance <= epsilon <= targetEpsilon. */
  epsilon: number;
  steps: number;
}

/**
 * The smallest noise multiplier found by bisection whose epsilon is at most `targetEpsilon` and
 * within `epsilonTolerance` of it, for `steps` Poisson-subsampled Gaussian steps at `sampleRate`.
 * Same search as Opacus get_noise_multiplier (upper bracket doubled from 10, then bisection on
 * [0, high]), so the results are Opacus's. About log2(20 / resolution) calls to getEpsilon.
 * @throws AppError bad_request naming the rule when an input is out of range, or when the budget
 * cannot be met with a noise multiplier up to 1e6.
 * @example calibrateNoiseMultiplier({ targetEpsilon: 8, delta: 1e-5, sampleRate: 0.04, epochs: 90 }).noiseMultiplier // 1.416015625
 */
export function calibrateNoiseMultiplier(options: CalibrateNoiseMultiplierOptions): CalibratedNoise {
  const fn = "calibrateNoiseMultiplier";
  const { targetEpsilon, delta, sampleRate, accountant = "rdp", epsilonTolerance = 0.01 } = options;
  if (typeof targetEpsilon !== "number" || !(targetEpsilon > 0) || !Number.isFinite(targetEpsilon)) {
    throw new AppError("bad_request", `${fn}: targetEpsilon must be a finite number > 0, got ${String(targetEpsilon)}`);
  }
  assertDelta(fn, delta);
  if (typeof sampleRate !== "number" || !(sampleRate > 0 && sampleRate <= 1)) {
    throw new AppError("bad_request", `${fn}: sampleRate must be a number in (0, 1], got ${String(sampleRate)}`);
  }
  if (typeof epsilonTolerance !== "number" || !(epsilonTolerance > 0) || !Number.isFinite(epsilonTolerance)) {
    throw new AppError("bad_request", `${fn}: epsilonTolerance must be a finite number > 0, got ${String(epsilonTolerance)}`);
  }
  if (!isAccountantMechanism(accountant)) {
    throw new AppError("bad_request", `${fn}: accountant must be "rdp" or "prv", got ${String(accountant)}`);
  }
  if ((options.steps === undefined) === (options.epochs === undefined)) {
    throw new AppError("bad_request", `${fn}: give either steps or epochs, not both and not neither`);
  }
  let steps: number;
  if (options.steps !== undefined) {
    steps = options.steps;
    if (!Number.isSafeInteger(steps) || steps < 1) {
      throw new AppError("bad_request", `${fn}: steps must be an integer >= 1, got ${String(options.steps)}`);
    }
  } else {
    const epochs = options.epochs;
    if (typeof epochs !== "number" || !(epochs > 0) || !Number.isFinite(epochs)) {
      throw new AppError("bad_request", `${fn}: epochs must be a finite number > 0, got ${String(epochs)}`);
    }
    steps = Math.trunc(epochs / sampleRate);
    if (steps < 1) throw new AppError("bad_request", `${fn}: epochs / sampleRate must be at least one step`);
  }

  const epsilonAt = (noiseMultiplier: number): number => {
    const instance = createAccountant(accountant);
    instance.loadStateDict({ mechanism: accountant, history: [{ noiseMultiplier, sampleRate, steps }] });
    return instance.getEpsilon(delta);
  };

  let epsHigh = Number.POSITIVE_INFINITY;
  let sigmaLow = 0;
  let sigmaHigh = 10;
  while (epsHigh > targetEpsilon) {
    sigmaHigh = 2 * sigmaHigh;
    epsHigh = epsilonAt(sigmaHigh);
    if (sigmaHigh > MAX_NOISE_MULTIPLIER) {
      throw new AppError("bad_request", `${fn}: the privacy budget is too low (epsilon ${targetEpsilon} at delta ${delta} needs a noise multiplier above ${MAX_NOISE_MULTIPLIER})`);
    }
  }
  for (let iteration = 0; targetEpsilon - epsHigh > epsilonTolerance; iteration++) {
    // Each halving shrinks [sigmaLow, sigmaHigh]; 200 exhaust double precision.
    if (iteration >= 200) {
      throw new AppError("internal", `${fn}: bisection did not reach the tolerance ${epsilonTolerance}`);
    }
    const sigma = (sigmaLow + sigmaHigh) / 2;
    const eps = epsilonAt(sigma);
    if (eps < targetEpsilon) {
      sigmaHigh = sigma;
      epsHigh = eps;
    } else {
      sigmaLow = sigma;
    }
  }
  return { noiseMultiplier: sigmaHigh, epsilon: epsHigh, steps };
}
