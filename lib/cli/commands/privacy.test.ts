import { describe, expect, it } from "vitest";
import { runCanaryInProcess as canary, spawnCanary } from "../run-canary.test-support.ts";

// The TF Privacy MNIST tutorial setting: N = 60000, batch 256 (q = 256 / 60000), noise 1.1,
// 60 epochs = ceil(60 * 60000 / 256) = 14063 steps, delta 1e-5. Opacus 4d0ebc8 (numpy 2.4.6,
// scipy 1.17.1): RDP 2.5966555286883684 at alpha 8.1, PRV 2.3918365361863922.
const MNIST = ["--sample-rate", String(256 / 60000), "--noise-multiplier", "1.1", "--steps", "14063", "--delta", "1e-5"];

describe("canary privacy epsilon", () => {
  it("prints the public --json contract for both accountants", async () => {
    const [rdp, prv] = await Promise.all([
      spawnCanary(["privacy", "epsilon", ...MNIST, "--json"]),
      spawnCanary(["privacy", "epsilon", ...MNIST, "--accountant", "prv", "--json"]),
    ]);
    for (const run of [rdp, prv]) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
    }
    const rdpResult = JSON.parse(rdp.stdout);
    expect(Object.keys(rdpResult)).toEqual(["epsilon", "delta", "accountant", "sampleRate", "noiseMultiplier", "steps", "bestAlpha"]);
    expect(rdpResult).toMatchObject({ delta: 1e-5, accountant: "rdp", sampleRate: 256 / 60000, noiseMultiplier: 1.1, steps: 14063, bestAlpha: 8.1 });
    expect(rdpResult.epsilon).toBeCloseTo(2.5966555286883684, 12);

    const prvResult = JSON.parse(prv.stdout);
    expect(Object.keys(prvResult)).toEqual(["epsilon", "delta", "accountant", "sampleRate", "noiseMultiplier", "steps", "epsilonError"]);
    expect(prvResult).toMatchObject({ delta: 1e-5, accountant: "prv", sampleRate: 256 / 60000, noiseMultiplier: 1.1, steps: 14063, epsilonError: 0.01 });
    expect(prvResult.epsilon).toBeCloseTo(2.3918365361863922, 6);
  });

  it("prints one readable line without --json, and defaults to the rdp accountant", async () => {
    const run = await canary(["privacy", "epsilon", ...MNIST]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `ε = 2.5967 at δ = 0.00001 (rdp accountant, best α = 8.1): sample rate ${256 / 60000}, noise multiplier 1.1, 14063 steps\n`,
    );
  });

  it("answers 0 for no steps and null (JSON has no infinity) for no noise", async () => {
    const none = await canary(["privacy", "epsilon", "--sample-rate", "0.1", "--noise-multiplier", "1", "--steps", "0", "--delta", "1e-5", "--json"]);
    expect(JSON.parse(none.stdout).epsilon).toBe(0);
    const noNoise = await canary(["privacy", "epsilon", "--sample-rate", "0.1", "--noise-multiplier", "0", "--steps", "5", "--delta", "1e-5", "--json"]);
    expect(noNoise.code).toBe(0);
    expect(JSON.parse(noNoise.stdout).epsilon).toBeNull();
    const text = await canary(["privacy", "epsilon", "--sample-rate", "0.1", "--noise-multiplier", "0", "--steps", "5", "--delta", "1e-5"]);
    expect(text.stdout).toContain("ε = ∞ (no privacy)");
  });

  it("exits 1 with a one-line reason on invalid numbers, in a real process too", async () => {
    const run = await spawnCanary(["privacy", "epsilon", "--sample-rate", "abc", "--noise-multiplier", "1.1", "--steps", "10", "--delta", "1e-5", "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('canary: invalid --sample-rate: expected a number in [0, 1], got "abc"\n');
  });

  it.each([
    [["--sample-rate", "1.5"], 'invalid --sample-rate: expected a number in [0, 1], got "1.5"'],
    [["--sample-rate", ""], 'invalid --sample-rate: expected a number in [0, 1], got ""'],
    [["--noise-multiplier", "-1"], 'invalid --noise-multiplier: expected a number >= 0, got "-1"'],
    [["--noise-multiplier", "Infinity"], 'invalid --noise-multiplier: expected a number >= 0, got "Infinity"'],
    [["--steps", "2.5"], 'invalid --steps: expected a whole number >= 0, got "2.5"'],
    [["--steps", "1e400"], 'invalid --steps: expected a whole number >= 0, got "1e400"'],
    [["--delta", "0"], 'invalid --delta: expected a number in (0, 1), got "0"'],
    [["--delta", "1"], 'invalid --delta: expected a number in (0, 1), got "1"'],
    [["--accountant", "gdp"], 'invalid --accountant: expected one of rdp, prv, got "gdp"'],
  ])("refuses %j", async (override, message) => {
    const flags = new Map<string, string>([
      ["--sample-rate", "0.01"],
      ["--noise-multiplier", "1"],
      ["--steps", "100"],
      ["--delta", "1e-5"],
    ]);
    flags.set(override[0]!, override[1]!);
    const run = await canary(["privacy", "epsilon", ...[...flags].flat(), "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`canary: ${message}\n`);
  });

  it("exits 1 naming a missing flag", async () => {
    const run = await canary(["privacy", "epsilon", "--sample-rate", "0.01", "--noise-multiplier", "1", "--delta", "1e-5"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("--steps");
  });
});

describe("canary privacy calibrate", () => {
  it("prints the public --json contract: Opacus's noise multiplier for target 8 at q 0.04, 2000 steps", async () => {
    const run = await spawnCanary(["privacy", "calibrate", "--target-epsilon", "8", "--delta", "1e-5", "--sample-rate", "0.04", "--steps", "2000", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["noiseMultiplier", "epsilon", "targetEpsilon", "delta", "sampleRate", "steps", "accountant"]);
    // opacus/tests/accountants_test.py test_get_noise_multiplier_rdp_steps: 1.3562 (exact 1.356201171875)
    expect(result).toMatchObject({ noiseMultiplier: 1.356201171875, targetEpsilon: 8, delta: 1e-5, sampleRate: 0.04, steps: 2000, accountant: "rdp" });
    expect(8 - result.epsilon).toBeGreaterThanOrEqual(0);
    expect(8 - result.epsilon).toBeLessThanOrEqual(0.01);
  });

  it("calibrates with the prv accountant and prints a readable line", async () => {
    const run = await canary(["privacy", "calibrate", "--target-epsilon", "8", "--delta", "1e-5", "--sample-rate", "0.04", "--steps", "2000", "--accountant", "prv"]);
    expect(run.code).toBe(0);
    // opacus/tests/accountants_test.py test_get_noise_multiplier_prv_steps: 1.2915 (exact 1.29150390625)
    expect(run.stdout).toMatch(/^noise multiplier 1\.29150390625 gives ε = 7\.99\d\d <= 8 at δ = 0\.00001 \(prv accountant\): sample rate 0\.04, 2000 steps\n$/);
  });

  it.each([
    [["--target-epsilon", "-2"], 'invalid --target-epsilon: expected a number > 0, got "-2"'],
    [["--sample-rate", "0"], 'invalid --sample-rate: expected a number in (0, 1], got "0"'],
    [["--steps", "0"], 'invalid --steps: expected a whole number >= 1, got "0"'],
    [["--delta", "x"], 'invalid --delta: expected a number in (0, 1), got "x"'],
  ])("refuses %j", async (override, message) => {
    const flags = new Map<string, string>([
      ["--target-epsilon", "1"],
      ["--delta", "1e-5"],
      ["--sample-rate", "0.01"],
      ["--steps", "100"],
    ]);
    flags.set(override[0]!, override[1]!);
    const run = await canary(["privacy", "calibrate", ...[...flags].flat()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`canary: ${message}\n`);
  });

  it("exits 1 with the library's reason when no noise meets the budget", async () => {
    const run = await canary(["privacy", "calibrate", "--target-epsilon", "0.0001", "--delta", "1e-5", "--sample-rate", "0.01", "--steps", "100"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^canary: calibrateNoiseMultiplier: the privacy budget is too low .*\n$/);
  });
});
