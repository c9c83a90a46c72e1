import { describe, expect, it } from "vitest";
import { PrvAccountant } from "./prv-accountant.ts";
import { RdpAccountant } from "./rdp-accountant.ts";

// Expected values: opacus/tests/accountants_test.py at pytorch/opacus 4d0ebc8, and Opacus's
// PRVAccountant / RDPAccountant at that commit run with numpy 2.4.6 / scipy 1.17.1.

function accountantsFor(history: { noiseMultiplier: number; sampleRate: number; steps: number }[]) {
  const prv = new PrvAccountant();
  prv.loadStateDict({ mechanism: "prv", history });
  const rdp = new RdpAccountant();
  rdp.loadStateDict({ mechanism: "rdp", history });
  return { prv, rdp };
}

describe("PrvAccountant", () => {
  it("spends 6.777395712150674 for int(90 // 0.04) = 2249 steps of sigma 1.5 at q 0.04 (Opacus test_prv_accountant)", () => {
    const accountant = new PrvAccountant();
    for (let i = 0; i < 2249; i++) accountant.step({ noiseMultiplier: 1.5, sampleRate: 0.04 });
    expect(accountant.length).toBe(1);
    expect(accountant.getEpsilon(1e-5)).toBeCloseTo(6.777395712150674, 6);
    expect(accountant.mechanism).toBe("prv");
  });

  it("reports bounds around the estimate, eps_error apart", () => {
    const { prv } = accountantsFor([{ noiseMultiplier: 1.0, sampleRate: 0.01, steps: 1000 }]);
    const spent = prv.getPrivacySpent(1e-5);
    // Opacus 4d0ebc8 PRVAccountant.get_epsilon: 1.838371637017295
    expect(spent.epsilonUpper).toBeCloseTo(1.838371637017295, 6);
    expect(spent.epsError).toBe(0.01);
    expect(spent.deltaError).toBe(1e-8);
    expect(spent.epsilonUpper - spent.epsilonEstimate).toBeGreaterThan(0.01);
    expect(spent.epsilonEstimate - spent.epsilonLower).toBeGreaterThan(0.01);
    const looser = prv.getPrivacySpent(1e-5, { epsError: 0.05 });
    expect(looser.domainSize).toBeLessThan(spent.domainSize);
    expect(Math.abs(looser.epsilonEstimate - spent.epsilonEstimate)).toBeLessThan(0.05);
  });

  it("is tighter than RDP, by the 6-16% that RDP's conversion loses in these regimes", () => {
    // Opacus 4d0ebc8 (PRV, RDP): (1.838371637017295, 2.1013652716430564),
    // (2.3918365361863922, 2.5966555286883684), (0.2149706219176909, 0.24471730638396086)
    const settings: [sigma: number, q: number, steps: number, delta: number, prvOpacus: number][] = [
      [1.0, 0.01, 1000, 1e-5, 1.838371637017295],
      [1.1, 256 / 60000, 14063, 1e-5, 2.3918365361863922],
      [2.0, 0.001, 10000, 1e-6, 0.2149706219176909],
      [1.5, 0.04, 2250, 1e-5, 6.7791320762541165],
    ];
    for (const [sigma, q, steps, delta, prvOpacus] of settings) {
      const { prv, rdp } = accountantsFor([{ noiseMultiplier: sigma, sampleRate: q, steps }]);
      const prvEpsilon = prv.getEpsilon(delta);
      const rdpEpsilon = rdp.getEpsilon(delta);
      expect(prvEpsilon).toBeCloseTo(prvOpacus, 6);
      expect(prvEpsilon).toBeLessThan(rdpEpsilon);
      // PRV/RDP is 0.87, 0.92, 0.88 and 0.93 here (and 0.93-0.94 for q = 1, see analysis/prv.test.ts).
      expect(prvEpsilon / rdpEpsilon).toBeGreaterThan(0.84);
    }
  });

  it("composes a heterogeneous history (sigma and q changing mid-training) as Opacus: 2.1473974367059414", () => {
    const accountant = new PrvAccountant();
    for (let i = 0; i < 500; i++) accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    for (let i = 0; i < 1000; i++) accountant.step({ noiseMultiplier: 2.0, sampleRate: 0.02 });
    for (let i = 0; i < 300; i++) accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    expect(accountant.length).toBe(3);
    const heterogeneous = accountant.getEpsilon(1e-5);
    expect(heterogeneous).toBeCloseTo(2.1473974367059414, 6);
    // more than either part alone, less than RDP of the whole
    const part = accountantsFor([{ noiseMultiplier: 2.0, sampleRate: 0.02, steps: 1000 }]).prv.getEpsilon(1e-5);
    expect(heterogeneous).toBeGreaterThan(part);
    expect(heterogeneous).toBeLessThan(accountantsFor(accountant.history).rdp.getEpsilon(1e-5));
  });

  it("increases with steps and decreases with noise", () => {
    const eps = (sigma: number, steps: number) => accountantsFor([{ noiseMultiplier: sigma, sampleRate: 0.02, steps }]).prv.getEpsilon(1e-6);
    const base = eps(1.0, 1000);
    expect(eps(1.0, 2000)).toBeGreaterThan(base);
    expect(eps(1.3, 1000)).toBeLessThan(base);
  });

  it("computes 1,000,000 steps (q = 0.001, sigma = 1) as Opacus 4d0ebc8: 6.036437134806097", () => {
    // Opacus takes ~10 s here (2^23-point grid); see bench/accounting/run.ts for timings.
    const { prv, rdp } = accountantsFor([{ noiseMultiplier: 1.0, sampleRate: 0.001, steps: 1_000_000 }]);
    const spent = prv.getPrivacySpent(1e-5);
    expect(spent.epsilonUpper).toBeCloseTo(6.036437134806097, 5);
    expect(spent.domainSize).toBe(2 ** 23);
    expect(spent.epsilonUpper).toBeLessThan(rdp.getEpsilon(1e-5)); // RDP: 6.497481025071315
  });

  it("round-trips its state, and refuses the RDP accountant's", () => {
    const accountant = new PrvAccountant();
    accountant.step({ noiseMultiplier: 1.0, sampleRate: 0.01 });
    const restored = new PrvAccountant();
    restored.loadStateDict(accountant.stateDict());
    expect(restored.history).toEqual(accountant.history);
    expect(() => restored.loadStateDict(new RdpAccountant().stateDict())).toThrow(
      /PrvAccountant.loadStateDict: state dict of rdp cannot be loaded into a privacy accountant with mechanism prv/,
    );
    expect(() => restored.getEpsilon(-1)).toThrow(/PrvAccountant.getPrivacySpent: delta must be a number in \(0, 1\)/);
  });
});
