import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, logisticRegressionSpec, tf, train, trainConfigSchema, type TrainingData } from "../../dp/index.ts";
import { mulberry32 } from "../../numerics/index.ts";
import { networkClassifier } from "./classifier.ts";
import { cosineSimilarity, globalSsim, modelInversion } from "./model-inversion.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** 8×8 images: class 0 a bright left half, class 1 a bright right half, with noise. */
function halves(count: number, seed: number): TrainingData {
  const random = mulberry32(seed);
  const features = new Float32Array(count * 64);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 64; p++) {
      const left = p % 8 < 4;
      features[i * 64 + p] = Math.min(1, Math.max(0, (left === (labels[i] === 0) ? 0.8 : 0.1) + 0.2 * (random() - 0.5)));
    }
  }
  return { features, labels, count };
}

describe("similarity scores", () => {
  it("cosine and global SSIM match hand computations", () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(globalSsim([0, 1, 0, 1], [0, 1, 0, 1])).toBeCloseTo(1, 12);
    // a = [0, 1], b = [1, 0]: μ = ½ each, σ² = ½ each, cov = −½ → (0.5 + C1)(−1 + C2) / ((0.5 + C1)(1 + C2)).
    expect(globalSsim([0, 1], [1, 0])).toBeCloseTo((-1 + 0.03 ** 2) / (1 + 0.03 ** 2), 12);
  });
});

describe("modelInversion", () => {
  it("reconstructs each class closer to its own average than to the other class's", async () => {
    const data = halves(200, 1);
    const spec = logisticRegressionSpec(64, 2);
    const config = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 10, learningRate: 0.5, sampleRate: 0.2, clipNorm: 1, delta: 1e-5, private: false, seed: 1 });
    const { network } = await train({ spec, config, data });
    try {
      const [zero, one] = await modelInversion({ target: networkClassifier(network), reference: data, steps: 60, learningRate: 0.1 });
      expect(zero!.height).toBe(8);
      expect(zero!.pixels).toHaveLength(64);
      expect(zero!.confidence).toBeGreaterThan(0.9);
      expect(zero!.cosine).toBeGreaterThan(cosineSimilarity(zero!.pixels, one!.average));
      expect(one!.cosine).toBeGreaterThan(cosineSimilarity(one!.pixels, zero!.average));
      expect(zero!.pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
      await expect(modelInversion({ target: networkClassifier(network), reference: data, classes: [5] })).rejects.toThrow(/class 5 is not in \[0, 2\)/);
    } finally {
      disposeNetwork(network);
    }
  });
});
