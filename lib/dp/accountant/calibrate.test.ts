import { describe, expect, it } from "vitest";
import { calibrateNoiseMultiplier } from "./calibrate.ts";
import { createAccountant } from "./create-accountant.ts";

// Expected values: opacus/tests/accountants_test.py at pytorch/opacus 4d0ebc8 (get_noise_multiplier),
// exact values from Opacus's utils.py at that commit run with numpy 2.4.6 / scipy 1.17.1.

describe("calibrateNoiseMultiplier (Opacus get_noise_multiplier)", () => {
  it.each([
    // test_get_noise_multiplier_rdp_epochs: 1.416 (places=4); exact 1.416015625
    ["rdp", { epochs: 90 }, 1.416015625],
    // test_get_noise_multiplier_rdp_steps: 1.3562; exact 1.356201171875
    ["rdp", { steps: 2000 }, 1.356201171875],
    // test_get_noise_multiplier_prv_epochs: 1.34765625
    ["prv", { epochs: 90 }, 1.34765625],
    // test_get_noise_multiplier_prv_steps: 1.2915; exact 1.29150390625
    ["prv", { steps: 2000 }, 1.29150390625],
  ] as const)("%s accountant, %o, target eps 8 at delta 1e-5, q 0.04: sigma = %s", (accountant, length, expected) => {
    const result = calibrateNoiseMultiplier({ targetEpsilon: 8, delta: 1e-5, sampleRate: 0.04, accountant, ...length });
    expect(result.noiseMultiplier).toBe(expected);
    expect(result.epsilon).toBeLessThanOrEqual(8);
    expect(result.epsilon).toBeGreaterThanOrEqual(8 - 0.01);
  });

  it("hits the target within the tolerance from below, as the accountant itself computes it", () => {
    for (const [targetEpsilon, sampleRate, steps, delta] of [
      [1, 0.01, 5000, 1e-5],
      [3, 256 / 60000, 14063, 1e-5],
      [0.5, 0.001, 100000, 1e-6],
    ] as const) {
      const result = calibrateNoiseMultiplier({ targetEpsilon, delta, sampleRate, steps });
      const accountant = createAccountant("rdp");
      accountant.loadStateDict({ mechanism: "rdp", history: [{ noiseMultiplier: result.noiseMultiplier, sampleRate, steps }] });
      const epsilon = accountant.getEpsilon(delta);
      expect(epsilon).toBe(result.epsilon);
      expect(targetEpsilon - epsilon).toBeGreaterThanOrEqual(0);
      expect(targetEpsilon - epsilon).toBeLessThanOrEqual(0.01);
      expect(result.steps).toBe(steps);
    }
  });

  it("honours a custom tolerance", () => {
    const result = calibrateNoiseMultiplier({ targetEpsilon: 2, delta: 1e-5, sampleRate: 0.02, steps: 3000, epsilonTolerance: 1e-4 });
    expect(2 - result.epsilon).toBeGreaterThanOrEqual(0);
    expect(2 - result.epsilon).toBeLessThanOrEqual(1e-4);
  });

  it("refuses invalid inputs and budgets no noise can meet, naming the function and the rule", () => {
    const base = { targetEpsilon: 1, delta: 1e-5, sampleRate: 0.01, steps: 100 };
    expect(() => calibrateNoiseMultiplier({ ...base, targetEpsilon: 0 })).toThrow(/calibrateNoiseMultiplier: targetEpsilon must be a finite number > 0/);
    expect(() => calibrateNoiseMultiplier({ ...base, delta: 0 })).toThrow(/calibrateNoiseMultiplier: delta must be a number in \(0, 1\)/);
    expect(() => calibrateNoiseMultiplier({ ...base, sampleRate: 0 })).toThrow(/calibrateNoiseMultiplier: sampleRate must be a number in \(0, 1\]/);
    expect(() => calibrateNoiseMultiplier({ ...base, steps: 0 })).toThrow(/calibrateNoiseMultiplier: steps must be an integer >= 1/);
    expect(() => calibrateNoiseMultiplier({ ...base, epochs: 3 })).toThrow(/give either steps or epochs/);
    expect(() => calibrateNoiseMultiplier({ ...base, epsilonTolerance: -1 })).toThrow(/epsilonTolerance must be a finite number > 0/);
    expect(() => calibrateNoiseMultiplier({ ...base, accountant: "gdp" as "rdp" })).toThrow(/accountant must be "rdp" or "prv"/);
    // RDP's conversion alone costs more than 1e-4 with these orders, whatever the noise
    expect(() => calibrateNoiseMultiplier({ ...base, targetEpsilon: 1e-4 })).toThrow(/calibrateNoiseMultiplier: the privacy budget is too low/);
  });
});
