import { describe, expect, it } from "vitest";
import { fftInPlace, irfft, irfftBitReversed, nextPowerOfTwo, rfft, rfftBitReversed } from "./fft.ts";

/** The DFT by its definition, O(n^2), with exactly reduced angles. */
function naiveDft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (-2 * Math.PI * ((j * k) % n)) / n;
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      outRe[k]! += re[j]! * c - im[j]! * s;
      outIm[k]! += re[j]! * s + im[j]! * c;
    }
  }
  return { re: outRe, im: outIm };
}

function signal(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i * 1.3 + seed) + ((i * 7919 + seed) % 13) * 0.1;
  return x;
}

function maxDifference(a: Float64Array, b: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe("fftInPlace", () => {
  it.each([1, 2, 4, 8, 64, 2048])("equals the DFT by definition for n = %i, and inverts it", (n) => {
    const re = signal(n, 1);
    const im = signal(n, 2);
    const expected = naiveDft(re, im);
    const outRe = re.slice();
    const outIm = im.slice();
    fftInPlace(outRe, outIm);
    const tolerance = 1e-13 * n;
    expect(maxDifference(outRe, expected.re)).toBeLessThan(tolerance);
    expect(maxDifference(outIm, expected.im)).toBeLessThan(tolerance);
    fftInPlace(outRe, outIm, true);
    expect(maxDifference(outRe, re)).toBeLessThan(1e-14 * Math.log2(n + 1) + 1e-15);
    expect(maxDifference(outIm, im)).toBeLessThan(1e-14 * Math.log2(n + 1) + 1e-15);
  });

  it("transforms a unit impulse into a flat spectrum and a constant into an impulse", () => {
    const re = new Float64Array(16);
    const im = new Float64Array(16);
    re[0] = 1;
    fftInPlace(re, im);
    expect(Array.from(re)).toEqual(new Array(16).fill(1));
    expect(maxDifference(im, new Float64Array(16))).toBe(0);
    const flat = new Float64Array(8).fill(2);
    const zero = new Float64Array(8);
    fftInPlace(flat, zero);
    expect(flat[0]).toBe(16);
    expect(maxDifference(flat.subarray(1), new Float64Array(7))).toBeLessThan(1e-15);
  });

  it("refuses lengths that differ or are not powers of two, naming the function", () => {
    expect(() => fftInPlace(new Float64Array(6), new Float64Array(6))).toThrow(/fftInPlace: .*power-of-two/);
    expect(() => fftInPlace(new Float64Array(8), new Float64Array(4))).toThrow(/fftInPlace/);
  });
});

describe("rfft / irfft (numpy.fft conventions)", () => {
  it.each([4, 8, 32, 1024])("rfft equals the first n/2 + 1 DFT values for n = %i, and irfft inverts it", (n) => {
    const x = signal(n, 3);
    const expected = naiveDft(x, new Float64Array(n));
    const spectrum = rfft(x);
    expect(spectrum.re.length).toBe(n / 2 + 1);
    expect(maxDifference(spectrum.re, expected.re.subarray(0, n / 2 + 1))).toBeLessThan(1e-13 * n);
    expect(maxDifference(spectrum.im, expected.im.subarray(0, n / 2 + 1))).toBeLessThan(1e-13 * n);
    expect(maxDifference(irfft(spectrum, n), x)).toBeLessThan(1e-14 * Math.log2(n));
  });

  it("keeps X_k at bitReversed position in the bit-reversed variant, and round-trips without permuting", () => {
    const n = 64;
    const x = signal(n, 4);
    const natural = rfft(x);
    const reversed = rfftBitReversed(x);
    for (let p = 0; p < n / 2; p++) {
      const k = reversed.bitReversed[p]!;
      expect(reversed.re[p]).toBeCloseTo(natural.re[k]!, 12);
      expect(reversed.im[p]).toBeCloseTo(natural.im[k]!, 12);
    }
    expect(reversed.nyquist).toBeCloseTo(natural.re[n / 2]!, 12);
    expect(maxDifference(irfftBitReversed(reversed), x)).toBeLessThan(1e-14);
  });

  it("rounds sizes up to powers of two", () => {
    expect([1, 2, 3, 1000, 1024, 1025].map(nextPowerOfTwo)).toEqual([1, 2, 4, 1024, 1024, 2048]);
    expect(() => rfft(new Float64Array(12))).toThrow(/power of two/);
  });
});
