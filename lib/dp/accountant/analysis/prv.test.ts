import { describe, expect, it } from "vitest";
import { composedPmf, composeHeterogeneous, composeSpectra, lowFrequencySpectrum } from "./compose-prv.ts";
import { discretizePrv, type DiscretePrv } from "./discretize-prv.ts";
import { PoissonSubsampledGaussianPrv } from "./poisson-subsampled-gaussian-prv.ts";
import { computePrvEpsilon } from "./prv.ts";
import { computeSafeDomainSize, createPrvDomain, domainPoint } from "./prv-domain.ts";
import { computeEpsilonFromPrv, computeEpsilonFromSpectrum } from "./prv-epsilon.ts";
import { rfft } from "./fft.ts";
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent } from "./rdp.ts";
import { normalCdf } from "../../../numerics/index.ts";

// "Opacus 4d0ebc8" below means opacus/accountants/analysis/prv/* at pytorch/opacus commit 4d0ebc8,
// run with numpy 2.4.6 and scipy 1.17.1; values printed with repr(). "mpmath" values were computed
// at 30-40 significant digits with mpmath 1.3.0.

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

const run = (noiseMultiplier: number, sampleRate: number, steps: number) => ({ noiseMultiplier, sampleRate, steps });

describe("PoissonSubsampledGaussianPrv (Gopi et al. 2021, Propositions B.1, B.4)", () => {
  const prv = new PoissonSubsampledGaussianPrv(0.04, 1.5);

  it("has Opacus's cdf and pdf", () => {
    // Opacus 4d0ebc8: PoissonSubsampledGaussianPRV(0.04, 1.5).cdf(t), .pdf(t)
    const opacus: [t: number, cdf: number, pdf: number][] = [
      [-0.03, 0.04493003330313938, 13.140388383569885],
      [0.0, 0.620113967032778, 14.151871038487224],
      [0.01, 0.7385374965945958, 9.748422280915692],
      [0.1, 0.9865782094037361, 0.38558000040437324],
      [0.5, 0.9999963342539911, 5.941312866593068e-5],
      [1.0, 0.9999999972555303, 3.64705749859774e-8],
      [2.0, 0.9999999999999928, 9.371480325098877e-14],
    ];
    for (const [t, cdf, pdf] of opacus) {
      // Near log(1 - q) Opacus's z = log((e^t + q - 1) / q) cancels ~2 digits; this one uses expm1.
      expectRelative(prv.cdf(t), cdf, 1e-13);
      expectRelative(prv.pdf(t), pdf, 1e-13);
    }
    // below log(1 - q) the loss has no mass
    expect(prv.cdf(-0.05)).toBe(0);
    expect(prv.pdf(-0.05)).toBe(0);
    expect(prv.survival(-0.05)).toBe(1);
  });

  it("keeps the upper tail in relative precision, where 1 - cdf has none left", () => {
    // mpmath: (q erfc((2 z s^2 - 1) / (2 sqrt2 s)) + (1 - q) erfc((2 z s^2 + 1) / (2 sqrt2 s))) / 2
    expectRelative(prv.survival(2), 7.2499690561164166468e-15, 1e-12);
    expectRelative(prv.survival(5), 8.5440244430059730624e-35, 1e-12);
    expect(1 - prv.cdf(5)).toBe(0);
    for (const t of [-0.03, 0, 0.3]) expect(prv.cdf(t) + prv.survival(t)).toBeCloseTo(1, 15);
  });

  it("has the mean of the truncated loss to ~1e-17 (mpmath), which N steps multiply", () => {
    expectRelative(prv.truncatedMean(-10, 10), 0.0004368364755148542602729212, 1e-12);
    // Opacus's quad over the CDF gives 8.568458351563982e-07 here, 4e-13 off.
    expectRelative(new PoissonSubsampledGaussianPrv(0.001, 1.0).truncatedMean(-11, 11), 8.568462409706026081272472e-7, 1e-11);
  });

  it("refuses sample rates outside (0, 1] and noise outside (0, inf)", () => {
    expect(() => new PoissonSubsampledGaussianPrv(0, 1)).toThrow(/sampleRate must be in \(0, 1\]/);
    expect(() => new PoissonSubsampledGaussianPrv(0.1, 0)).toThrow(/noiseMultiplier must be a finite number > 0/);
  });
});

describe("domain", () => {
  it("computes Opacus's safe domain size (Remark 5.6)", () => {
    // Opacus 4d0ebc8 compute_safe_domain_size(..., eps_error=0.01, delta_error=1e-8)
    expectRelative(computeSafeDomainSize([run(1.5, 0.04, 2250)], 0.01, 1e-8), 12.771557537733083, 1e-12);
    expectRelative(computeSafeDomainSize([run(1.0, 0.01, 500), run(2.0, 0.02, 1000)], 0.01, 1e-8), 6.275955295177775, 1e-12);
  });

  it("is Opacus's aligned domain widened to a power of two, with 0 on the grid", () => {
    const domain = createPrvDomain(10.3, 0.01);
    expect(domain.size).toBe(4096); // Opacus: 2062 points, t in [-10.31, 10.31] (one more cell above 0)
    expect(domainPoint(domain, domain.zeroIndex)).toBe(0);
    expect(domainPoint(domain, 0)).toBeLessThanOrEqual(-10.3);
    expect(domainPoint(domain, domain.size - 1)).toBeGreaterThanOrEqual(10.3);
    // without widening, Opacus's layout: zeroIndex = size / 2 - 1
    const exact = createPrvDomain(2.545, 0.01); // 255 cells below 0, 2 * 255 + 2 = 512 points
    expect(exact.size).toBe(512);
    expect(exact.zeroIndex).toBe(255);
    expect(() => createPrvDomain(100, 1e-8)).toThrow(/prv accountant: this setting needs \d+ grid points/);
  });
});

describe("discretizePrv", () => {
  const prv = new PoissonSubsampledGaussianPrv(0.04, 1.5);
  const domain = createPrvDomain(12.77, 1e-3);
  const dprv = discretizePrv(prv, domain, 1e-20);

  it("gives a PMF of total mass 1 whose shifted mean is the continuous mean", () => {
    let mass = 0;
    let mean = 0;
    for (let j = 0; j < dprv.pmf.length; j++) {
      mass += dprv.pmf[j]!;
      mean += dprv.pmf[j]! * domainPoint(dprv.domain, j);
    }
    expect(mass).toBeCloseTo(1, 13);
    expect(Math.abs(dprv.domain.shift)).toBeLessThan(domain.dt / 2);
    // (the plain sum here carries ~1e-15 of rounding over 32768 cells)
    expect(mean).toBeCloseTo(prv.truncatedMean(domainPoint(domain, 0), domainPoint(domain, domain.size - 1)), 14);
  });

  it("puts each cell's CDF difference in it", () => {
    const j = domain.zeroIndex + 10; // the cell [0.0095, 0.0105]
    expectRelative(dprv.pmf[j]!, prv.cdf(0.0105) - prv.cdf(0.0095), 1e-9);
  });
});

describe("composition", () => {
  /** A small hand-made PMF on 32 cells around 0. */
  function toyPrv(values: number[], offset: number): DiscretePrv {
    const domain = createPrvDomain(7.5, 1); // 32 cells, 0 at zeroIndex
    const pmf = new Float64Array(domain.size);
    values.forEach((value, i) => (pmf[domain.zeroIndex + offset + i] = value));
    return { pmf, domain: { ...domain, shift: 0.01 } };
  }

  it("self-composes by FFT power exactly as repeated convolution on the grid (Opacus's roll)", () => {
    const a = toyPrv([0.2, 0.5, 0.3], -1); // mass at t = -1, 0, 1
    const composed = composeHeterogeneous([a], [3]);
    // explicit: t = sum of three draws; P(t = 3) = 0.3^3, P(t = -3) = 0.2^3, P(t = 0) = 0.5^3 + 6 * 0.2 * 0.5 * 0.3
    const at = (t: number) => composed.pmf[composed.domain.zeroIndex + t]!;
    expect(at(3)).toBeCloseTo(0.027, 15);
    expect(at(-3)).toBeCloseTo(0.008, 15);
    expect(at(0)).toBeCloseTo(0.125 + 6 * 0.2 * 0.5 * 0.3, 15);
    expect(composed.domain.shift).toBeCloseTo(0.03, 15);
    let total = 0;
    for (const p of composed.pmf) total += p;
    expect(total).toBeCloseTo(1, 14);
  });

  it("composes heterogeneous runs as the product of their spectra", () => {
    const a = toyPrv([0.6, 0.4], 0);
    const b = toyPrv([0.1, 0.9], -1);
    const composed = composeHeterogeneous([a, b], [2, 1]);
    // t = a1 + a2 + b: P(t = 2) = 0.4^2 * 0.9, P(t = -1) = 0.6^2 * 0.1
    expect(composed.pmf[composed.domain.zeroIndex + 2]).toBeCloseTo(0.144, 15);
    expect(composed.pmf[composed.domain.zeroIndex - 1]).toBeCloseTo(0.036, 15);
    expect(() => composeHeterogeneous([a], [1, 2])).toThrow(/composeSpectra: dprvs and steps/);
  });

  it("finds the same epsilon from the sparse spectrum as from the dense PMF", () => {
    for (const [sigma, q, steps, delta] of [
      [1.5, 0.04, 2250, 1e-5],
      [0.8, 0.2, 100, 1e-6],
      [3.0, 0.05, 300, 1e-6],
    ] as const) {
      const deltaError = delta / 1000;
      const dt = 0.01 / Math.sqrt((steps * Math.log(12 / deltaError)) / 2);
      const domain = createPrvDomain(computeSafeDomainSize([run(sigma, q, steps)], 0.01, deltaError), dt);
      const dprv = discretizePrv(new PoissonSubsampledGaussianPrv(q, sigma), domain, (1e-6 * deltaError) / steps);
      const sparse = computeEpsilonFromSpectrum(composeSpectra([dprv], [steps]), delta, deltaError, 0.01);
      const dense = computeEpsilonFromPrv(composedPmf(composeSpectra([dprv], [steps])), delta, deltaError, 0.01);
      expect(sparse).toBeDefined();
      expect(Math.abs(sparse!.epsilonEstimate - dense.epsilonEstimate)).toBeLessThan(1e-8);
      expect(Math.abs(sparse!.epsilonUpper - dense.epsilonUpper)).toBeLessThan(1e-8);
      expect(dense.epsilonLower).toBeLessThan(dense.epsilonEstimate);
      expect(dense.epsilonEstimate).toBeLessThan(dense.epsilonUpper);
    }
  });
});

describe("low-frequency path (large grids)", () => {
  const sigma = 3.0;
  const q = 0.05;
  const steps = 20000;
  const delta = 1e-6;
  const deltaError = delta / 1000;
  const dt = 0.01 / Math.sqrt((steps * Math.log(12 / deltaError)) / 2);
  const domain = createPrvDomain(computeSafeDomainSize([run(sigma, q, steps)], 0.01, deltaError), dt);
  const dprv = discretizePrv(new PoissonSubsampledGaussianPrv(q, sigma), domain, (1e-6 * deltaError) / steps);

  it("computes the first frequencies of the grid's DFT as the full FFT does", () => {
    const low = lowFrequencySpectrum(dprv, 500);
    const full = rfft(dprv.pmf);
    let maxDifference = 0;
    for (let k = 0; k < 500; k++) maxDifference = Math.max(maxDifference, Math.hypot(low.re[k]! - full.re[k]!, low.im[k]! - full.im[k]!));
    expect(maxDifference).toBeLessThan(1e-14);
    expect(low.re[0]).toBeCloseTo(1, 14);
  });

  it("leaves out only provably negligible frequencies, and gives the full path's epsilon", () => {
    expect(domain.size).toBe(2 ** 21);
    const composed = composeSpectra([dprv], [steps], 1e-6 * deltaError);
    expect(composed.low).toBeDefined(); // a few hundred frequencies instead of 2^20
    expect(composed.low!.re.length).toBeLessThan(1000);
    const fast = computeEpsilonFromSpectrum(composed, delta, deltaError, 0.01)!;
    const dense = computeEpsilonFromPrv(composedPmf(composeSpectra([dprv], [steps])), delta, deltaError, 0.01);
    expect(Math.abs(fast.epsilonUpper - dense.epsilonUpper)).toBeLessThan(1e-6);
    // microsoft/prv_accountant via opacus/tests/prv_accountant.py: (3.0, 0.05, 20000) -> 13.9611146992367061
    expect(Math.abs(fast.epsilonUpper - 13.9611146992367061)).toBeLessThan(5e-5);
  });
});

describe("computePrvEpsilon (Gopi et al. 2021)", () => {
  it("reproduces microsoft/prv_accountant's values that Opacus's tests pin (delta = 1e-6, 4 decimals)", () => {
    // opacus/tests/prv_accountant.py at 4d0ebc8: "Computed from https://github.com/microsoft/prv_accountant",
    // checked there with assertAlmostEqual(places=4); key (sigma, q, steps).
    const msr: [sigma: number, q: number, steps: number, epsilon: number][] = [
      [0.8, 0.001, 100, 0.27040336405801868],
      [1.5, 0.001, 100, 0.039369419309520329],
      [3.0, 0.001, 100, 0.021520093439088266],
      [0.8, 0.05, 100, 6.74105193941409997],
      [2.0, 0.05, 100, 1.28363737962406521],
      [0.8, 0.2, 100, 24.3336641779225644],
      [3.0, 0.2, 100, 3.38122051022184422],
      [1.5, 0.05, 1000, 6.20996924657726712],
      [3.0, 0.05, 1000, 2.52757432605973831],
      [2.0, 0.001, 20000, 0.305837939762453437],
    ];
    for (const [sigma, q, steps, epsilon] of msr) {
      const result = computePrvEpsilon([run(sigma, q, steps)], 1e-6);
      expect(Math.abs(result.epsilonUpper - epsilon), `sigma ${sigma}, q ${q}, ${steps} steps`).toBeLessThan(5e-5);
    }
  });

  it("matches Opacus 4d0ebc8 for a heterogeneous history", () => {
    // PRVAccountant with history [(1.0, 0.01, 500), (2.0, 0.02, 1000), (1.0, 0.01, 300)], delta 1e-5
    const result = computePrvEpsilon([run(1.0, 0.01, 500), run(2.0, 0.02, 1000), run(1.0, 0.01, 300)], 1e-5);
    expect(result.epsilonUpper).toBeCloseTo(2.1473974367059414, 6);
  });

  it("agrees with the exact epsilon of the Gaussian mechanism when nothing is subsampled (q = 1)", () => {
    // N steps of noise sigma are one Gaussian mechanism with mu = sqrt(N) / sigma, whose exact
    // delta(eps) = Phi(-eps / mu + mu / 2) - e^eps Phi(-eps / mu - mu / 2) (Balle & Wang 2018,
    // arXiv:1805.06530, Theorem 8).
    const steps = 100;
    const sigma = 5;
    const mu = Math.sqrt(steps) / sigma;
    const deltaOf = (eps: number) => normalCdf(-eps / mu + mu / 2) - Math.exp(eps) * normalCdf(-eps / mu - mu / 2);
    let lo = 0;
    let hi = 50;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (deltaOf(mid) > 1e-5) lo = mid;
      else hi = mid;
    }
    const exact = hi; // 9.99...
    const result = computePrvEpsilon([run(sigma, 1, steps)], 1e-5);
    expect(Math.abs(result.epsilonEstimate - exact)).toBeLessThan(1e-3);
    expect(result.epsilonUpper).toBeGreaterThanOrEqual(exact);
    expect(result.epsilonLower).toBeLessThanOrEqual(exact);
    // RDP is 7% looser here (10.7255)
    const rdp = getPrivacySpent(DEFAULT_ALPHAS, computeRdp(1, sigma, steps, DEFAULT_ALPHAS), 1e-5).epsilon;
    expect(rdp).toBeCloseTo(10.7255, 4);
    expect(result.epsilonUpper).toBeLessThan(rdp);
  });

  it("spends nothing without sampling or steps, everything without noise", () => {
    expect(computePrvEpsilon([], 1e-5).epsilonUpper).toBe(0);
    expect(computePrvEpsilon([run(1.0, 0, 1000), run(1.0, 0.1, 0)], 1e-5).epsilonUpper).toBe(0);
    expect(computePrvEpsilon([run(0, 0.1, 10)], 1e-5).epsilonUpper).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses out-of-range inputs, naming the function and the rule", () => {
    expect(() => computePrvEpsilon([run(1, 0.1, 10)], 0)).toThrow(/computePrvEpsilon: delta must be a number in \(0, 1\)/);
    expect(() => computePrvEpsilon([run(1, 0.1, 10)], 1e-5, { epsError: 0 })).toThrow(/computePrvEpsilon: epsError must be/);
    expect(() => computePrvEpsilon([run(1, 0.1, 10)], 1e-5, { deltaError: 1e-5 })).toThrow(/computePrvEpsilon: deltaError must be a number in \(0, delta\)/);
    expect(() => computePrvEpsilon([run(1, 1.1, 10)], 1e-5)).toThrow(/computePrvEpsilon: sampleRate must be a number in \[0, 1\]/);
    expect(() => computePrvEpsilon([run(-1, 0.1, 10)], 1e-5)).toThrow(/computePrvEpsilon: noiseMultiplier/);
    expect(() => computePrvEpsilon([run(1, 0.1, 1.5)], 1e-5)).toThrow(/computePrvEpsilon: steps must be an integer >= 0/);
    // a huge epsilon at a fine mesh would need more than 2^25 grid points
    expect(() => computePrvEpsilon([run(0.3, 0.5, 100000)], 1e-5)).toThrow(/use a larger epsError or the rdp accountant/);
  });
});
