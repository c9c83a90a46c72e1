// The audit the leakage-audits issue asks for: a correctly noised DP-SGD run passes, and the same run
// with its noise switched off, still claiming the same ε, is caught. Canaries (random points with
// random labels, which only memorisation fits) are the audited event: members are canaries inserted
// into training, non-members fresh canaries from the same distribution (Jagielski et al. 2020,
// arXiv:2006.07709; Nasr et al. 2021, arXiv:2101.04535).
import { beforeAll, describe, expect, it } from "vitest";
import { calibrateNoiseMultiplier, createAccountant, disposeNetwork, logisticRegressionSpec, tf, totalSteps, train, trainConfigSchema } from "../../dp/index.ts";
import { auditDpClaim, type DpClaimAudit } from "./epsilon-audit.ts";
import { perExampleScores } from "./loss-threshold-attack.ts";
import { canaries, concatData, gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

// Built to leak: 300 training examples (200 of them canaries) against 5,130 parameters
// (512 inputs × 10 classes), 50 epochs at a high learning rate.
const DIMENSIONS = 512;
const CLASSES = 10;
const CLAIMED_EPSILON = 1;
const DELTA = 1e-5;

const memberCanaries = canaries(200, DIMENSIONS, CLASSES, 11);
const freshCanaries = canaries(200, DIMENSIONS, CLASSES, 12);
const trainingSet = concatData(memberCanaries, gaussianBlobs(100, DIMENSIONS, CLASSES, 13, 2));
const spec = logisticRegressionSpec(DIMENSIONS, CLASSES);
const baseConfig = trainConfigSchema.parse({
  model: { kind: "logistic" },
  epochs: 50,
  learningRate: 10,
  sampleRate: 0.5,
  clipNorm: 1,
  noiseMultiplier: 0,
  targetEpsilon: CLAIMED_EPSILON,
  delta: DELTA,
  accountant: "rdp",
  private: true,
  seed: 3,
});

/** Trains with σ = noiseMultiplier (clipping on either way) and audits the claim of ε = 1 with the loss attack on the canaries. */
async function trainAndAudit(noiseMultiplier: number): Promise<DpClaimAudit & { spentEpsilon: number | null }> {
  const { network, epsilon } = await train({
    spec,
    config: { ...baseConfig, noiseMultiplier },
    data: trainingSet,
    accountant: createAccountant("rdp"),
  });
  try {
    const audit = auditDpClaim({
      memberScores: perExampleScores(network, memberCanaries, "loss"),
      nonMemberScores: perExampleScores(network, freshCanaries, "loss"),
      claimedEpsilon: CLAIMED_EPSILON,
      delta: DELTA,
    });
    return { ...audit, spentEpsilon: epsilon };
  } finally {
    disposeNetwork(network);
  }
}

describe("auditing a DP claim on canaries", () => {
  it("passes an honest ε = 1 run and catches the same run with its noise switched off", async () => {
    const calibrated = calibrateNoiseMultiplier({ targetEpsilon: CLAIMED_EPSILON, delta: DELTA, sampleRate: baseConfig.sampleRate, steps: totalSteps(baseConfig) });
    const honest = await trainAndAudit(calibrated.noiseMultiplier);
    const broken = await trainAndAudit(0);
    console.info(
      `σ = ${calibrated.noiseMultiplier}: ε spent ${honest.spentEpsilon?.toFixed(3)}, ε_lb ${honest.epsilonLowerBound.toFixed(3)} (AUC ${honest.auc.toFixed(3)}) → ${honest.verdict}; ` +
        `σ = 0: ε spent ${broken.spentEpsilon}, ε_lb ${broken.epsilonLowerBound.toFixed(3)} (AUC ${broken.auc.toFixed(3)}) → ${broken.verdict}`,
    );
    // The honest run really spent at most the ε it claims (the calibration is what makes the claim true).
    expect(honest.spentEpsilon!).toBeLessThanOrEqual(CLAIMED_EPSILON);
    expect(honest.verdict).toBe("consistent");
    // The accountant knows the broken run is not private; the claim on its record says otherwise.
    expect(broken.spentEpsilon).toBe(Number.POSITIVE_INFINITY);
    expect(broken.verdict).toBe("violated");
    // A clear margin: 200 canaries a side (100 tested) can prove at most ε_lb ≈ 3.28; the broken run comes
    // close (3.1 measured). The certified bound tests half the canaries, so the margin is 1.5 (it was 2 of
    // the swept bound's 3.98).
    expect(broken.epsilonLowerBound).toBeGreaterThan(CLAIMED_EPSILON + 1.5);
    // The honest run's noise comes from the OS's CSPRNG (lib/dp/training/sgd-steps.ts), so its ε_lb
    // varies between runs; over 16 runs of this setting we measured 0 to 0.33, far below the claimed 1.
  });
});
