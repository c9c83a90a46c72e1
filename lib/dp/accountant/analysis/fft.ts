// A small radix-2 FFT, written by hand: the accountant's numerics are the product's own science
// and the repository takes no numerical dependency. The PRV accountant composes privacy loss
// distributions with it (Gopi et al. 2021, arXiv:2106.02848, sec. 5).
//
// Complex data is two Float64Arrays (real, imaginary) of a power-of-two length n. The forward
// transform is decimation in frequency (natural order in, bit-reversed order out) and the inverse
// decimation in time (bit-reversed in, natural out), so a forward transform, a pointwise
// operation and an inverse never permute the data: on 2^22 points the permutation costs as much
// as a third of the transform. Stages whose butterflies span at most BLOCK points run block by
// block while the block is in cache.
import { AppError } from "../../../errors/index.ts";

const BLOCK = 2048;

interface FftPlan {
  size: number;
  /** exp(-i pi k / h) for stage h at index h + k, k < h: contiguous reads in the inner loop. */
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
  /** exp(-i pi k / size) for k = bitReverse(p), at index p: the real-FFT split pass in bit-reversed order. */
  splitRe: Float64Array;
  splitIm: Float64Array;
  bitReversed: Uint32Array;
}

// Only the latest plans are kept: a plan for 2^22 points holds ~150 MB.
const PLAN_CACHE_LIMIT = 2;
const planCache = new Map<number, FftPlan>();

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 2 ** 30 && (n & (n - 1)) === 0;
}

/** The smallest power of two >= n. */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * cos and sin of -pi k / h for k in [0, h) into re/im at `offset`, with h/4 + 1 calls to the
 * trigonometric functions (reflections about pi/4 and pi/2 are exact).
 */
function halfCircle(h: number, re: Float64Array, im: Float64Array, offset: number): void {
  if (h < 4) {
    for (let k = 0; k < h; k++) {
      re[offset + k] = Math.cos((Math.PI * k) / h);
      im[offset + k] = -Math.sin((Math.PI * k) / h);
    }
    return;
  }
  const quarter = h / 4;
  const halfH = h / 2;
  for (let k = 0; k <= quarter; k++) {
    const angle = (Math.PI * k) / h;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    re[offset + k] = c;
    im[offset + k] = -s;
    re[offset + halfH - k] = s; // pi/2 - angle
    im[offset + halfH - k] = -c;
    if (k > 0) {
      re[offset + halfH + k] = -s; // pi/2 + angle
      im[offset + halfH + k] = -c;
      re[offset + h - k] = -c; // pi - angle
      im[offset + h - k] = -s;
    }
  }
}

function getPlan(size: number): FftPlan {
  const cached = planCache.get(size);
  if (cached) return cached;
  const length = Math.max(size, 2);
  const twiddleRe = new Float64Array(length);
  const twiddleIm = new Float64Array(length);
  if (size >= 2) {
    // The largest stage from the trigonometric functions, the smaller ones by sampling it.
    const top = size / 2;
    halfCircle(top, twiddleRe, twiddleIm, top);
    for (let h = top / 2; h >= 1; h /= 2) {
      const stride = top / h;
      for (let k = 0; k < h; k++) {
        twiddleRe[h + k] = twiddleRe[top + k * stride]!;
        twiddleIm[h + k] = twiddleIm[top + k * stride]!;
      }
    }
  }
  const bits = Math.round(Math.log2(size));
  const bitReversed = new Uint32Array(size);
  for (let i = 1; i < size; i++) bitReversed[i] = (bitReversed[i >>> 1]! >>> 1) | ((i & 1) << (bits - 1));
  // splitRe/Im[p] = exp(-i pi bitReverse(p) / size). For p < size/2 the entry equals the one of
  // the half-size table (bitReverse doubles), and the upper half holds the odd multiples,
  // exp(-i pi / size) times the half-size table: one complex product per entry, no scattered reads.
  const splitRe = new Float64Array(size);
  const splitIm = new Float64Array(size);
  splitRe[0] = 1;
  for (let half = 1; half < size; half *= 2) {
    const cr = Math.cos(Math.PI / (2 * half));
    const ci = -Math.sin(Math.PI / (2 * half));
    for (let r = 0; r < half; r++) {
      const ar = splitRe[r]!;
      const ai = splitIm[r]!;
      splitRe[half + r] = ar * cr - ai * ci;
      splitIm[half + r] = ar * ci + ai * cr;
    }
  }
  const plan = { size, twiddleRe, twiddleIm, splitRe, splitIm, bitReversed };
  if (planCache.size >= PLAN_CACHE_LIMIT) {
    const oldest = planCache.keys().next().value;
    if (oldest !== undefined) planCache.delete(oldest);
  }
  planCache.set(size, plan);
  return plan;
}

function assertComplexPair(fn: string, re: Float64Array, im: Float64Array): void {
  if (im.length !== re.length || !isPowerOfTwo(re.length)) {
    throw new AppError("bad_request", `${fn}: both arrays must have the same power-of-two length, got ${re.length} and ${im.length}`);
  }
}

/** Forward DFT, decimation in frequency: natural order in, bit-reversed order out. */
function forwardToBitReversed(re: Float64Array, im: Float64Array, plan: FftPlan): void {
  const n = re.length;
  const block = Math.min(BLOCK, n);
  // Stages spanning more than a block stream through the arrays; the rest run block by block, in cache.
  for (let h = n / 2; h >= block; h /= 2) forwardStage(re, im, plan, h, 0, n);
  for (let base = 0; base < n; base += block) {
    for (let h = block / 2; h >= 1; h /= 2) forwardStage(re, im, plan, h, base, base + block);
  }
}

/** One decimation-in-frequency stage of butterflies of half-width h over [from, to). */
function forwardStage(re: Float64Array, im: Float64Array, plan: FftPlan, h: number, from: number, to: number): void {
  const { twiddleRe, twiddleIm } = plan;
  for (let start = from; start < to; start += 2 * h) {
    for (let k = 0; k < h; k++) {
      const a = start + k;
      const b = a + h;
      const ar = re[a]!;
      const ai = im[a]!;
      const br = re[b]!;
      const bi = im[b]!;
      re[a] = ar + br;
      im[a] = ai + bi;
      const dr = ar - br;
      const di = ai - bi;
      const wr = twiddleRe[h + k]!;
      const wi = twiddleIm[h + k]!;
      re[b] = dr * wr - di * wi;
      im[b] = dr * wi + di * wr;
    }
  }
}

/** Inverse DFT (with the 1/n factor), decimation in time: bit-reversed order in, natural out. */
function inverseFromBitReversed(re: Float64Array, im: Float64Array, plan: FftPlan): void {
  const n = re.length;
  const block = Math.min(BLOCK, n);
  for (let base = 0; base < n; base += block) {
    for (let h = 1; h < block; h *= 2) inverseStage(re, im, plan, h, base, base + block);
  }
  for (let h = block; h < n; h *= 2) inverseStage(re, im, plan, h, 0, n);
  const scale = 1 / n;
  for (let i = 0; i < n; i++) {
    re[i]! *= scale;
    im[i]! *= scale;
  }
}

/** One decimation-in-time stage with conjugated twiddles (the inverse), half-width h, over [from, to). */
function inverseStage(re: Float64Array, im: Float64Array, plan: FftPlan, h: number, from: number, to: number): void {
  const { twiddleRe, twiddleIm } = plan;
  for (let start = from; start < to; start += 2 * h) {
    for (let k = 0; k < h; k++) {
      const a = start + k;
      const b = a + h;
      const wr = twiddleRe[h + k]!;
      const wi = -twiddleIm[h + k]!;
      const br = re[b]!;
      const bi = im[b]!;
      const tr = br * wr - bi * wi;
      const ti = br * wi + bi * wr;
      const ar = re[a]!;
      const ai = im[a]!;
      re[a] = ar + tr;
      im[a] = ai + ti;
      re[b] = ar - tr;
      im[b] = ai - ti;
    }
  }
}

function permuteBitReversed(re: Float64Array, im: Float64Array, bitReversed: Uint32Array): void {
  for (let i = 0; i < re.length; i++) {
    const j = bitReversed[i]!;
    if (j > i) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
}

/**
 * In-place complex DFT in natural order, X_k = sum_j x_j exp(-2 pi i j k / n), or its inverse
 * (with the 1/n factor) when `inverse`. O(n log n).
 * @throws AppError bad_request when the lengths differ or are not a power of two.
 */
export function fftInPlace(re: Float64Array, im: Float64Array, inverse = false): void {
  assertComplexPair("fftInPlace", re, im);
  if (re.length === 1) return;
  const plan = getPlan(re.length);
  if (inverse) {
    permuteBitReversed(re, im, plan.bitReversed);
    inverseFromBitReversed(re, im, plan);
  } else {
    forwardToBitReversed(re, im, plan);
    permuteBitReversed(re, im, plan.bitReversed);
  }
}

/**
 * The spectrum of a real signal of length m = 2n, in the bit-reversed order of the n-point
 * complex FFT: re[p] + i im[p] = X_k for k = bitReversed[p] < n, and `nyquist` = X_n (real).
 */
export interface BitReversedSpectrum {
  re: Float64Array;
  im: Float64Array;
  nyquist: number;
  /** k of position p. */
  bitReversed: Uint32Array;
}

/**
 * DFT of a real signal of power-of-two length m >= 4, from one complex FFT of length m/2 on
 * (even samples) + i (odd samples), then the split X_k = E_k + exp(-2 pi i k / m) O_k, done in
 * bit-reversed order (the mirror pairs make it sequential). The input is not modified.
 */
export function rfftBitReversed(signal: Float64Array): BitReversedSpectrum {
  const m = signal.length;
  if (!isPowerOfTwo(m) || m < 4) {
    throw new AppError("bad_request", `rfftBitReversed: length must be a power of two >= 4, got ${m}`);
  }
  const n = m / 2;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    re[j] = signal[2 * j]!;
    im[j] = signal[2 * j + 1]!;
  }
  const plan = getPlan(n);
  forwardToBitReversed(re, im, plan);
  const { splitRe, splitIm } = plan;
  // k = 0: E_0 = Re Z_0, O_0 = Im Z_0; X_0 = E_0 + O_0, X_n = E_0 - O_0.
  const nyquist = re[0]! - im[0]!;
  re[0] = re[0]! + im[0]!;
  im[0] = 0;
  // Mirror pairs: X_k at p and X_{n-k} at q = 3 lo - 1 - p inside the block [lo, 2 lo).
  for (let lo = n / 2; lo >= 1; lo /= 2) {
    const last = 3 * lo - 1;
    for (let p = lo; p <= last - p; p++) {
      const q = last - p;
      const zpr = re[p]!;
      const zpi = im[p]!;
      const zqr = re[q]!;
      const zqi = im[q]!;
      // E = (Z_k + conj Z_{n-k}) / 2, O = (Z_k - conj Z_{n-k}) / (2i), X_k = E + w^k O;
      // for X_{n-k}: E' = conj E, O' = conj O.
      const er = 0.5 * (zpr + zqr);
      const ei = 0.5 * (zpi - zqi);
      const or = 0.5 * (zpi + zqi);
      const oi = -0.5 * (zpr - zqr);
      const wpr = splitRe[p]!;
      const wpi = splitIm[p]!;
      re[p] = er + (or * wpr - oi * wpi);
      im[p] = ei + (or * wpi + oi * wpr);
      if (p !== q) {
        const wqr = splitRe[q]!;
        const wqi = splitIm[q]!;
        re[q] = er + (or * wqr + oi * wqi);
        im[q] = -ei + (or * wqi - oi * wqr);
      }
    }
  }
  return { re, im, nyquist, bitReversed: plan.bitReversed };
}

/**
 * Inverse of `rfftBitReversed`: the real signal of length 2n (the spectrum arrays are consumed).
 */
export function irfftBitReversed(spectrum: BitReversedSpectrum): Float64Array {
  const { re, im, nyquist } = spectrum;
  const n = re.length;
  if (!isPowerOfTwo(n) || n < 2 || im.length !== n) {
    throw new AppError("bad_request", `irfftBitReversed: expected two arrays of the same power-of-two length >= 2, got ${re.length} and ${im.length}`);
  }
  const plan = getPlan(n);
  const { splitRe, splitIm } = plan;
  // Z_k = E_k + i O_k, E_k = (X_k + conj X_{n-k}) / 2, O_k = (X_k - conj X_{n-k}) conj(w^k) / 2.
  const x0 = re[0]!;
  re[0] = 0.5 * (x0 + nyquist);
  im[0] = 0.5 * (x0 - nyquist);
  for (let lo = n / 2; lo >= 1; lo /= 2) {
    const last = 3 * lo - 1;
    for (let p = lo; p <= last - p; p++) {
      const q = last - p;
      const xpr = re[p]!;
      const xpi = im[p]!;
      const xqr = re[q]!;
      const xqi = im[q]!;
      // E_k = (X_k + conj X_{n-k}) / 2, D_k = (X_k - conj X_{n-k}) / 2, O_k = D_k conj(w^k),
      // Z_k = E_k + i O_k; for k' = n - k: E' = conj E, D' = -conj D.
      const er = 0.5 * (xpr + xqr);
      const ei = 0.5 * (xpi - xqi);
      const dr = 0.5 * (xpr - xqr);
      const di = 0.5 * (xpi + xqi);
      const wpr = splitRe[p]!;
      const wpi = splitIm[p]!;
      const opr = dr * wpr + di * wpi;
      const opi = di * wpr - dr * wpi;
      re[p] = er - opi;
      im[p] = ei + opr;
      if (p !== q) {
        const wqr = splitRe[q]!;
        const wqi = splitIm[q]!;
        // D' = (-dr, di)
        const oqr = -dr * wqr + di * wqi;
        const oqi = di * wqr + dr * wqi;
        re[q] = er - oqi;
        im[q] = -ei + oqr;
      }
    }
  }
  inverseFromBitReversed(re, im, plan);
  const out = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) {
    out[2 * j] = re[j]!;
    out[2 * j + 1] = im[j]!;
  }
  return out;
}

/** The spectrum of a real signal, frequencies 0..m/2 in natural order (as numpy.fft.rfft). */
export interface RealSpectrum {
  re: Float64Array;
  im: Float64Array;
}

/** numpy.fft.rfft for a power-of-two length m >= 4: X_k, k = 0..m/2. */
export function rfft(signal: Float64Array): RealSpectrum {
  const spectrum = rfftBitReversed(signal);
  const n = spectrum.re.length;
  const re = new Float64Array(n + 1);
  const im = new Float64Array(n + 1);
  for (let p = 0; p < n; p++) {
    const k = spectrum.bitReversed[p]!;
    re[k] = spectrum.re[p]!;
    im[k] = spectrum.im[p]!;
  }
  re[n] = spectrum.nyquist;
  return { re, im };
}

/** numpy.fft.irfft(spectrum, m) for a power-of-two m >= 4 (imaginary parts of X_0, X_{m/2} ignored). */
export function irfft(spectrum: RealSpectrum, m: number): Float64Array {
  const n = m / 2;
  if (!isPowerOfTwo(m) || m < 4 || spectrum.re.length !== n + 1 || spectrum.im.length !== n + 1) {
    throw new AppError("bad_request", `irfft: expected ${n + 1} frequencies for a power-of-two length ${m} >= 4`);
  }
  const plan = getPlan(n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const k = plan.bitReversed[p]!;
    re[p] = spectrum.re[k]!;
    im[p] = spectrum.im[k]!;
  }
  im[0] = 0;
  return irfftBitReversed({ re, im, nyquist: spectrum.re[n]!, bitReversed: plan.bitReversed });
}
