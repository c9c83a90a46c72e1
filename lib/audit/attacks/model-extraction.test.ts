import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, mlpSpec, tf, train, trainConfigSchema } from "../../dp/index.ts";
import { networkClassifier } from "./classifier.ts";
import { modelExtraction } from "./model-extraction.ts";
import { gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("modelExtraction", () => {
  it("converges on the target as the query budget grows, and refuses bad budgets", async () => {
    const spec = mlpSpec(8, [16], 3);
    const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [16] }, epochs: 20, learningRate: 0.5, sampleRate: 0.2, clipNorm: 1, delta: 1e-5, private: false, seed: 1 });
    const { network } = await train({ spec, config, data: gaussianBlobs(300, 8, 3, 1, 1.5) });
    try {
      const target = networkClassifier(network);
      const curve = await modelExtraction({ target, queryPool: gaussianBlobs(200, 8, 3, 2, 1.5), test: gaussianBlobs(150, 8, 3, 3, 1.5), budgets: [6, 200], epochs: 40 });
      expect(curve.map((p) => `${p.mode}:${p.queries}`)).toEqual(["labels:6", "labels:200", "probabilities:6", "probabilities:200"]);
      for (const mode of ["labels", "probabilities"]) {
        const [few, many] = curve.filter((p) => p.mode === mode);
        expect(many!.fidelity).toBeGreaterThan(0.85);
        expect(many!.fidelity).toBeGreaterThanOrEqual(few!.fidelity);
      }
      await expect(modelExtraction({ target, queryPool: gaussianBlobs(10, 8, 3, 2), test: gaussianBlobs(5, 8, 3, 3), budgets: [20] })).rejects.toThrow(/budgets\[0\] = 20 must be an integer in \[1, 10\]/);
    } finally {
      disposeNetwork(network);
    }
  });
});
