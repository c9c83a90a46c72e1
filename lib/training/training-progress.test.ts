import { describe, expect, it } from "vitest";
import { epsilonAfter, trainConfigSchema } from "../dp/index.ts";
import { composeLedger } from "./compose-ledger.ts";
import type { BudgetCharges } from "./privacy-budget.ts";
import { stepsWithin } from "./steps-within-budget.ts";
import type { Principal } from "../auth/index.ts";
import { appendCurvePoint, MAX_CURVE_POINTS, type CurvePoint, type TrainingProgress, trainingProgressView } from "../models/index.ts";

describe("appendCurvePoint", () => {
  it("keeps at most MAX_CURVE_POINTS, the last and the epoch-end accuracy points", () => {
    let curve: CurvePoint[] = [];
    for (let step = 1; step <= 1000; step++) curve = appendCurvePoint(curve, { step, loss: 1 / step, epsilon: step / 100, ...(step % 100 === 0 ? { accuracy: 0.5 } : {}) });
    expect(curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(curve.at(-1)!.step).toBe(1000);
    expect(curve.filter((p) => p.accuracy !== undefined).map((p) => p.step)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(curve.map((p) => p.step)).toEqual([...curve.map((p) => p.step)].sort((a, b) => a - b));
  });
});

describe("stepsWithin", () => {
  const config = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 10, learningRate: 0.1, sampleRate: 0.01, clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 });

  const budget = (epsilon: number, delta: number, committed: BudgetCharges["committed"] = []): BudgetCharges => ({
    datasetVersionId: "v",
    label: "data v1",
    budget: { epsilon, delta, allowNonPrivate: false },
    spent: committed,
    committed,
    nonPrivateRuns: 0,
  });

  it("gives every step when the budget allows, else the most whose ε fits", () => {
    expect(stepsWithin(config, 1000, [])).toBe(1000);
    expect(stepsWithin(config, 1000, [budget(100, 1e-5)])).toBe(1000);
    const allowed = stepsWithin(config, 1000, [budget(1, 1e-5)]);
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(1000);
    expect(epsilonAfter({ ...config, noiseMultiplier: 1 }, allowed)).toBeLessThanOrEqual(1);
    expect(epsilonAfter({ ...config, noiseMultiplier: 1 }, allowed + 1)).toBeGreaterThan(1);
  });

  it("composes the steps with the other runs' mechanisms on each budget", () => {
    const other = { epsilon: 0.8, delta: 1e-5, sgmRuns: [{ noiseMultiplier: 1, sampleRate: 0.01, steps: 300 }] };
    const allowed = stepsWithin(config, 1000, [budget(100, 1e-5), budget(1.5, 1e-5, [other])]);
    const mechanism = (steps: number) => ({ epsilon: 0, delta: 1e-5, sgmRuns: [{ noiseMultiplier: 1, sampleRate: 0.01, steps }] });
    expect(composeLedger([other, mechanism(allowed)], 1e-5).composed.epsilon).toBeLessThanOrEqual(1.5);
    expect(composeLedger([other, mechanism(allowed + 1)], 1e-5).composed.epsilon).toBeGreaterThan(1.5);
    // Composed, the other run leaves more steps than its ε subtracted from the budget would.
    expect(epsilonAfter({ ...config, noiseMultiplier: 1 }, allowed)).toBeGreaterThan(1.5 - 0.8);
  });

  it("gives no step when δ exceeds a budget's, and all for a non-private run", () => {
    expect(stepsWithin(config, 1000, [budget(100, 1e-6)])).toBe(0);
    expect(stepsWithin({ ...config, private: false }, 1000, [budget(0, 1e-6)])).toBe(1000);
  });
});

describe("trainingProgressView", () => {
  const person = (userId: string, roles: Principal["roles"]): Principal => ({ userId, email: `${userId}@x`, label: userId, roles, via: "session" });
  const owner = person("owner", ["ml_engineer"]);
  const progress: TrainingProgress = {
    step: 20,
    totalSteps: 20,
    epsilon: 1.5,
    loss: 0.4,
    accuracy: 0.8,
    evaluatedOn: "eval",
    curve: [{ step: 10, epsilon: 1, loss: 0.5, accuracy: 0.7 }, { step: 20, epsilon: 1.5, loss: 0.4, accuracy: 0.8 }],
    outsideGuarantee: { label: "outside the guarantee", batchLoss: [{ step: 1, loss: 0.69 }], contamination: { rate: 0.1, overlapping: 1, evalRecords: 10 } },
  };

  it("shows figures computed on training rows to the dataset's owner and pii.unmasked roles only", () => {
    expect(trainingProgressView(progress, owner, "owner")).toEqual(progress);
    expect(trainingProgressView(progress, person("officer", ["compliance_officer"]), "owner")).toEqual(progress);
    const { outsideGuarantee: _, ...covered } = progress;
    for (const viewer of [person("engineer", ["ml_engineer"]), person("auditor", ["auditor"])]) expect(trainingProgressView(progress, viewer, "owner")).toEqual(covered);
  });

  it("drops the batch losses, training-set accuracy and contamination stored before curves were held out", () => {
    const legacy = { step: 2, totalSteps: 2, epsilon: 0.3, loss: 0.6, accuracy: 0.9, contamination: { rate: 0, overlapping: 0, evalRecords: 5 }, curve: [{ step: 2, loss: 0.6, epsilon: 0.3, accuracy: 0.9 }] };
    expect(trainingProgressView(legacy as TrainingProgress, person("engineer", ["ml_engineer"]), "owner")).toEqual({ step: 2, totalSteps: 2, epsilon: 0.3, curve: [{ step: 2, epsilon: 0.3 }] });
    expect(trainingProgressView(legacy as TrainingProgress, owner, "owner")).toEqual(legacy);
  });
});
