// Composition of discretised PRVs by products of their spectra (step 3 of prv.ts's pipeline).
// [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
import { AppError } from "../../../errors/index.ts";
import type { DiscretePrv } from "./discretize-prv.ts";
import { type BitReversedSpectrum, irfft, irfftBitReversed, nextPowerOfTwo, rfft, rfftBitReversed } from "./fft.ts";
import type { PrvDomain } from "./prv-domain.ts";

/** exp(x) underflows to 0 below this. */
const LOG_MIN_DOUBLE = -745;

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
export const SPARSE_FREQUENCY_LIMIT = 1 << 14;

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
