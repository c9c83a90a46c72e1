import { describe, expect, it } from "vitest";
import { resolveTrainConfig } from "./prepare-training.ts";

const config = { model: { kind: "logistic" }, epochs: 1, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, noiseMultiplier: 1 };

describe("resolveTrainConfig", () => {
  it("refuses a private run whose δ is at least 1/N, naming δ and N", () => {
    expect(() => resolveTrainConfig({ ...config, delta: 0.01 }, 100, "training")).toThrow(
      "training config.delta: δ = 0.01 must be below 1/N = 0.01 for N = 100 training examples (with δ ≥ 1/N a mechanism may publish a whole record)",
    );
    expect(() => resolveTrainConfig({ ...config, delta: 0.5 }, 100)).toThrow(/^run\.json config\.delta: δ = 0\.5 must be below 1\/N = 0\.01 for N = 100/);
    expect(resolveTrainConfig({ ...config, delta: 0.0099 }, 100).config.delta).toBe(0.0099);
  });

  it("defaults δ to 1/(10N), and leaves a non-private run's δ alone", () => {
    expect(resolveTrainConfig(config, 100).config.delta).toBe(0.001);
    expect(resolveTrainConfig({ ...config, private: false, delta: 0.5 }, 100).plannedEpsilon).toBeNull();
  });
});
