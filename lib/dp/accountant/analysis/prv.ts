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
// Where this departs from Opacus (all at the level of rounding or of mass far below delta_error):
//   - the grid is widened to a power of two (this file's radix-2 FFT); the cells stay aligned on 0;
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
import { type BitReversedSpectrum, irfft, irfftBitReversed, nextPowerOfTwo, rfft, rfftBitReversed } from "./fft.ts";
import { integrate } from "./quadrature.ts";
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent } from "./rdp.ts";
import { erfc } from "../../../numerics/index.ts";

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** np.finfo(np.longdouble).eps on x86-64, the constant of Opacus's round-off guard. */
const LONG_DOUBLE_EPS = 1.0842021724855044e-19;
/** Largest grid, 2^25 points: about 1.3 GB of working arrays; beyond, ask for a larger eps_error. */
export const MAX_PRV_DOMAIN_SIZE = 2 ** 25;
/** exp(x) underflows to 0 below this. */
const LOG_MIN_DOUBLE = -745;

/**
 * The PRV of the Poisson-subsampled Gaussian mechanism: Y = log(P(x) / Q(x)) with
 * x ~ P = (1 - q) N(0, s^2) + q N(1, s^2) and Q = N(0, s^2) ([1], Propositions B.1 and B.4).
 * Y = l(x) = log(1 - q + q exp((2x - 1) / (2 s^2))) is increasing in x, supported on (log(1 - q), inf).
 */
export class PoissonSubsampledGaussianPrv {
  readonly sampleRate: number;
  readonly noiseMultiplier: number;
  /** log(1 - q): the loss never goes below it (-Infinity when q = 1). */
  readonly lowerSupport: number;
  private readonly logQ: number;
  private readonly log1mQ: number;
  /** 1 / (2 s sqrt 2) */
  private readonly halfGap: number;

  constructor(sampleRate: number, noiseMultiplier: number) {
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new AppError("bad_request", `PoissonSubsampledGaussianPrv: sampleRate must be in (0, 1], got ${String(sampleRate)}`);
    }
    if (!(noiseMultiplier > 0 && Number.isFinite(noiseMultiplier))) {
      throw new AppError("bad_request", `PoissonSubsampledGaussianPrv: noiseMultiplier must be a finite number > 0, got ${String(noiseMultiplier)}`);
    }
    this.sampleRate = sampleRate;
    this.noiseMultiplier = noiseMultiplier;
    this.logQ = Math.log(sampleRate);
    this.log1mQ = Math.log1p(-sampleRate);
    this.lowerSupport = this.log1mQ;
    this.halfGap = 1 / (2 * SQRT2 * noiseMultiplier);
  }

  /** z(t) = log((e^t - 1 + q) / q), the Gaussian argument (over s^2, minus 1/2) where the loss is t. */
  z(t: number): number {
    const q = this.sampleRate;
    if (q === 1) return t;
    const d = t - this.log1mQ;
    if (!(d > 0)) return Number.NEGATIVE_INFINITY;
    // e^t - (1 - q) = (1 - q) expm1(d): exact near the lower end of the support.
    if (d < 0.5) return this.log1mQ - this.logQ + Math.log(Math.expm1(d));
    if (t < 700) return Math.log1p(Math.expm1(t) / q);
    return t - this.logQ + Math.log1p(-(1 - q) * Math.exp(-t));
  }

  /** The loss l(x) at the Gaussian sample x. */
  loss(x: number): number {
    const sigma = this.noiseMultiplier;
    const u = (2 * x - 1) / (2 * sigma * sigma);
    const q = this.sampleRate;
    if (q === 1) return u;
    if (u <= 700) return Math.log1p(q * Math.expm1(u));
    return u + this.logQ + Math.log1p(((1 - q) / q) * Math.exp(-u));
  }

  /** x at which the loss is t (the inverse of `loss`). */
  sampleOfLoss(t: number): number {
    return this.noiseMultiplier * this.noiseMultiplier * this.z(t) + 0.5;
  }

  /** Density of x under P, the mixture (1 - q) N(0, s^2) + q N(1, s^2). */
  mixtureDensity(x: number): number {
    const sigma = this.noiseMultiplier;
    const a = x / sigma;
    const b = (x - 1) / sigma;
    return ((1 - this.sampleRate) * Math.exp(-0.5 * a * a) + this.sampleRate * Math.exp(-0.5 * b * b)) * (INV_SQRT_2PI / sigma);
  }

  /** P(Y <= t) ([1], Proposition B.4); as Opacus `cdf`, without cancellation in the lower tail. */
  cdf(t: number): number {
    if (t <= this.lowerSupport) return 0;
    const a = this.erfcArgument(t);
    return 0.5 * (this.sampleRate * erfc(this.halfGap - a) + (1 - this.sampleRate) * erfc(-a - this.halfGap));
  }

  /** P(Y > t) = 1 - cdf(t), computed directly so that the upper tail keeps its relative precision. */
  survival(t: number): number {
    if (t <= this.lowerSupport) return 1;
    const a = this.erfcArgument(t);
    return 0.5 * (this.sampleRate * erfc(a - this.halfGap) + (1 - this.sampleRate) * erfc(a + this.halfGap));
  }

  /** Density of Y ([1], Proposition B.1), as Opacus `pdf`: f(t) = p(x(t)) x'(t). */
  pdf(t: number): number {
    if (t <= this.lowerSupport) return 0;
    const x = this.sampleOfLoss(t);
    const sigma2 = this.noiseMultiplier * this.noiseMultiplier;
    // dx/dt = s^2 dz/dt = s^2 e^t / (e^t - 1 + q)
    const dzdt = this.sampleRate === 1 ? 1 : 1 / (1 - (1 - this.sampleRate) * Math.exp(-t));
    return this.mixtureDensity(x) * sigma2 * dzdt;
  }

  /** RDP of one step at order alpha (for the domain bound). */
  rdp(alpha: number): number {
    return computeRdp(this.sampleRate, this.noiseMultiplier, 1, [alpha])[0]!;
  }

  /**
   * (x - 1/2) / (s sqrt 2) at loss t: the erfc arguments of the two mixture components,
   * (x - 1) / (s sqrt 2) and x / (s sqrt 2), are this -/+ halfGap.
   */
  private erfcArgument(t: number): number {
    const sigma = this.noiseMultiplier;
    return (sigma * this.z(t)) / SQRT2;
  }

  /**
   * Mean of Y truncated to [tMin, tMax], as an integral over x of l(x) p(x) (Gauss-Legendre panels
   * narrower than the distance pi s^2 from the real axis to the singularities of l).
   */
  truncatedMean(tMin: number, tMax: number): number {
    const sigma = this.noiseMultiplier;
    const mass = 1 - this.survival(tMax) - this.cdf(tMin);
    let xLo = tMin > this.lowerSupport ? this.sampleOfLoss(tMin) : Number.NEGATIVE_INFINITY;
    let xHi = this.sampleOfLoss(tMax);
    // Beyond 40 standard deviations both Gaussians weigh less than exp(-800).
    xLo = Math.max(xLo, -40 * sigma);
    xHi = Math.min(xHi, 1 + 40 * sigma);
    const panel = Math.min(sigma / 2, Math.PI * sigma * sigma);
    const firstMoment = integrate((x) => this.loss(x) * this.mixtureDensity(x), xLo, xHi, panel);
    return firstMoment / mass;
  }
}

/** One run of identical steps, as in an accountant's history. */
export interface SgmRun {
  noiseMultiplier: number;
  sampleRate: number;
  steps: number;
}

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

/** A PMF on a domain; pmf[j] is the probability of t_j. */
export interface DiscretePrv {
  pmf: Float64Array;
  domain: PrvDomain;
  /** Cells outside [first, last] are 0 (when known; saves scanning the grid). */
  support?: { first: number; last: number };
}

/**
 * The PRV truncated to the domain (and where its survival falls below `tailMass`), discretised
 * into cells of width dt centred on the grid points, then shifted so that the discrete mean equals
 * the continuous one (Opacus `discretize`).
 * @throws AppError internal when the shift would exceed half a cell (as Opacus's RuntimeError).
 */
export function discretizePrv(prv: PoissonSubsampledGaussianPrv, domain: PrvDomain, tailMass: number): DiscretePrv {
  const { size, dt, zeroIndex } = domain;
  const tMin = -zeroIndex * dt;
  const tMaxGrid = (size - 1 - zeroIndex) * dt;
  const tMax = truncationPoint(prv, Math.max(tMin, prv.lowerSupport), tMaxGrid, tailMass);
  const cdfAtMin = prv.cdf(tMin);
  const survivalAtMax = prv.survival(tMax);
  const mass = 1 - survivalAtMax - cdfAtMin;

  // Below `switchPoint` cells are CDF differences, above they are survival differences, so that
  // neither tail loses its relative precision.
  const switchPoint = prv.loss(0);
  const lower = Math.max(tMin, prv.lowerSupport);
  const firstCell = Math.max(0, Math.floor((lower - tMin) / dt - 0.5));
  const lastCell = Math.min(size - 1, Math.ceil((tMax - tMin) / dt + 0.5));
  const cumulative = (edge: number): number =>
    edge <= tMin ? 0 : edge >= tMax ? mass : prv.cdf(edge) - cdfAtMin;
  const upper = (edge: number): number =>
    edge <= tMin ? mass : edge >= tMax ? 0 : prv.survival(edge) - survivalAtMax;

  const pmf = new Float64Array(size);
  const firstEdge = tMin + (firstCell - 0.5) * dt;
  let previousIsUpper = firstEdge >= switchPoint;
  let previousValue = previousIsUpper ? upper(firstEdge) : cumulative(firstEdge);
  for (let j = firstCell; j <= lastCell; j++) {
    const edge = tMin + (j + 0.5) * dt;
    let cell: number;
    if (previousIsUpper) {
      const value = upper(edge);
      cell = previousValue - value;
      previousValue = value;
    } else if (edge < switchPoint) {
      const value = cumulative(edge);
      cell = value - previousValue;
      previousValue = value;
    } else {
      // the cell that straddles the switch: both edges as CDF, then continue with survival
      cell = cumulative(edge) - previousValue;
      previousValue = upper(edge);
      previousIsUpper = true;
    }
    pmf[j] = cell / mass;
  }

  const meanContinuous = prv.truncatedMean(tMin, tMax);
  const meanDiscrete = compensatedDot(pmf, tMin, dt, firstCell, lastCell);
  const shift = meanContinuous - meanDiscrete;
  if (!(Math.abs(shift) < dt / 2)) {
    throw new AppError("internal", "discretizePrv: the discrete mean differs significantly from the continuous mean");
  }
  return { pmf, domain: { ...domain, shift: domain.shift + shift }, support: { first: firstCell, last: lastCell } };
}

/** The point where the survival of the PRV falls to `tailMass` (bisection), or tMax if it never does. */
function truncationPoint(prv: PoissonSubsampledGaussianPrv, lo: number, tMax: number, tailMass: number): number {
  if (prv.survival(tMax) >= tailMass) return tMax;
  let low = lo;
  let high = tMax;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = 0.5 * (low + high);
    if (prv.survival(mid) >= tailMass) low = mid;
    else high = mid;
  }
  return high;
}

/** sum_j pmf[j] (tMin + j dt) over [first, last], with Neumaier summation. */
function compensatedDot(pmf: Float64Array, tMin: number, dt: number, first: number, last: number): number {
  let sum = 0;
  let compensation = 0;
  for (let j = first; j <= last; j++) {
    const term = pmf[j]! * (tMin + j * dt);
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * The spectrum C_k of a composition: the product over runs of (DFT of the run's PMF)^steps, with
 * what is needed to place it back on the grid. Either `full` (every frequency, in the bit-reversed
 * order of `rfftBitReversed`) or `low` (k < low.re.length in natural order, every other frequency
 * proven to have |C_k| <= low.negligible).
 */
export interface ComposedSpectrum {
  domain: PrvDomain;
  /** Circular index of composed cell j is j + roll (mod size). */
  roll: number;
  full?: BitReversedSpectrum;
  low?: { re: Float64Array; im: Float64Array; negligible: number };
}

/** Below this grid size the full FFT is cheap enough. */
const LOW_FREQUENCY_MIN_SIZE = 2 ** 20;
/** Above this many non-negligible frequencies the composed PMF is built by an inverse FFT. */
const SPARSE_FREQUENCY_LIMIT = 1 << 14;

/**
 * Multiplies the spectra of the runs raised to their numbers of steps ([1], sec. 5; Opacus
 * `_compose_fourier` for each run, then `compose_heterogeneous`, here as one product).
 *
 * With `negligible`, on large grids, only the frequencies that can matter are computed: for a
 * PMF p, |X_k| |1 - e^{-2 pi i k / M}| <= TV(p) = sum_j |p_j - p_{j-1}| (summation by parts), so
 * |C_k| <= prod_r (TV_r / (2 sin(pi k / M)))^{N_r}, and above the first k where that bound falls
 * below `negligible` every frequency is left out. After many steps that leaves a few thousand of
 * millions, computed exactly by `lowFrequencySpectrum` instead of a full FFT.
 */
export function composeSpectra(dprvs: readonly DiscretePrv[], steps: readonly number[], negligible?: number): ComposedSpectrum {
  if (dprvs.length === 0 || dprvs.length !== steps.length) {
    throw new AppError("bad_request", "composeSpectra: dprvs and steps must be non-empty and of the same length");
  }
  const { size, dt, zeroIndex } = dprvs[0]!.domain;
  let totalSteps = 0;
  let totalShift = 0;
  for (let s = 0; s < dprvs.length; s++) {
    const d = dprvs[s]!;
    if (d.domain.size !== size || d.domain.dt !== dt || d.domain.zeroIndex !== zeroIndex || d.pmf.length !== size) {
      throw new AppError("bad_request", "composeSpectra: all PRVs must be discretised on the same domain");
    }
    const n = steps[s]!;
    if (!(Number.isSafeInteger(n) && n >= 1)) {
      throw new AppError("bad_request", `composeSpectra: steps must be integers >= 1, got ${String(n)}`);
    }
    totalSteps += n;
    totalShift += n * d.domain.shift;
  }
  // Each of the N summands counts its cells from -zeroIndex, so the circular index of composed
  // cell j is j + (N - 1) zeroIndex (Opacus: np.roll by N - 1, plus size / 2 when N is even).
  const roll = Number((BigInt(totalSteps - 1) * BigInt(zeroIndex)) % BigInt(size));
  const domain = { size, dt, zeroIndex, shift: totalShift };

  const cutoff = negligible !== undefined && size >= LOW_FREQUENCY_MIN_SIZE ? negligibleFrequencyCutoff(dprvs, steps, negligible) : undefined;
  // Worth it while the ~13 coarse transforms (of 16 x cutoff points) are much shorter than the grid.
  if (cutoff !== undefined && cutoff <= SPARSE_FREQUENCY_LIMIT && coarseSize(cutoff, size) <= size / 32) {
    const re = new Float64Array(cutoff).fill(1);
    const im = new Float64Array(cutoff);
    for (let s = 0; s < dprvs.length; s++) {
      const spectrum = lowFrequencySpectrum(dprvs[s]!, cutoff);
      raiseToPower(spectrum, steps[s]!);
      multiplyInto(re, im, spectrum.re, spectrum.im);
    }
    return { domain, roll, low: { re, im, negligible: negligible! } };
  }

  let product: BitReversedSpectrum | undefined;
  for (let s = 0; s < dprvs.length; s++) {
    const spectrum = rfftBitReversed(dprvs[s]!.pmf);
    raiseToPower(spectrum, steps[s]!);
    spectrum.nyquist = spectrum.nyquist ** steps[s]!;
    if (product === undefined) {
      product = spectrum;
    } else {
      multiplyInto(product.re, product.im, spectrum.re, spectrum.im);
      product.nyquist *= spectrum.nyquist;
    }
  }
  return { domain, roll, full: product! };
}

function multiplyInto(re: Float64Array, im: Float64Array, otherRe: Float64Array, otherIm: Float64Array): void {
  for (let p = 0; p < re.length; p++) {
    const ar = re[p]!;
    const ai = im[p]!;
    const br = otherRe[p]!;
    const bi = otherIm[p]!;
    re[p] = ar * br - ai * bi;
    im[p] = ar * bi + ai * br;
  }
}

/** X^n in place, in polar form; |X|^n below exp(-745) underflows to 0 without a logarithm. */
function raiseToPower(spectrum: { re: Float64Array; im: Float64Array }, n: number): void {
  if (n === 1) return;
  const { re, im } = spectrum;
  const magnitudeFloor = Math.exp((2 * LOG_MIN_DOUBLE) / n);
  for (let p = 0; p < re.length; p++) {
    const xr = re[p]!;
    const xi = im[p]!;
    const magnitude2 = xr * xr + xi * xi;
    if (magnitude2 < magnitudeFloor) {
      re[p] = 0;
      im[p] = 0;
      continue;
    }
    const r = Math.exp(0.5 * n * Math.log(magnitude2));
    const phase = n * Math.atan2(xi, xr);
    re[p] = r * Math.cos(phase);
    im[p] = r * Math.sin(phase);
  }
}

/** Cells of a PMF that may be non-zero. */
function supportOf(dprv: DiscretePrv): { first: number; last: number } {
  if (dprv.support) return dprv.support;
  let first = 0;
  let last = dprv.pmf.length - 1;
  while (first < last && dprv.pmf[first] === 0) first++;
  while (last > first && dprv.pmf[last] === 0) last--;
  return { first, last };
}

/** sum_j |p_j - p_{j-1}| around the circle. */
function totalVariation(dprv: DiscretePrv): number {
  const { pmf } = dprv;
  const size = pmf.length;
  const { first, last } = supportOf(dprv);
  let total = 0;
  if (last - first + 2 >= size) {
    for (let j = 0; j < size; j++) total += Math.abs(pmf[j]! - pmf[j === 0 ? size - 1 : j - 1]!);
    return total;
  }
  // The cells just outside the support are 0.
  for (let j = first; j <= last + 1; j++) total += Math.abs((j <= last ? pmf[j]! : 0) - (j > first ? pmf[j - 1]! : 0));
  return total;
}

/**
 * The smallest k such that every frequency k' in [k, size / 2] has |C_k'| <= negligible by the
 * total-variation bound, or undefined when the bound never gets there.
 */
function negligibleFrequencyCutoff(dprvs: readonly DiscretePrv[], steps: readonly number[], negligible: number): number | undefined {
  const size = dprvs[0]!.domain.size;
  const logTv = dprvs.map((d) => Math.log(totalVariation(d)));
  const logNegligible = Math.log(negligible);
  // log of the bound, decreasing in k on (0, size / 2]
  const logBound = (k: number): number => {
    const log2Sin = Math.log(2 * Math.sin((Math.PI * k) / size));
    let total = 0;
    for (let r = 0; r < dprvs.length; r++) total += steps[r]! * Math.min(0, logTv[r]! - log2Sin);
    return total;
  };
  if (!(logBound(size / 2) <= logNegligible)) return undefined;
  let lo = 1;
  let hi = size / 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (logBound(mid) <= logNegligible) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Length of the coarse transforms of `lowFrequencySpectrum`. */
function coarseSize(count: number, size: number): number {
  return Math.min(size, Math.max(1024, nextPowerOfTwo(16 * count)));
}

/**
 * X_k = sum_j p_j e^{-2 pi i j k / M} for k < count, without a transform of length M: the grid
 * is cut into bins of b cells, and within a bin e^{-i theta l} is a Taylor series in the offset
 * from the bin centre, so X_k = e^{-i theta c} sum_t (-i theta b/2)^t / t! DFT_{M/b}(mu_t)[k], with
 * mu_t[m] = sum_l p_{bm+l} ((l - c) / (b/2))^t. With M/b >= 16 count, |theta b/2| <= pi/16 and 13
 * terms reach 1e-17 of the mass; the transforms have length M/b.
 */
export function lowFrequencySpectrum(dprv: DiscretePrv, count: number): { re: Float64Array; im: Float64Array } {
  const size = dprv.pmf.length;
  const coarse = coarseSize(count, size);
  const bin = size / coarse;
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  if (bin === 1) {
    const spectrum = rfft(dprv.pmf);
    re.set(spectrum.re.subarray(0, count));
    im.set(spectrum.im.subarray(0, count));
    return { re, im };
  }
  const maxX = (Math.PI * (count - 1) * bin) / size;
  let terms = 1;
  for (let power = 1; power > 1e-18 && terms < 40; terms++) power *= maxX / terms;
  const shift = Math.log2(bin);
  const centre = (bin - 1) / 2;
  const halfBin = bin / 2;
  const moments = Array.from({ length: terms }, () => new Float64Array(coarse));
  const { first, last } = supportOf(dprv);
  for (let j = first; j <= last; j++) {
    const p = dprv.pmf[j]!;
    if (p === 0) continue;
    const m = j >>> shift;
    const u = ((j & (bin - 1)) - centre) / halfBin;
    let term = p;
    for (let t = 0; t < terms; t++) {
      moments[t]![m]! += term;
      term *= u;
    }
  }
  const transforms = moments.map((moment) => rfft(moment));
  for (let k = 0; k < count; k++) {
    const x = (Math.PI * k * bin) / size; // theta_k b / 2
    // Horner: S = F_{T-1}; S = F_t + (-i x / (t + 1)) S
    let sr = transforms[terms - 1]!.re[k]!;
    let si = transforms[terms - 1]!.im[k]!;
    for (let t = terms - 2; t >= 0; t--) {
      const a = x / (t + 1);
      const nr = transforms[t]!.re[k]! + a * si;
      const ni = transforms[t]!.im[k]! - a * sr;
      sr = nr;
      si = ni;
    }
    const angle = (-Math.PI * k * (bin - 1)) / size; // -theta_k c
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    re[k] = sr * c - si * s;
    im[k] = sr * s + si * c;
  }
  return { re, im };
}

/** The composed PMF on the grid, by the inverse FFT of a composed spectrum (which it consumes). */
export function composedPmf(composed: ComposedSpectrum): DiscretePrv {
  const { domain, roll } = composed;
  const size = domain.size;
  let circular: Float64Array;
  if (composed.full) {
    circular = irfftBitReversed(composed.full);
  } else {
    const re = new Float64Array(size / 2 + 1);
    const im = new Float64Array(size / 2 + 1);
    re.set(composed.low!.re);
    im.set(composed.low!.im);
    circular = irfft({ re, im }, size);
  }
  const pmf = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const from = j + roll;
    pmf[j] = circular[from >= size ? from - size : from]!;
  }
  return { pmf, domain };
}

/**
 * The PMF of the sum of `steps[i]` independent copies of each PRV (Opacus `compose_heterogeneous`).
 */
export function composeHeterogeneous(dprvs: readonly DiscretePrv[], steps: readonly number[]): DiscretePrv {
  return composedPmf(composeSpectra(dprvs, steps));
}

export interface PrvEpsilonBounds {
  epsilonLower: number;
  epsilonEstimate: number;
  epsilonUpper: number;
}

/**
 * epsilon from a composed PRV, as Opacus `DiscretePRV.compute_epsilon`: with
 * delta(eps) = sum_{t_j > eps} p_j (1 - e^{eps - t_j}), the epsilon solving delta(eps) = target
 * within the cell where delta crosses the target; lower/upper use delta +/- delta_error and
 * subtract/add eps_error ([1], Theorem 5.5).
 * @throws AppError unprocessable when rounding would dominate (delta - delta_error below
 * size * eps of long double) or the target is outside the grid.
 */
export function computeEpsilonFromPrv(dprv: DiscretePrv, delta: number, deltaError: number, epsError: number): PrvEpsilonBounds {
  if (delta <= 0) {
    return { epsilonLower: Number.POSITIVE_INFINITY, epsilonEstimate: Number.POSITIVE_INFINITY, epsilonUpper: Number.POSITIVE_INFINITY };
  }
  const { pmf, domain } = dprv;
  const size = domain.size;
  assertDeltaResolvable(size, delta, deltaError);
  // Targets in increasing order of delta. delta(t_j) grows as j goes down, so one scan from the
  // top of the grid meets them in this order.
  const targets = [delta - deltaError, delta, delta + deltaError];
  const tailSums: { d1: number; d2: number }[] = [];
  let d1 = 0; // sum_{i > j} p_i
  let d2 = 0; // sum_{i > j} p_i e^{-t_i}
  let expMinusT = 0;
  const stepFactor = Math.exp(domain.dt);
  for (let j = size - 1; j >= 0 && tailSums.length < targets.length; j--) {
    // e^{-t_j}: exact every 1024 cells, by the recurrence e^{-t_j} = e^{-t_{j+1}} e^{dt} between.
    expMinusT = (size - 1 - j) % 1024 === 0 ? Math.exp(-domainPoint(domain, j)) : expMinusT * stepFactor;
    const p = pmf[j]!;
    const nextD1 = d1 + p;
    const nextD2 = d2 + p * expMinusT;
    const negativeDelta = nextD2 / expMinusT - nextD1; // Opacus's ndelta[j] = -delta(t_j)
    // numpy's searchsorted(ndelta, -target, "left") on an increasing ndelta is the lowest index
    // with ndelta >= -target: here j + 1, the last index passed before ndelta fell below.
    while (tailSums.length < targets.length && negativeDelta < -targets[tailSums.length]!) {
      if (j + 1 >= size) {
        throw new AppError("unprocessable", "computeEpsilonFromPrv: delta is below the mass beyond the top of the domain");
      }
      tailSums.push({ d1, d2 });
    }
    d1 = nextD1;
    d2 = nextD2;
  }
  if (tailSums.length < targets.length) {
    throw new AppError("unprocessable", "computeEpsilonFromPrv: cannot compute epsilon (delta is not reached inside the domain)");
  }
  const epsilonFor = (i: number) => Math.log((tailSums[i]!.d1 - targets[i]!) / tailSums[i]!.d2);
  return {
    epsilonLower: epsilonFor(2) - epsError,
    epsilonEstimate: epsilonFor(1),
    epsilonUpper: epsilonFor(0) + epsError,
  };
}

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
 * epsilon straight from a composed spectrum, without the inverse FFT, when few frequencies
 * survive the powering (the composed PMF is then a short trigonometric sum; after many steps it
 * is smooth and wide, and only the lowest few dozen frequencies are above rounding). The tail sums
 * d1(i) = sum_{j >= i} P_j and d2(i) = sum_{j >= i} P_j e^{-t_j} of that sum are geometric series,
 * in closed form; the index where delta crosses each target is found by bisection, as numpy's
 * searchsorted in Opacus `compute_epsilon`. Frequencies with |C_k| < 1e-6 delta_error are left
 * out: together they move delta by less than 1e-5 delta_error.
 * @returns undefined when more than SPARSE_FREQUENCY_LIMIT frequencies matter (use the dense path).
 */
export function computeEpsilonFromSpectrum(
  composed: ComposedSpectrum,
  delta: number,
  deltaError: number,
  epsError: number,
): PrvEpsilonBounds | undefined {
  const { domain, roll } = composed;
  const size = domain.size;
  assertDeltaResolvable(size, delta, deltaError);
  const cut = 1e-6 * deltaError;
  // The frequencies 0 <= k < size/2 with |C_k| >= cut, and C_k.
  const kept: { k: number; re: number; im: number }[] = [];
  const keep = (k: number, re: number, im: number): boolean => {
    if (re * re + im * im < cut * cut) return true;
    if (kept.length >= SPARSE_FREQUENCY_LIMIT) return false;
    kept.push({ k, re, im });
    return true;
  };
  let nyquist = 0;
  if (composed.low) {
    if (composed.low.negligible > cut) return undefined;
    for (let k = 0; k < composed.low.re.length; k++) {
      if (!keep(k, composed.low.re[k]!, composed.low.im[k]!)) return undefined;
    }
  } else {
    const full = composed.full!;
    for (let p = 0; p < full.re.length; p++) {
      if (!keep(full.bitReversed[p]!, full.re[p]!, full.im[p]!)) return undefined;
    }
    nyquist = full.nyquist;
  }
  const count = kept.length;
  // Per frequency k (1 <= k < size/2): D_k = C_k e^{2 pi i roll k / size} / size, so that
  // P_j = D_0 + sum_k 2 Re(D_k e^{i theta_k j}) + D_half (-1)^j, theta_k = 2 pi k / size.
  const ks = new Float64Array(count);
  const dRe = new Float64Array(count);
  const dIm = new Float64Array(count);
  const gRe = new Float64Array(count); // 1 / (1 - e^{i theta})
  const gIm = new Float64Array(count);
  const hRe = new Float64Array(count); // 1 / (1 - e^{i theta - dt})
  const hIm = new Float64Array(count);
  const dt = domain.dt;
  const decay = Math.exp(-dt);
  const oneMinusDecay = -Math.expm1(-dt);
  let d0 = 0;
  for (let f = 0; f < count; f++) {
    const { k } = kept[f]!;
    const cr = kept[f]!.re / size;
    const ci = kept[f]!.im / size;
    if (k === 0) {
      d0 = cr;
      continue;
    }
    const angle = (2 * Math.PI * ((roll * k) % size)) / size;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    ks[f] = k;
    dRe[f] = cr * c - ci * s;
    dIm[f] = cr * s + ci * c;
    const theta = (2 * Math.PI * k) / size;
    const sinHalf = Math.sin(theta / 2);
    const sinTheta = Math.sin(theta);
    // 1 - e^{i theta} = 2 sin^2(theta/2) - i sin(theta), without cancellation for small theta
    const ar = 2 * sinHalf * sinHalf;
    const ai = -sinTheta;
    const an = ar * ar + ai * ai;
    gRe[f] = ar / an;
    gIm[f] = -ai / an;
    // 1 - e^{-dt} e^{i theta} = (1 - e^{-dt}) + e^{-dt} 2 sin^2(theta/2) - i e^{-dt} sin(theta)
    const br = oneMinusDecay + decay * ar;
    const bi = -decay * sinTheta;
    const bn = br * br + bi * bi;
    hRe[f] = br / bn;
    hIm[f] = -bi / bn;
  }
  const nyquistTerm = Math.abs(nyquist) >= cut ? ((roll % 2 === 0 ? 1 : -1) * nyquist) / size : 0;

  /** d1(i) and a(i) = e^{t_i} d2(i), i.e. ndelta(i) = a(i) - d1(i). */
  const tailSums = (i: number): { d1: number; a: number } => {
    const remaining = size - i;
    const farDecay = Math.exp(-remaining * dt); // e^{-(size - i) dt}
    let d1 = d0 * remaining;
    let a = (d0 * -Math.expm1(-remaining * dt)) / oneMinusDecay;
    for (let f = 0; f < count; f++) {
      const k = ks[f]!;
      if (k === 0) continue;
      const angle = (2 * Math.PI * ((k * i) % size)) / size;
      const er = Math.cos(angle);
      const ei = Math.sin(angle);
      const dr = dRe[f]!;
      const di = dIm[f]!;
      // sum_{j >= i} e^{i theta j} = (e^{i theta i} - 1) / (1 - e^{i theta})
      const ur = er - 1;
      const vr = ur * gRe[f]! - ei * gIm[f]!;
      const vi = ur * gIm[f]! + ei * gRe[f]!;
      d1 += 2 * (dr * vr - di * vi);
      // e^{t_i} sum_{j >= i} e^{i theta j} e^{-t_j} = (e^{i theta i} - e^{-(size - i) dt}) / (1 - rho)
      const wr = er - farDecay;
      const xr = wr * hRe[f]! - ei * hIm[f]!;
      const xi = wr * hIm[f]! + ei * hRe[f]!;
      a += 2 * (dr * xr - di * xi);
    }
    if (nyquistTerm !== 0) {
      const sign = i % 2 === 0 ? 1 : -1;
      d1 += i % 2 === 0 ? 0 : -nyquistTerm;
      a += (sign * nyquistTerm * (1 - (remaining % 2 === 0 ? 1 : -1) * farDecay)) / (1 + decay);
    }
    return { d1, a };
  };

  const epsilonFor = (target: number): number => {
    // lowest i with ndelta(i) >= -target (numpy searchsorted, side "left")
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const { d1, a } = tailSums(mid);
      if (a - d1 < -target) lo = mid + 1;
      else hi = mid;
    }
    if (lo <= 0) throw new AppError("unprocessable", "computeEpsilonFromSpectrum: cannot compute epsilon (delta is reached below the domain)");
    if (lo >= size) throw new AppError("unprocessable", "computeEpsilonFromSpectrum: delta is below the mass beyond the top of the domain");
    const { d1, a } = tailSums(lo);
    // d2 = e^{-t_lo} a, so (d1 - target) / d2 = (d1 - target) e^{t_lo} / a
    return Math.log((d1 - target) / a) + domainPoint(domain, lo);
  };
  return {
    epsilonLower: epsilonFor(delta + deltaError) - epsError,
    epsilonEstimate: epsilonFor(delta),
    epsilonUpper: epsilonFor(delta - deltaError) + epsError,
  };
}

/** Opacus's guard: below size * eps(long double), rounding dominates delta. */
function assertDeltaResolvable(size: number, delta: number, deltaError: number): void {
  if (LONG_DOUBLE_EPS * size > delta - deltaError) {
    throw new AppError(
      "unprocessable",
      "prv accountant: floating point errors will dominate for such small values of delta; increase delta or reduce the domain size",
    );
  }
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
