import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, mlpSpec, tf, train, trainConfigSchema } from "../../dp/index.ts";
import { membershipMetrics } from "../metrics/index.ts";
import { attackFeatures, shadowModelAttack } from "./shadow-model-attack.ts";
import { networkClassifier } from "./classifier.ts";
import { gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("attackFeatures", () => {
  it("is the sorted top-3 log-probabilities over 10, floored at −30", () => {
    // logits [0, ln 3] → p = [¼, ¾]; the third place is the floor.
    const features = attackFeatures(Float32Array.from([0, Math.log(3)]), 2);
    expect(features[0]).toBeCloseTo(Math.log(0.75) / 10, 6);
    expect(features[1]).toBeCloseTo(Math.log(0.25) / 10, 6);
    expect(features[2]).toBe(-3);
  });
});

describe("shadowModelAttack", () => {
  it("tells an overfit target's members from non-members with shadows trained the same way", async () => {
    // Few examples, many features, noisy blobs: the MLP overfits, as in Shokri et al.'s targets.
    const spec = mlpSpec(24, [64], 4);
    const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [64] }, epochs: 60, learningRate: 0.5, sampleRate: 0.25, clipNorm: 1, delta: 1e-5, private: false, seed: 3 });
    const members = gaussianBlobs(60, 24, 4, 1, 0.7);
    const nonMembers = gaussianBlobs(60, 24, 4, 2, 0.7);
    const { network } = await train({ spec, config, data: members });
    const progress: string[] = [];
    try {
      const scores = await shadowModelAttack({ target: networkClassifier(network), spec, config, shadowData: gaussianBlobs(480, 24, 4, 3, 0.7), k: 4, members, nonMembers, onProgress: (p) => void progress.push(p.message) });
      expect(progress).toEqual(["shadow model 1 of 4", "shadow model 2 of 4", "shadow model 3 of 4", "shadow model 4 of 4"]);
      expect(membershipMetrics(scores, { bootstrap: false }).auc).toBeGreaterThan(0.7);
      await expect(shadowModelAttack({ target: networkClassifier(network), spec, config, shadowData: gaussianBlobs(10, 24, 4, 3), k: 4, members, nonMembers })).rejects.toThrow(/fewer than 4/);
    } finally {
      disposeNetwork(network);
    }
  });
});
