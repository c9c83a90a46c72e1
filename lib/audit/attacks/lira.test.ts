import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, logisticRegressionSpec, tf, train, trainConfigSchema } from "../../dp/index.ts";
import { membershipMetrics } from "../metrics/index.ts";
import { liraAttack, liraScores, membershipScoresFromMask } from "./lira.ts";
import { lossThresholdAttack, perExampleScores } from "./loss-threshold-attack.ts";
import { logNormalPdf, logNormalSurvival } from "./normal.ts";
import { selectRows } from "./select-rows.ts";
import { canaries, concatData, gaussianBlobs } from "./synthetic-data.ts";
import { disposeShadowModels, inclusionMatrix, trainShadowModels, type ShadowProgress } from "./train-shadow-models.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("Gaussian numerics", () => {
  it("matches scipy.stats.norm.logpdf", () => {
    // scipy 1.17.1: norm.logpdf(1.5, 0.5, 2) = -1.737085713764618
    expect(logNormalPdf(1.5, 0.5, 2)).toBeCloseTo(-1.737085713764618, 12);
  });

  it("matches scipy.stats.norm.logsf from the bulk far into the tail", () => {
    // scipy 1.17.1: norm.logsf(z) for each z
    const reference: [number, number][] = [
      [-3, -0.0013508099647481925],
      [-1, -0.1727537790234499],
      [0, -0.6931471805599453],
      [1, -1.8410216450092634],
      [1.96, -3.6889636517296385],
      [5, -15.064998393988727],
      [10, -53.23128515051248],
      [20, -203.9171553710973],
      [30, -454.32124395634327],
    ];
    for (const [z, expected] of reference) {
      // A relative error e in the tail probability is an absolute error e in its logarithm: Cody's erfc
      // (lib/numerics) keeps it near machine precision, where the Numerical Recipes fit gave 1.2e-7.
      expect(Math.abs(logNormalSurvival(z) - expected), `z = ${z}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
    }
  });
});

describe("liraScores on hand-made observations", () => {
  // Two examples, four shadows: shadows 0 and 1 trained on both, 2 and 3 on neither.
  //   example 0: IN φ = 1, 3 (mean 2, σ 1);  OUT φ = 0, 0  (mean 0, σ 0)
  //   example 1: IN φ = 5, 5 (mean 5, σ 0);  OUT φ = −1, 1 (mean 0, σ 1)
  // Pooled: σ_in² = (1 + 1 + 0 + 0) / 4 = 0.5, σ_out² = (0 + 0 + 1 + 1) / 4 = 0.5.
  const shadowObservations = [
    [1, 5],
    [3, 5],
    [0, -1],
    [0, 1],
  ];
  const inclusion = [
    [1, 1],
    [1, 1],
    [0, 0],
    [0, 0],
  ];
  const targetObservations = [2, 0];

  it("online, global variance: the Gaussian log-likelihood ratio", () => {
    const result = liraScores({ targetObservations, shadowObservations, inclusion, variant: "online", globalVariance: true });
    // ex 0: ½(2−0)²/0.5 − ½(2−2)²/0.5 = 4;  ex 1: ½(0−0)²/0.5 − ½(0−5)²/0.5 = −25
    expect(result.scores[0]).toBeCloseTo(4, 12);
    expect(result.scores[1]).toBeCloseTo(-25, 12);
    expect(Array.from(result.meanIn)).toEqual([2, 5]);
    expect(Array.from(result.meanOut)).toEqual([0, 0]);
    expect(result.stdIn[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(result.stdOut[1]).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it("online, per-example variance: the fitted σ per example", () => {
    const result = liraScores({
      targetObservations: [2],
      shadowObservations: [[2.1], [1.9], [0.1], [-0.1]],
      inclusion: [[1], [1], [0], [0]],
      globalVariance: false,
    });
    // IN N(2, 0.1²), OUT N(0, 0.1²): the ratio is ½ (2 / 0.1)² = 200.
    expect(result.stdIn[0]).toBeCloseTo(0.1, 12);
    expect(result.scores[0]).toBeCloseTo(200, 8);
  });

  it("offline: −log of the one-sided OUT p-value", () => {
    const result = liraScores({ targetObservations, shadowObservations, inclusion, variant: "offline", globalVariance: true });
    // ex 0: z = 2 / √0.5 = 2√2, scipy norm.logsf(2√2) = -6.058088445176585; ex 1: z = 0, ln 2.
    expect(result.scores[0]).toBeCloseTo(6.058088445176585, 6);
    expect(result.scores[1]).toBeCloseTo(Math.LN2, 6);
    expect(Number.isNaN(result.meanIn[0]!)).toBe(true);
  });

  it("defaults to a global variance below 64 shadow models", () => {
    const defaulted = liraScores({ targetObservations, shadowObservations, inclusion });
    expect(defaulted.scores[0]).toBeCloseTo(4, 12);
  });

  it("refuses per-example variances from a single observation, and inconsistent shapes", () => {
    expect(() => liraScores({ targetObservations: [0], shadowObservations: [[1], [0]], inclusion: [[1], [0]], globalVariance: false })).toThrow(
      /example 0 has 1 OUT shadow model\(s\); a per-example variance needs at least 2/,
    );
    expect(() => liraScores({ targetObservations: [0, 1], shadowObservations: [[1], [0]], inclusion: [[1], [0]] })).toThrow(/shadow 0 has 1 observations for 2 examples/);
    expect(() => liraScores({ targetObservations: [0], shadowObservations: [[1], [0]], inclusion: [[1], [1]] })).toThrow(/example 0 has 0 OUT/);
    expect(() => liraScores({ targetObservations: [Number.NaN], shadowObservations: [[1], [0]], inclusion: [[1], [0]] })).toThrow(/not finite/);
  });
});

describe("inclusionMatrix", () => {
  it("puts every example IN exactly half the models, reproducibly", () => {
    const rows = inclusionMatrix(8, 500, 42);
    for (let j = 0; j < 500; j++) expect(rows.reduce((sum, row) => sum + row[j]!, 0)).toBe(4);
    // Each model sees about half the population.
    for (const row of rows) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 250)).toBeLessThan(50);
    expect(inclusionMatrix(8, 500, 42)).toEqual(rows);
    expect(inclusionMatrix(8, 500, 43)).not.toEqual(rows);
    expect(() => inclusionMatrix(1, 10, 0)).toThrow(/models must be an integer ≥ 2/);
  });
});

describe("LiRA end to end", () => {
  it("trains 8 shadows, reports progress, and beats the loss attack on a small overfit model", async () => {
    // Population: 400 examples in 64 dimensions, 10 classes; half are canaries with random labels,
    // whose membership only memorisation reveals, half are learnable blobs.
    const population = concatData(gaussianBlobs(200, 64, 10, 21, 1.5), canaries(200, 64, 10, 22, 4));
    const spec = logisticRegressionSpec(64, 10);
    const config = trainConfigSchema.parse({
      model: { kind: "logistic" },
      epochs: 30,
      learningRate: 1,
      sampleRate: 0.25,
      clipNorm: 1,
      delta: 1e-5,
      private: false,
      seed: 5,
    });
    const targetMask = inclusionMatrix(2, population.count, 99)[0]!;
    const target = await train({ spec, config: { ...config, seed: 1000 }, data: selectRows(population, targetMask) });

    const progress: ShadowProgress[] = [];
    const shadows = await trainShadowModels({ spec, config, population, n: 8, seed: 7, onProgress: (p) => void progress.push(p) });
    expect(progress.map((p) => p.message)).toEqual(Array.from({ length: 8 }, (_, i) => `shadow model ${i + 1} of 8`));
    expect(shadows.networks).toHaveLength(8);
    expect(shadows.epsilons).toEqual(Array(8).fill(null));

    const online = membershipMetrics(membershipScoresFromMask(liraAttack({ target: target.network, shadows, population }).scores, targetMask), { bootstrap: false });
    const offline = membershipMetrics(
      membershipScoresFromMask(liraAttack({ target: target.network, shadows, population, variant: "offline" }).scores, targetMask),
      { bootstrap: false },
    );
    const loss = membershipMetrics(
      lossThresholdAttack(target.network, { members: selectRows(population, targetMask), nonMembers: selectRows(population, targetMask, false) }),
      { bootstrap: false },
    );
    console.info(`LiRA online AUC ${online.auc.toFixed(3)}, TPR@1%FPR ${online.tprAtFpr["0.01"]}; offline AUC ${offline.auc.toFixed(3)}; loss AUC ${loss.auc.toFixed(3)}, TPR@1%FPR ${loss.tprAtFpr["0.01"]}`);
    expect(loss.auc).toBeGreaterThan(0.6);
    expect(online.auc).toBeGreaterThan(loss.auc);
    // LiRA's point is the low-FPR regime (Carlini et al. 2022): far more members caught at 1% FPR.
    expect(online.tprAtFpr["0.01"]).toBeGreaterThan(loss.tprAtFpr["0.01"] + 0.1);
    expect(offline.auc).toBeGreaterThan(0.6);
    // The scores the loss attack uses are the φ LiRA calibrates per example.
    expect(perExampleScores(target.network, selectRows(population, targetMask), "logitConfidence").every(Number.isFinite)).toBe(true);
    disposeShadowModels(shadows);
    disposeNetwork(target.network);
  });
});

describe("trainShadowModels with a private config", () => {
  it("calibrates σ to the target ε once and trains every shadow privately", async () => {
    const population = gaussianBlobs(80, 4, 2, 51, 2);
    const config = trainConfigSchema.parse({
      model: { kind: "logistic" },
      epochs: 2,
      learningRate: 0.5,
      sampleRate: 0.25,
      clipNorm: 1,
      targetEpsilon: 2,
      delta: 1e-5,
      seed: 1,
    });
    const shadows = await trainShadowModels({ spec: logisticRegressionSpec(4, 2), config, population, n: 2, seed: 3 });
    // The accountant's ε of each shadow is the calibrated one: at most the target, within the 0.01 tolerance.
    for (const epsilon of shadows.epsilons) {
      expect(epsilon!).toBeLessThanOrEqual(2);
      expect(epsilon!).toBeGreaterThan(1.98);
    }
    // Two shadows, each example IN exactly one: complementary halves.
    expect(Array.from(shadows.inclusion[0]!, (v, j) => v + shadows.inclusion[1]![j]!)).toEqual(Array(80).fill(1));
    disposeShadowModels(shadows);
  });

  it("stops before the next shadow when asked", async () => {
    const population = gaussianBlobs(20, 4, 2, 52, 2);
    const config = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 1, learningRate: 0.5, sampleRate: 0.5, clipNorm: 1, delta: 1e-5, private: false });
    let trained = 0;
    await expect(
      trainShadowModels({ spec: logisticRegressionSpec(4, 2), config, population, n: 4, seed: 1, onProgress: () => void (trained += 1), shouldStop: () => trained === 2 }),
    ).rejects.toThrow(/stopped after 2 of 4 shadow models/);
  });
});
