import { membershipScoresFromMask, oneRunAudit } from "../attacks/index.ts";
import { membershipFigures } from "./membership-figures.ts";
import type { AuditResults } from "./results.ts";

export interface OneRunFiguresOptions {
  /** One score per canary from the retrained model, higher = more likely included. */
  scores: ArrayLike<number>;
  /** included[i] = 1 when canary i was in the retraining (a coin flip each). */
  included: Uint8Array;
  kPlus: number;
  kMinus: number;
  /** The audit's δ: the claim's, and the one `runEpsilon` is computed at. */
  delta: number;
  /** Seed of the certified bound's split. */
  seed: number;
  /** ε of the retraining with canaries at `delta` after the steps it ran; null (or not finite) when it ran without DP. */
  runEpsilon: number | null;
  /** Steps the retraining ran. */
  steps: number;
  /** The stored version's claim, shown beside the verdict; the verdict does not test it. */
  claimedEpsilon: number | null;
}

/**
 * The stored figures of a one-run audit (Steinke, Nasr & Jagielski 2023, arXiv:2305.08846): its ε
 * lower bound from the canary guesses, the membership figures of the canaries, and the verdict. The
 * audit retrains the recipe with canaries, so the bound is about that retraining: the verdict compares
 * it with the retraining's own ε at the same δ after the same steps (`runEpsilon`), never with the
 * stored version's claim, which may count other steps (a run stopped early) or another δ.
 *
 * @example oneRunFigures({ scores, included, kPlus: 50, kMinus: 0, delta: 1e-5, seed: 1, runEpsilon: 8, steps: 400, claimedEpsilon: 3 })
 * // { kind: "one_run_epsilon", epsilonLowerBound: 4.1, runEpsilon: 8, verdict: "consistent", … }
 */
export function oneRunFigures(options: OneRunFiguresOptions): Omit<Extract<AuditResults, { kind: "one_run_epsilon" }>, "datasets" | "timing"> {
  const { scores, included, delta } = options;
  const oneRun = oneRunAudit({ scores, included, kPlus: options.kPlus, kMinus: options.kMinus, delta });
  const figures = membershipFigures(membershipScoresFromMask(scores, included), { claimedEpsilon: options.claimedEpsilon, delta, seed: options.seed });
  const runEpsilon = options.runEpsilon !== null && Number.isFinite(options.runEpsilon) ? options.runEpsilon : null;
  return {
    kind: "one_run_epsilon",
    ...figures,
    epsilonLowerBound: oneRun.epsilonLowerBound,
    verdict: runEpsilon === null ? "no_claim" : oneRun.epsilonLowerBound > runEpsilon ? "violated" : "consistent",
    oneRun: { canaries: oneRun.canaries, guesses: oneRun.guesses, correct: oneRun.correct, beta: oneRun.beta, steps: options.steps },
    runEpsilon,
  };
}
