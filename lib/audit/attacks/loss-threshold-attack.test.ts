import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, disposeNetwork, logisticRegressionSpec, tf, train, trainConfigSchema, type Network, type TrainingData } from "../../dp/index.ts";
import { membershipMetrics } from "../metrics/index.ts";
import { logitScaledConfidence, lossThresholdAttack, perExampleScores } from "./loss-threshold-attack.ts";
import { gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** A 2-input, 3-class logistic model whose logits are exactly x·W (zero bias). */
function handSetNetwork(kernel: number[][]): Network {
  const network = createNetwork(logisticRegressionSpec(2, 3), 1);
  network.weighted[0]!.kernel.assign(tf.tensor2d(kernel));
  return network;
}

describe("perExampleScores", () => {
  // Example 0: x = (1, 0) → logits (2, 0, −1), label 0. Example 1: x = (0, 1) → logits (0, 1, 0), label 2.
  const data: TrainingData = { features: new Float32Array([1, 0, 0, 1]), labels: new Int32Array([0, 2]), count: 2 };
  const kernel = [
    [2, 0, -1],
    [0, 1, 0],
  ];
  const logSumExp = (zs: number[]) => Math.log(zs.reduce((s, z) => s + Math.exp(z), 0));

  it("gives −loss, true-class probability, max probability and φ from the logits", () => {
    const network = handSetNetwork(kernel);
    const tensorsBefore = tf.memory().numTensors;
    const loss = [logSumExp([2, 0, -1]) - 2, logSumExp([0, 1, 0]) - 0];
    const lossScores = perExampleScores(network, data, "loss");
    expect(lossScores[0]).toBeCloseTo(-loss[0]!, 6);
    expect(lossScores[1]).toBeCloseTo(-loss[1]!, 6);
    const confidence = perExampleScores(network, data, "confidence");
    expect(confidence[0]).toBeCloseTo(Math.exp(-loss[0]!), 6);
    expect(perExampleScores(network, data, "maxConfidence")[1]).toBeCloseTo(Math.exp(1 - logSumExp([0, 1, 0])), 6);
    // φ = log(p / (1 − p)) = z_y − logsumexp of the others.
    const phi = perExampleScores(network, data, "logitConfidence");
    const p0 = confidence[0]!;
    expect(phi[0]).toBeCloseTo(Math.log(p0 / (1 - p0)), 5);
    expect(phi[1]).toBeCloseTo(0 - logSumExp([0, 1]), 6);
    // Scoring leaves no tensor behind.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    disposeNetwork(network);
  });

  it("keeps φ finite where the true-class probability rounds to 1", () => {
    // p = 1 − e^−200 is 1 in floating point, so log(p / (1 − p)) would be +∞.
    expect(logitScaledConfidence([100, -100], 0)).toBeCloseTo(200, 10);
    expect(logitScaledConfidence([100, -100, -100], 0)).toBeCloseTo(200 - Math.LN2, 10);
  });

  it("refuses labels outside the classes and unknown kinds", () => {
    const network = handSetNetwork(kernel);
    expect(() => perExampleScores(network, { ...data, labels: new Int32Array([0, 3]) })).toThrow(/label 3 of example 1 is outside \[0, 3\)/);
    expect(() => perExampleScores(network, data, "entropy" as never)).toThrow(/kind must be one of/);
    disposeNetwork(network);
  });
});

describe("lossThresholdAttack (Yeom et al. 2018)", () => {
  // 100 training examples in 100 dimensions, weakly separated: enough parameters to overfit them.
  const spec = logisticRegressionSpec(100, 2);
  const config = trainConfigSchema.parse({
    model: { kind: "logistic" },
    epochs: 100,
    learningRate: 1,
    sampleRate: 0.5,
    clipNorm: 1,
    delta: 1e-5,
    private: false,
    seed: 3,
  });

  it("separates members from non-members of an overfit model, and not examples it never saw", async () => {
    const members = gaussianBlobs(100, 100, 2, 31, 0.5);
    const { network } = await train({ spec, config, data: members });
    const nonMembers = gaussianBlobs(400, 100, 2, 32, 0.5);
    const overfit = membershipMetrics(lossThresholdAttack(network, { members, nonMembers }), { bootstrap: false });
    // A model trained on other data: "members" and non-members are both unseen.
    const other = await train({ spec, config, data: gaussianBlobs(100, 100, 2, 33, 0.5) });
    const unseen = membershipMetrics(lossThresholdAttack(other.network, { members, nonMembers }), { bootstrap: false });
    const confidence = membershipMetrics(lossThresholdAttack(network, { members, nonMembers, kind: "confidence" }), { bootstrap: false });
    console.info(`loss attack AUC: overfit ${overfit.auc.toFixed(3)}, other data ${unseen.auc.toFixed(3)}`);
    expect(overfit.auc).toBeGreaterThan(0.65);
    expect(Math.abs(unseen.auc - 0.5)).toBeLessThan(0.1);
    // exp(−loss) ranks exactly like −loss.
    expect(confidence.auc).toBeCloseTo(overfit.auc, 12);
    disposeNetwork(network);
    disposeNetwork(other.network);
  });
});
