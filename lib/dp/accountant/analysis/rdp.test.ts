import { describe, expect, it } from "vitest";
import { computeLogA, computeRdp, DEFAULT_ALPHAS, getPrivacySpent, logAdd, logSub } from "./rdp.ts";

// "Opacus 4d0ebc8" below means opacus/accountants/analysis/rdp.py at pytorch/opacus commit 4d0ebc8,
// run with numpy 2.4.6 and scipy 1.17.1; values printed with repr().

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** TF Privacy compute_dp_sgd_privacy_lib.compute_dp_sgd_privacy's orders. */
const TF_ORDERS = [1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5, ...Array.from({ length: 59 }, (_, i) => 5 + i), 128, 256, 512];

describe("DEFAULT_ALPHAS", () => {
  it("is Opacus's [1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64))", () => {
    expect(DEFAULT_ALPHAS).toHaveLength(151);
    expect(DEFAULT_ALPHAS.slice(0, 3)).toEqual([1.1, 1.2, 1.3]);
    expect(DEFAULT_ALPHAS[9]).toBe(2); // 1 + 10 / 10.0, an integer order
    expect(DEFAULT_ALPHAS[98]).toBe(10.9);
    expect(DEFAULT_ALPHAS.slice(99, 102)).toEqual([12, 13, 14]);
    expect(DEFAULT_ALPHAS[150]).toBe(63);
  });
});

describe("log-space arithmetic (Opacus _log_add, _log_sub)", () => {
  it("adds and subtracts in log space, with -Infinity as 0", () => {
    expect(logAdd(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logAdd(Number.NEGATIVE_INFINITY, 1.5)).toBe(1.5);
    expect(logSub(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 15);
    expect(logSub(2, Number.NEGATIVE_INFINITY)).toBe(2);
    expect(logSub(2, 2)).toBe(Number.NEGATIVE_INFINITY);
    // expm1(799) overflows: Opacus catches OverflowError and answers logx
    expect(logSub(800, 1)).toBe(800);
  });

  it("refuses a negative difference, naming the rule", () => {
    expect(() => logSub(1, 2)).toThrow(/logSub: the result of subtraction must be non-negative/);
  });
});

describe("computeRdp (Mironov, Talwar, Zhang 2019, sec. 3.3)", () => {
  it("matches Opacus 4d0ebc8 compute_rdp(q=0.01, noise_multiplier=1.0, steps=1) at integer and fractional orders", () => {
    const orders = [1.5, 2, 2.5, 4, 10.5, 32, 63];
    const opacus = [
      0.00012725374351154145, 0.00017181342207453428, 0.00021757533233085147, 0.00036315404891075525, 0.18833969137955273,
      11.246275937048072, 26.820552875528232,
    ];
    computeRdp(0.01, 1.0, 1, orders).forEach((value, i) => expectRelative(value, opacus[i]!, 1e-12));
  });

  it("matches Opacus 4d0ebc8 for q = 0.2, sigma = 0.8, where the fractional series is long", () => {
    const orders = [1.1, 1.5, 2, 7.7, 63];
    const opacus = [0.05269607105541025, 0.08363001601719416, 0.14048283662384337, 4.166103258564354, 47.58335341155889];
    // The alternating series at alpha = 1.1 carries ~1e-11 of rounding in both implementations.
    computeRdp(0.2, 0.8, 1, orders).forEach((value, i) => expectRelative(value, opacus[i]!, 1e-10));
  });

  it("equals the closed form at alpha = 2: log(1 + q^2 (e^{1/sigma^2} - 1)), to the rounding of its log-space sum", () => {
    for (const [q, sigma] of [
      [0.01, 1.0],
      [0.3, 2.0],
      [1e-4, 0.7],
    ] as const) {
      const exact = Math.log1p(q * q * Math.expm1(1 / (sigma * sigma)));
      // log(sum of terms near 1) carries ~1e-16 absolute, which is relative 3e-10 for q = 1e-4.
      expect(Math.abs(computeRdp(q, sigma, 1, [2])[0]! - exact)).toBeLessThanOrEqual(1e-13 * exact + 1e-16);
    }
  });

  it("is steps * alpha / (2 sigma^2) without subsampling (q = 1)", () => {
    const orders = [1.5, 2, 7.25, 32];
    expect(computeRdp(1, 1.3, 100, orders)).toEqual(orders.map((alpha) => (100 * alpha) / (2 * 1.3 ** 2)));
  });

  it("is 0 without sampling (q = 0) or without steps, and Infinity without noise", () => {
    expect(computeRdp(0, 1.0, 1000, [1.5, 2, 63])).toEqual([0, 0, 0]);
    expect(computeRdp(0.1, 1.0, 0, [1.5, 2, 63])).toEqual([0, 0, 0]);
    expect(computeRdp(0.1, 0, 10, [1.5, 2])).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it("composes linearly in steps and grows with q and alpha", () => {
    const one = computeRdp(0.05, 1.2, 1, DEFAULT_ALPHAS);
    const many = computeRdp(0.05, 1.2, 777, DEFAULT_ALPHAS);
    many.forEach((value, i) => expectRelative(value, 777 * one[i]!, 1e-15));
    for (let i = 1; i < one.length; i++) expect(one[i]!).toBeGreaterThan(one[i - 1]!);
    expect(computeRdp(0.06, 1.2, 1, [4])[0]!).toBeGreaterThan(computeRdp(0.05, 1.2, 1, [4])[0]!);
  });

  it("refuses out-of-range inputs, naming the function and the rule", () => {
    expect(() => computeRdp(1.5, 1, 1, [2])).toThrow(/computeRdp: sampleRate must be a number in \[0, 1\], got 1.5/);
    expect(() => computeRdp(-0.1, 1, 1, [2])).toThrow(/computeRdp: sampleRate/);
    expect(() => computeRdp(0.1, -1, 1, [2])).toThrow(/computeRdp: noiseMultiplier must be a finite number >= 0/);
    expect(() => computeRdp(0.1, Number.NaN, 1, [2])).toThrow(/computeRdp: noiseMultiplier/);
    expect(() => computeRdp(0.1, 1, 2.5, [2])).toThrow(/computeRdp: steps must be an integer >= 0, got 2.5/);
    expect(() => computeRdp(0.1, 1, 1, [])).toThrow(/computeRdp: orders must be a non-empty array/);
    expect(() => computeRdp(0.1, 1, 1, [2, 1])).toThrow(/computeRdp: every order \(alpha\) must be a number > 1, got 1/);
  });

  it("exposes log A_alpha for integer and fractional orders", () => {
    // A_2 = 1 + q^2 (e^{1/sigma^2} - 1)
    expectRelative(computeLogA(0.1, 2, 2), Math.log1p(0.01 * Math.expm1(0.25)), 1e-13);
    expect(computeLogA(0.1, 2, 2.5)).toBeGreaterThan(computeLogA(0.1, 2, 2));
  });
});

describe("getPrivacySpent (Balle et al. 2020, Theorem 21, as Opacus)", () => {
  it("reproduces the example of Opacus's rdp.py docstring: (0.336, 23)", () => {
    // [(1e-5, 1.0, 10), (1e-4, 3.0, 4)], orders range(2, 33), delta 1e-5; Opacus 4d0ebc8 prints
    // (0.33634406339259565, 23).
    const orders = Array.from({ length: 31 }, (_, i) => i + 2);
    const rdp = computeRdp(1e-5, 1.0, 10, orders).map((value, i) => value + computeRdp(1e-4, 3.0, 4, orders)[i]!);
    const spent = getPrivacySpent(orders, rdp, 1e-5);
    expectRelative(spent.epsilon, 0.33634406339259565, 1e-12);
    expect(spent.bestAlpha).toBe(23);
  });

  it("pins epsilon for DP-SGD settings to Opacus 4d0ebc8", () => {
    const cases: [q: number, sigma: number, steps: number, delta: number, epsilon: number, alpha: number][] = [
      // opacus/tests/accountants_test.py test_rdp_accountant: 7.32911117143
      [0.04, 1.5, 2250, 1e-5, 7.3291111714386545, 3.9],
      // the TF Privacy MNIST tutorial setting (N = 60000, batch 256, sigma 1.1, 60 epochs = 14063 steps)
      [256 / 60000, 1.1, 14063, 1e-5, 2.5966555286883684, 8.1],
      [0.01, 1.0, 10000, 1e-5, 6.712738297403128, 4.1],
      [0.5, 0.7, 100, 1e-6, 83.93640784562987, 1.5],
      [0.99, 3, 10, 1e-5, 4.977814878695538, 5.2],
      [1e-3, 1.0, 1_000_000, 1e-5, 6.497481025071315, 4.4],
    ];
    for (const [q, sigma, steps, delta, epsilon, alpha] of cases) {
      const spent = getPrivacySpent(DEFAULT_ALPHAS, computeRdp(q, sigma, steps, DEFAULT_ALPHAS), delta);
      expectRelative(spent.epsilon, epsilon, 1e-12);
      expect(spent.bestAlpha).toBe(alpha);
    }
  });

  it("pins TF Privacy's compute_dp_sgd_privacy test values (same conversion, TF's orders)", () => {
    // tensorflow/privacy 03035d5, compute_dp_sgd_privacy_test.py: (n, batch, sigma, epochs, delta, eps, order);
    // q = batch / n, steps = ceil(epochs * n / batch).
    const cases: [number, number, number, number, number, number, number][] = [
      [60000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19.0],
      [100000, 100, 1.0, 30, 1e-7, 1.4154988495444842, 13.0],
      [100000000, 1024, 0.1, 10, 1e-7, 5907982.3113984, 1.25],
    ];
    for (const [n, batch, sigma, epochs, delta, epsilon, order] of cases) {
      const steps = Math.ceil((epochs * n) / batch);
      const spent = getPrivacySpent(TF_ORDERS, computeRdp(batch / n, sigma, steps, TF_ORDERS), delta);
      expectRelative(spent.epsilon, epsilon, 1e-11);
      expect(spent.bestAlpha).toBe(order);
    }
  });

  it("reproduces TF Privacy's published MNIST epsilons with the classic conversion they used", () => {
    // tensorflow/privacy tutorials/README.md (03035d5): N=60000, batch 256, noise 1.1, 60 epochs,
    // delta 1e-5 "satisfies differential privacy with eps = 3.01"; commit 4f9cc8e (2019) with noise
    // 1.12: "eps = 2.92". Both from eps = min_alpha rdp - log(delta) / (alpha - 1) (Mironov 2017,
    // arXiv:1702.07476, Prop. 3) over TF's orders, printed with 3 significant digits.
    const classic = (sigma: number) => {
      const rdp = computeRdp(256 / 60000, sigma, Math.ceil((60 * 60000) / 256), TF_ORDERS);
      return Math.min(...rdp.map((value, i) => value - Math.log(1e-5) / (TF_ORDERS[i]! - 1)));
    };
    expect(classic(1.1).toPrecision(3)).toBe("3.01");
    expect(classic(1.12).toPrecision(3)).toBe("2.92");
    // Theorem 21 of Balle et al. is tighter on the same RDP curve.
    const improved = getPrivacySpent(TF_ORDERS, computeRdp(256 / 60000, 1.1, 14063, TF_ORDERS), 1e-5).epsilon;
    expect(improved).toBeLessThan(classic(1.1));
    expect(improved).toBeCloseTo(2.597, 3);
  });

  it("decreases in sigma and increases in steps", () => {
    const eps = (sigma: number, steps: number) => getPrivacySpent(DEFAULT_ALPHAS, computeRdp(0.01, sigma, steps, DEFAULT_ALPHAS), 1e-5).epsilon;
    const bySigma = [0.6, 0.8, 1.0, 1.5, 3, 10].map((sigma) => eps(sigma, 1000));
    for (let i = 1; i < bySigma.length; i++) expect(bySigma[i]!).toBeLessThan(bySigma[i - 1]!);
    const bySteps = [1, 10, 100, 1000, 10000].map((steps) => eps(1.0, steps));
    for (let i = 1; i < bySteps.length; i++) expect(bySteps[i]!).toBeGreaterThan(bySteps[i - 1]!);
  });

  it("answers Infinity when no order gives a finite bound, and ignores NaN", () => {
    expect(getPrivacySpent([2, 3], [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], 1e-5).epsilon).toBe(Number.POSITIVE_INFINITY);
    const spent = getPrivacySpent([2, 3], [Number.NaN, 0.5], 1e-5);
    expect(spent.bestAlpha).toBe(3);
  });

  it("refuses mismatched lengths and a delta outside (0, 1)", () => {
    expect(() => getPrivacySpent([2, 3], [0.1], 1e-5)).toThrow(/getPrivacySpent: orders and rdp must have the same length, got 2 and 1/);
    expect(() => getPrivacySpent([2], [0.1], 0)).toThrow(/getPrivacySpent: delta must be a number in \(0, 1\), got 0/);
    expect(() => getPrivacySpent([2], [0.1], 1)).toThrow(/getPrivacySpent: delta/);
  });
});
