import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { computeRdp, DEFAULT_ALPHAS, getPrivacySpent } from "./analysis/rdp.ts";
import { RdpAccountant } from "./rdp-accountant.ts";

// Expected values: opacus/tests/accountants_test.py at pytorch/opacus 4d0ebc8, and Opacus's
// RDPAccountant at that commit run with numpy 2.4.6 / scipy 1.17.1.

describe("RdpAccountant", () => {
  it("spends 7.32911117143 for 2250 steps of sigma 1.5 at q 0.04, delta 1e-5 (Opacus test_rdp_accountant)", () => {
    const accountant = new RdpAccountant();
    for (let i = 0; i < 2250; i++) accountant.step({ noiseMultiplier: 1.5, sampleRate: 0.04 });
    expect(accountant.getEpsilon(1e-5)).toBeCloseTo(7.32911117143, 10);
    expect(accountant.getPrivacySpent(1e-5).bestAlpha).toBe(3.9);
    expect(accountant.mechanism).toBe("rdp");
  });

  it("merges consecutive identical steps into runs, as Opacus's history", () => {
    const accountant = new RdpAccountant();
    accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    accountant.step({ noiseMultiplier: 2.0, sampleRate: 0.01 });
    accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    expect(accountant.history).toEqual([
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 2 },
      { noiseMultiplier: 2.0, sampleRate: 0.01, steps: 1 },
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 1 },
    ]);
    expect(accountant.length).toBe(3);
    expect(accountant.steps).toBe(4);
  });

  it("composes heterogeneous runs as the sum of their RDP curves (Opacus 4d0ebc8: 2.389798557467301 at alpha 7.7)", () => {
    const history = [
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 500 },
      { noiseMultiplier: 2.0, sampleRate: 0.02, steps: 1000 },
      { noiseMultiplier: 1.0, sampleRate: 0.01, steps: 300 },
    ];
    const accountant = new RdpAccountant();
    accountant.loadStateDict({ mechanism: "rdp", history });
    const summed = DEFAULT_ALPHAS.map((_, i) => history.reduce((sum, r) => sum + computeRdp(r.sampleRate, r.noiseMultiplier, r.steps, DEFAULT_ALPHAS)[i]!, 0));
    const spent = accountant.getPrivacySpent(1e-5);
    expect(spent).toEqual(getPrivacySpent(DEFAULT_ALPHAS, summed, 1e-5));
    expect(spent.epsilon).toBeCloseTo(2.389798557467301, 12);
    expect(spent.bestAlpha).toBe(7.7);
    // the same runs in another order spend the same budget
    const reordered = new RdpAccountant();
    reordered.loadStateDict({ mechanism: "rdp", history: [history[1], history[0], history[2]] });
    expect(reordered.getEpsilon(1e-5)).toBeCloseTo(spent.epsilon, 12);
  });

  it("spends nothing before the first step, and honours custom orders", () => {
    const accountant = new RdpAccountant();
    expect(accountant.getPrivacySpent(1e-5)).toEqual({ epsilon: 0, bestAlpha: 0 });
    accountant.step({ noiseMultiplier: 1.0, sampleRate: 1 });
    // q = 1: rdp = alpha / 2; at alpha = 2 only: 1 - (log 1e-5 + log 2) / 1 + log(1 / 2)
    expect(accountant.getEpsilon(1e-5, [2])).toBeCloseTo(1 - Math.log(1e-5) - Math.log(2) + Math.log(0.5), 12);
  });

  it("increases with steps and decreases with noise", () => {
    const eps = (sigma: number, steps: number) => {
      const accountant = new RdpAccountant();
      accountant.loadStateDict({ mechanism: "rdp", history: [{ noiseMultiplier: sigma, sampleRate: 0.02, steps }] });
      return accountant.getEpsilon(1e-6);
    };
    expect(eps(1.0, 2000)).toBeGreaterThan(eps(1.0, 1000));
    expect(eps(1.2, 1000)).toBeLessThan(eps(1.0, 1000));
  });

  it("round-trips its state and resumes where it stopped (Opacus test_accountant_load_state_dict)", () => {
    const accountant = new RdpAccountant();
    for (let i = 0; i < 1250; i++) accountant.step({ noiseMultiplier: 1.5, sampleRate: 0.04 });
    const state = accountant.stateDict();
    expect(state).toEqual({ mechanism: "rdp", history: [{ noiseMultiplier: 1.5, sampleRate: 0.04, steps: 1250 }] });
    expect(state.history).not.toBe(accountant.history);
    const restored = new RdpAccountant();
    restored.loadStateDict(JSON.parse(JSON.stringify(state)));
    for (let i = 1250; i < 2250; i++) restored.step({ noiseMultiplier: 1.5, sampleRate: 0.04 });
    expect(restored.getEpsilon(1e-5)).toBeCloseTo(7.32911117143, 10);
  });

  it("refuses a state dict that is empty, lacks a key, or belongs to another mechanism, naming the key", () => {
    const accountant = new RdpAccountant();
    expect(() => accountant.loadStateDict({})).toThrow(/RdpAccountant.loadStateDict: state dict is either null or empty/);
    expect(() => accountant.loadStateDict(null)).toThrow(AppError);
    expect(() => accountant.loadStateDict({ "1": 2 })).toThrow(/does not have the key `history`/);
    expect(() => accountant.loadStateDict({ history: [] })).toThrow(/does not have the key `mechanism`/);
    expect(() => accountant.loadStateDict({ history: [], mechanism: "prv" })).toThrow(/state dict of prv cannot be loaded into a privacy accountant with mechanism rdp/);
    expect(() => accountant.loadStateDict({ mechanism: "rdp", history: [{ noiseMultiplier: 1, steps: 3 }] })).toThrow(/history\[0\] does not have the key `sampleRate`/);
    expect(() => accountant.loadStateDict({ mechanism: "rdp", history: [{ noiseMultiplier: 1, sampleRate: 2, steps: 3 }] })).toThrow(/sampleRate must be a number in \[0, 1\]/);
    try {
      accountant.loadStateDict({ history: [] });
    } catch (error) {
      expect((error as AppError).code).toBe("bad_request");
      expect((error as AppError).details).toEqual({ missingKey: "mechanism" });
    }
    // a refused state leaves the history untouched
    expect(accountant.history).toEqual([]);
  });

  it("refuses invalid steps and deltas, naming the function and the rule", () => {
    const accountant = new RdpAccountant();
    expect(() => accountant.step({ noiseMultiplier: -1, sampleRate: 0.1 })).toThrow(/RdpAccountant.step: noiseMultiplier must be a finite number >= 0/);
    expect(() => accountant.step({ noiseMultiplier: 1, sampleRate: 1.01 })).toThrow(/RdpAccountant.step: sampleRate must be a number in \[0, 1\]/);
    expect(() => accountant.getEpsilon(0)).toThrow(/RdpAccountant.getPrivacySpent: delta must be a number in \(0, 1\)/);
    expect(() => accountant.getEpsilon(1.5)).toThrow(/delta/);
  });
});
