import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork, parameters } from "../models/network.ts";
import { logisticRegressionSpec, mlpSpec } from "../models/network-spec.ts";
import * as tf from "../tf.ts";
import { evaluate } from "./evaluate.ts";
import { type StepAccountant, train, type TrainingCheckpoint, type TrainingData } from "./train.ts";
import { trainConfigSchema } from "./train-config.ts";
import { gaussianBlobs as blobs } from "./gaussian-blobs.test-support.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Counts steps like an accountant would, so the test can see ε is neither skipped nor doubled. */
class CountingAccountant implements StepAccountant {
  steps = 0;
  step() {
    this.steps += 1;
  }
  getEpsilon() {
    return this.steps / 100;
  }
  stateDict() {
    return { steps: this.steps };
  }
}

const baseConfig = trainConfigSchema.parse({
  model: { kind: "logistic" },
  epochs: 3,
  learningRate: 0.5,
  sampleRate: 0.1,
  clipNorm: 1,
  noiseMultiplier: 0.8,
  delta: 1e-5,
  seed: 7,
});

describe("train", () => {
  it("learns a separable problem without privacy", async () => {
    const data = blobs(400, 1);
    const { network } = await train({ spec: logisticRegressionSpec(4, 2), config: { ...baseConfig, private: false }, data });
    expect(evaluate(network, blobs(200, 2)).accuracy).toBeGreaterThan(0.95);
    disposeNetwork(network);
  });

  it("learns it with DP-SGD too, stepping the accountant once per step", async () => {
    const data = blobs(400, 1);
    const accountant = new CountingAccountant();
    const epsilons: number[] = [];
    const { network, steps } = await train({
      spec: mlpSpec(4, [8], 2),
      config: baseConfig,
      data,
      accountant,
      onStep: (p) => {
        epsilons.push(p.epsilon!);
      },
    });
    expect(steps).toBe(30);
    expect(accountant.steps).toBe(30);
    expect(epsilons).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) / 100));
    expect(evaluate(network, blobs(200, 2)).accuracy).toBeGreaterThan(0.9);
    disposeNetwork(network);
  });

  it("resumes from a checkpoint without counting a step twice or losing one", async () => {
    const data = blobs(200, 3);
    const checkpoints: TrainingCheckpoint[] = [];
    const first = new CountingAccountant();
    const { network } = await train({
      spec: logisticRegressionSpec(4, 2),
      config: baseConfig,
      data,
      accountant: first,
      onCheckpoint: (c) => {
        checkpoints.push(c);
      },
      // Crash in the middle of the second epoch: steps after the last checkpoint are lost.
      shouldStop: () => first.steps === 15,
    });
    disposeNetwork(network);
    const last = checkpoints.at(-1)!;
    expect(last.step).toBe(10);

    const resumed = new CountingAccountant();
    resumed.steps = (last.accountantState as { steps: number }).steps;
    const result = await train({ spec: logisticRegressionSpec(4, 2), config: baseConfig, data, accountant: resumed, resumeFrom: last });
    expect(result.steps).toBe(30);
    expect(resumed.steps).toBe(30);
    disposeNetwork(result.network);
  });

  it("samples a private run's batches with a fresh secret key: the same config and seed (0) draw different batches", async () => {
    const data = blobs(200, 4);
    const config = { ...baseConfig, seed: 0 };
    const runOnce = async () => {
      const batchSizes: number[] = [];
      const checkpoints: TrainingCheckpoint[] = [];
      const { network } = await train({
        spec: logisticRegressionSpec(4, 2),
        config,
        data,
        accountant: new CountingAccountant(),
        onStep: (p) => void batchSizes.push(p.batchSize),
        onCheckpoint: (c) => void checkpoints.push(c),
      });
      disposeNetwork(network);
      return { batchSizes, samplingKey: checkpoints.at(-1)!.samplingKey! };
    };
    const first = await runOnce();
    const second = await runOnce();
    // 30 Poisson batch sizes of mean 20: two runs agree on all of them by chance with probability < 1e-20.
    expect(second.batchSizes).not.toEqual(first.batchSizes);
    expect(Buffer.from(first.samplingKey, "base64")).toHaveLength(32);
    expect(second.samplingKey).not.toBe(first.samplingKey);
    // The key is not a function of the stored config: nothing in it reproduces the batches.
    expect(JSON.stringify(config)).not.toContain(first.samplingKey);
  });

  it("replays the same batches when resumed from a checkpoint: with σ = 0 the weights end bit-for-bit equal", async () => {
    const data = blobs(200, 5);
    const config = { ...baseConfig, noiseMultiplier: 0 };
    const spec = logisticRegressionSpec(4, 2);
    const batchSizes: number[] = [];
    const checkpoints: TrainingCheckpoint[] = [];
    const whole = await train({ spec, config, data, accountant: new CountingAccountant(), onStep: (p) => void batchSizes.push(p.batchSize), onCheckpoint: (c) => void checkpoints.push(c) });
    const fromStep10 = checkpoints.find((c) => c.step === 10)!;
    const resumedSizes: number[] = [];
    const resumed = await train({ spec, config, data, accountant: new CountingAccountant(), resumeFrom: fromStep10, onStep: (p) => void resumedSizes.push(p.batchSize) });
    expect(resumedSizes).toEqual(batchSizes.slice(10));
    const weights = (network: typeof whole.network) => parameters(network).map((v) => Array.from(v.dataSync()));
    expect(weights(resumed.network)).toEqual(weights(whole.network));
    disposeNetwork(whole.network);
    disposeNetwork(resumed.network);
  });

  it("refuses a private run without an accountant", async () => {
    await expect(train({ spec: logisticRegressionSpec(4, 2), config: baseConfig, data: blobs(10, 1) })).rejects.toThrow(/needs a calibrated noiseMultiplier and an accountant/);
  });
});
