import { describe, expect, it } from "vitest";
import { keyedUniforms } from "./keyed-uniforms.ts";
import { poissonSample } from "./poisson-sample.ts";

describe("poissonSample", () => {
  it("draws batches of mean qN and variance q(1 − q)N (fixed key, 4,000 steps)", () => {
    const key = new Uint8Array(32).fill(7);
    const n = 1000;
    const q = 0.1;
    const steps = 4000;
    const sizes = Array.from({ length: steps }, (_, step) => poissonSample(n, q, keyedUniforms(key, step)).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / steps;
    const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (steps - 1);
    // Binomial(1000, 0.1): mean 100, variance 90. Tolerances of about 5 standard errors: the mean's is
    // sqrt(90 / 4000) = 0.15, the sample variance's about 90 · sqrt(2 / 3999) = 2.0. A fixed-size
    // batch (variance 0) or a wrong rate fails.
    expect(Math.abs(mean - q * n)).toBeLessThan(0.75);
    expect(Math.abs(variance - q * (1 - q) * n)).toBeLessThan(10);
  });

  it("includes each example independently: every row is drawn at rate q", () => {
    const key = new Uint8Array(32).fill(9);
    const counts = new Array<number>(50).fill(0);
    for (let step = 0; step < 4000; step++) for (const i of poissonSample(50, 0.25, keyedUniforms(key, step))) counts[i]! += 1;
    // Binomial(4000, 0.25) per row: mean 1000, standard deviation 27.4; 5 of them is 137.
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(137);
  });

  it("refuses a rate outside (0, 1]", () => {
    expect(() => poissonSample(10, 0, Math.random)).toThrow(/sampleRate must be in \(0, 1\], got 0/);
  });
});
