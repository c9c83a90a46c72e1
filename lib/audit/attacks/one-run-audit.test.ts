import { beforeAll, describe, expect, it } from "vitest";
import { calibrateNoiseMultiplier, createAccountant, disposeNetwork, logisticRegressionSpec, tf, train, trainConfigSchema } from "../../dp/index.ts";
import { mulberry32 } from "../../numerics/index.ts";
import { perExampleScores } from "./loss-threshold-attack.ts";
import { oneRunAudit, oneRunEpsilon, oneRunPValue } from "./one-run-audit.ts";
import { selectRows } from "./select-rows.ts";
import { canaries, concatData, gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

// Reference: the paper's p_value_DP_audit / get_eps_audit (arXiv:2305.08846, App. D), run with
// scipy 1.17 and 60 bisection steps:
//   eps(1000, 100, 100, δ=0) = 3.4929654311522937   eps(1000, 100, 100, 1e-5) = 3.4653763478110453
//   eps(1000, 100, 90, 1e-5) = 1.6261434806957262    eps(200, 20, 20, 1e-5) = 1.8164727965498562
//   eps(100, 10, 6, 1e-5) = 0                        p(1000, 200, 150, ε=1, 1e-5) = 0.3044225124350048
describe("oneRunEpsilon", () => {
  it("matches the paper's reference code", () => {
    expect(oneRunEpsilon(1000, 100, 100, 0, 0.05)).toBeCloseTo(3.4929654311522937, 8);
    expect(oneRunEpsilon(1000, 100, 100, 1e-5, 0.05)).toBeCloseTo(3.4653763478110453, 8);
    expect(oneRunEpsilon(1000, 100, 90, 1e-5, 0.05)).toBeCloseTo(1.6261434806957262, 8);
    expect(oneRunEpsilon(200, 20, 20, 1e-5, 0.05)).toBeCloseTo(1.8164727965498562, 8);
    expect(oneRunEpsilon(100, 10, 6, 1e-5, 0.05)).toBe(0);
    expect(oneRunPValue(1000, 200, 150, 1, 1e-5)).toBeCloseTo(0.3044225124350048, 10);
    expect(oneRunEpsilon(10, 0, 0, 1e-5, 0.05)).toBe(0);
  });
});

describe("oneRunAudit", () => {
  it("counts hand-checked guesses: top 2 included, bottom 2 excluded", () => {
    const audit = oneRunAudit({ scores: [9, 8, 1, 2, 5, 4], included: [1, 0, 0, 0, 1, 1], kPlus: 2, kMinus: 2, delta: 0 });
    // Guessed in: 9 (right), 8 (wrong); guessed out: 1 (right), 2 (right).
    expect(audit).toMatchObject({ canaries: 6, guesses: 4, correct: 3 });
  });

  it("abstains on a tied group that straddles the cut instead of splitting it", () => {
    // Top 2 would cut the tie of three 5s: only the 9 is guessed.
    const top = oneRunAudit({ scores: [9, 5, 5, 5, 1], included: [1, 1, 0, 0, 0], kPlus: 2, delta: 0 });
    expect(top).toMatchObject({ guesses: 1, correct: 1 });
    // Bottom 2 cuts the tie of two 1s above the 0: the 0 is guessed, the tied 1s abstained on.
    const bottom = oneRunAudit({ scores: [9, 8, 1, 1, 0], included: [1, 1, 0, 1, 0], kPlus: 0, kMinus: 2, delta: 0 });
    expect(bottom).toMatchObject({ guesses: 1, correct: 1 });
    // A tie that ends exactly at the cut is kept whole.
    expect(oneRunAudit({ scores: [5, 5, 1], included: [1, 1, 0], kPlus: 2, delta: 0 })).toMatchObject({ guesses: 2, correct: 2 });
    // The order of tied scores in the input changes nothing.
    const a = oneRunAudit({ scores: [3, 3, 3, 0], included: [1, 0, 1, 0], kPlus: 2, delta: 0 });
    const b = oneRunAudit({ scores: [3, 3, 3, 0], included: [0, 1, 1, 0], kPlus: 2, delta: 0 });
    expect(a).toEqual(b);
    expect(a.guesses).toBe(0);
  });

  it("refuses inconsistent input with the rule broken", () => {
    expect(() => oneRunAudit({ scores: [1, 2], included: [1], kPlus: 1 })).toThrow(/1 inclusion flags for 2 scores/);
    expect(() => oneRunAudit({ scores: [1, 2], included: [1, 2], kPlus: 1 })).toThrow(/included\[1\] must be 0 or 1/);
    expect(() => oneRunAudit({ scores: [1, 2], included: [1, 0], kPlus: 2, kMinus: 1 })).toThrow(/exceed the 2 canaries/);
    expect(() => oneRunAudit({ scores: [1, Number.NaN], included: [1, 0], kPlus: 1 })).toThrow(/scores\[1\]/);
  });

  it("gives a non-private run a higher bound than an ε = 1 DP run of the same data", async () => {
    // 400 canaries, each in training with probability ½ (one run), beside 100 learnable points.
    const DIMENSIONS = 256;
    const CLASSES = 10;
    const pool = canaries(400, DIMENSIONS, CLASSES, 21);
    const random = mulberry32(5);
    const included = Uint8Array.from({ length: pool.count }, () => (random() < 0.5 ? 1 : 0));
    const data = concatData(selectRows(pool, included), gaussianBlobs(100, DIMENSIONS, CLASSES, 22, 2));
    const spec = logisticRegressionSpec(DIMENSIONS, CLASSES);
    const config = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 30, learningRate: 10, sampleRate: 0.5, clipNorm: 1, targetEpsilon: 1, delta: 1e-5, seed: 4 });
    const bound = async (noiseMultiplier: number | undefined, isPrivate: boolean) => {
      const { network } = await train({
        spec,
        config: { ...config, private: isPrivate, noiseMultiplier: noiseMultiplier ?? 0 },
        data,
        accountant: isPrivate ? createAccountant("rdp") : undefined,
      });
      try {
        return oneRunAudit({ scores: perExampleScores(network, pool, "loss"), included, kPlus: 60 }).epsilonLowerBound;
      } finally {
        disposeNetwork(network);
      }
    };
    // σ for ε = 1 at q = 0.5 over 60 steps (calibrated by lib/dp's calibrateNoiseMultiplier): large.
    const sigma = calibrateNoiseMultiplier({ targetEpsilon: 1, delta: 1e-5, sampleRate: 0.5, steps: 60 }).noiseMultiplier;
    const nonPrivate = await bound(undefined, false);
    const private1 = await bound(sigma, true);
    expect(nonPrivate).toBeGreaterThan(1);
    expect(private1).toBeLessThanOrEqual(1);
    expect(nonPrivate).toBeGreaterThan(private1);
  });
});
