import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, mlpSpec, tf, train, trainConfigSchema, type TrainingData } from "../../dp/index.ts";
import { mulberry32 } from "../../numerics/index.ts";
import { attributeInference } from "./attribute-inference.ts";
import { networkClassifier } from "./classifier.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Records of [noise, noise, one-hot sensitive (2)] whose label is the sensitive value, 70% of the time. */
function records(count: number, seed: number): TrainingData {
  const random = mulberry32(seed);
  const features = new Float32Array(count * 4);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const sensitive = random() < 0.6 ? 0 : 1;
    features[i * 4] = random();
    features[i * 4 + 1] = random();
    features[i * 4 + 2 + sensitive] = 1;
    labels[i] = random() < 0.7 ? sensitive : 1 - sensitive;
  }
  return { features, labels, count };
}

describe("attributeInference", () => {
  it("beats the prior's guess when the label depends on the attribute", async () => {
    const spec = mlpSpec(4, [8], 2);
    const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [8] }, epochs: 20, learningRate: 0.5, sampleRate: 0.2, clipNorm: 1, delta: 1e-5, private: false, seed: 1 });
    const data = records(300, 1);
    const { network } = await train({ spec, config, data });
    try {
      const result = attributeInference({ target: networkClassifier(network), data, attribute: { offset: 2, size: 2 } });
      expect(result.scored).toBe(300);
      expect(result.priorValue).toBe(0);
      expect(result.baselineAccuracy).toBeGreaterThan(0.5);
      // Guessing "the value equal to the label" is right 70% of the time.
      expect(result.accuracy).toBeGreaterThan(0.65);
      expect(result.advantage).toBeCloseTo(result.accuracy - result.baselineAccuracy, 12);
      expect(() => attributeInference({ target: networkClassifier(network), data, attribute: { offset: 3, size: 2 } })).toThrow(/inside the 4 features/);
    } finally {
      disposeNetwork(network);
    }
  });

  it("scores hand-made confidences exactly", () => {
    // A fixed "model": logits favour class = the attribute's value for record 0, the other for record 1.
    const target = {
      inputShape: [2],
      numClasses: 2,
      logits: (d: TrainingData) => Float32Array.from(Array.from({ length: d.count }, (_, i) => [d.features[i * 2]!, d.features[i * 2 + 1]!]).flat()),
      logitsTensor: () => {
        throw new Error("unused");
      },
    };
    const data = { features: Float32Array.from([1, 0, 0, 1, 1, 0]), labels: Int32Array.from([0, 1, 1]), count: 3 };
    // Each record: the guess is the value whose logit favours the true label, i.e. value = label.
    const result = attributeInference({ target, data, attribute: { offset: 0, size: 2 } });
    expect(result).toMatchObject({ scored: 3, priorValue: 0, accuracy: 2 / 3, baselineAccuracy: 2 / 3, advantage: 0 });
  });
});
