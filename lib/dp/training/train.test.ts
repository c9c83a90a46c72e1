import { beforeAll, describe, expect, it } from "vitest";
import { disposeNetwork } from "../models/network.ts";
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

  it("refuses a private run without an accountant", async () => {
    await expect(train({ spec: logisticRegressionSpec(4, 2), config: baseConfig, data: blobs(10, 1) })).rejects.toThrow(/needs a calibrated noiseMultiplier and an accountant/);
  });
});
