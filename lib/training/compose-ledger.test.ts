import { describe, expect, it } from "vitest";
import { RdpAccountant } from "../dp/index.ts";
import { composeLedger } from "./compose-ledger.ts";

// Expected values: lib/dp/accountant's RDP accountant, itself pinned to Opacus 4d0ebc8
// (rdp-accountant.test.ts): 7.32911117143 for 2250 steps of σ 1.5 at q 0.04, δ 1e-5, and
// 2.389798557467301 for the three heterogeneous runs below at δ 1e-5.
const epsilonOf = (history: { noiseMultiplier: number; sampleRate: number; steps: number }[], delta: number) => {
  const accountant = new RdpAccountant();
  accountant.loadStateDict({ mechanism: "rdp", history });
  return accountant.getEpsilon(delta);
};

describe("composeLedger", () => {
  it("gives one run's RDP ε at the budget's δ (Opacus: 7.32911117143)", () => {
    const run = { noiseMultiplier: 1.5, sampleRate: 0.04, steps: 2250 };
    const { composed, summed } = composeLedger([{ epsilon: 7.33, delta: 1e-5, sgmRuns: [run] }], 1e-5);
    expect(composed.epsilon).toBeCloseTo(7.32911117143, 10);
    expect(composed.delta).toBe(1e-5);
    expect(summed).toEqual({ epsilon: 7.33, delta: 1e-5 });
  });

  it("composes the runs' curves once, below the sum of their ε (Opacus: 2.389798557467301)", () => {
    const runs = [
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 500 },
      { noiseMultiplier: 2.0, sampleRate: 0.02, steps: 1000 },
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 300 },
    ];
    const charges = runs.map((run) => ({ epsilon: epsilonOf([run], 1e-5), delta: 1e-5, sgmRuns: [run] }));
    const { composed, summed } = composeLedger(charges, 1e-5);
    expect(composed.epsilon).toBeCloseTo(2.389798557467301, 12);
    expect(summed.epsilon).toBeCloseTo(charges.reduce((sum, c) => sum + c.epsilon, 0), 12);
    // The saving basic composition gives away: the three separately sum to about 3.2.
    expect(summed.epsilon - composed.epsilon).toBeGreaterThan(0.5);
    expect(summed.delta).toBeCloseTo(3e-5, 15);
  });

  it("sums entries without a curve and converts the curves at the δ they leave", () => {
    const run = { noiseMultiplier: 1.5, sampleRate: 0.04, steps: 2250 };
    const declared = { epsilon: 0.5, delta: 4e-5, sgmRuns: null };
    const { composed, summed } = composeLedger([declared, { epsilon: 7.33, delta: 1e-5, sgmRuns: [run] }], 5e-5);
    expect(composed.epsilon).toBeCloseTo(0.5 + epsilonOf([run], 1e-5), 12);
    expect(composed.delta).toBe(5e-5);
    expect(summed).toEqual({ epsilon: 7.83, delta: 5e-5 });
    // Without a curve only: the sum, whatever the budget's δ.
    expect(composeLedger([declared], 1e-3).composed).toEqual({ epsilon: 0.5, delta: 4e-5 });
    // No δ left to convert at: unbounded.
    expect(composeLedger([declared, { epsilon: 7.33, delta: 1e-5, sgmRuns: [run] }], 4e-5).composed.epsilon).toBe(Infinity);
  });

  it("charges nothing for no runs, runs of no step, and non-private use", () => {
    const nonPrivate = { epsilon: 0, delta: 0, sgmRuns: null };
    const notStarted = { epsilon: 0, delta: 0, sgmRuns: [{ noiseMultiplier: 1, sampleRate: 0.1, steps: 0 }] };
    expect(composeLedger([], 1e-5)).toEqual({ composed: { epsilon: 0, delta: 0 }, summed: { epsilon: 0, delta: 0 } });
    expect(composeLedger([nonPrivate, notStarted], 1e-5).composed).toEqual({ epsilon: 0, delta: 0 });
  });
});
