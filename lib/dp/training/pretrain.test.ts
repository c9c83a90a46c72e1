import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, parameters } from "../models/network.ts";
import { mlpSpec } from "../models/network-spec.ts";
import * as tf from "../tf.ts";
import { evaluate } from "./evaluate.ts";
import { pretrain } from "./pretrain.ts";
import { train, type TrainingData } from "./train.ts";
import { trainConfigSchema } from "./train-config.ts";
import { gaussianBlobs as blobs } from "./gaussian-blobs.test-support.ts";
import { RecordingAccountant } from "./recording-accountant.test-support.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});


const config = trainConfigSchema.parse({
  model: { kind: "mlp", hidden: [8] },
  epochs: 3,
  learningRate: 0.5,
  sampleRate: 0.1,
  clipNorm: 1,
  noiseMultiplier: 0.8,
  delta: 1e-5,
  seed: 3,
});

describe("public/private split", () => {
  it("pretrains on public data, then fine-tunes only the head under DP, the base bit-for-bit frozen", async () => {
    const spec = mlpSpec(4, [8], 2);
    const network = await pretrain({ spec, data: blobs(400, 11), config: { epochs: 3, learningRate: 0.5, sampleRate: 0.1, seed: 1 } });
    const before = parameters(network).map((p) => Array.from(p.dataSync()));
    const accountant = new RecordingAccountant();
    const result = await train({ spec, config: { ...config, trainableLayers: "head" }, data: blobs(400, 12), accountant, initialNetwork: network });
    expect(result.network).toBe(network);
    const after = parameters(network).map((p) => Array.from(p.dataSync()));
    expect(after[0]).toEqual(before[0]); // hidden kernel
    expect(after[1]).toEqual(before[1]); // hidden bias
    expect(after[2]).not.toEqual(before[2]); // head kernel
    expect(after[3]).not.toEqual(before[3]); // head bias
    expect(accountant.noiseMultipliers).toHaveLength(30);
    expect(evaluate(network, blobs(200, 13)).accuracy).toBeGreaterThan(0.9);
    disposeNetwork(network);
  });

  it("trains only the head without privacy too", async () => {
    const spec = mlpSpec(4, [8], 2);
    const network = await pretrain({ spec, data: blobs(100, 1), config: { epochs: 1, learningRate: 0.5, sampleRate: 0.1, seed: 1 } });
    const hidden = Array.from(network.weighted[0]!.kernel.dataSync());
    await train({ spec, config: { ...config, private: false, trainableLayers: "head" }, data: blobs(100, 2), initialNetwork: network });
    expect(Array.from(network.weighted[0]!.kernel.dataSync())).toEqual(hidden);
    disposeNetwork(network);
  });
});

describe("train with adaptive clipping", () => {
  it("steps the accountant with σ_eff, moves C, and checkpoints C", async () => {
    const accountant = new RecordingAccountant();
    const checkpointNorms: (number | undefined)[] = [];
    const result = await train({
      spec: mlpSpec(4, [8], 2),
      config: { ...config, clipNorm: 100, adaptiveClipping: { targetQuantile: 0.5, learningRate: 0.2, countNoiseMultiplier: 2 } },
      data: blobs(400, 1),
      accountant,
      onCheckpoint: (c) => {
        checkpointNorms.push(c.clipNorm);
      },
    });
    expect(new Set(accountant.noiseMultipliers)).toEqual(new Set([0.8]));
    // From C = 100, far above every norm, b̃ ≈ 1 shrinks C by about exp(−0.2 × 0.5) a step.
    expect(result.clipNorm).toBeLessThan(100 * Math.exp(-0.1 * 30 * 0.8));
    expect(checkpointNorms.at(-1)).toBe(result.clipNorm);
    expect(checkpointNorms).toHaveLength(3);
    disposeNetwork(result.network);
  });

  it("refuses a count noise too small for σ_eff", async () => {
    await expect(
      train({
        spec: mlpSpec(4, [8], 2),
        config: { ...config, adaptiveClipping: { targetQuantile: 0.5, learningRate: 0.2, countNoiseMultiplier: 0.3 } },
        data: blobs(10, 1),
        accountant: new RecordingAccountant(),
      }),
    ).rejects.toThrow(/countNoiseMultiplier 0.3 must exceed σ_eff \/ 2 = 0.4/);
  });
});
