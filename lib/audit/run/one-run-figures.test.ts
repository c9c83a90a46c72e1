import { describe, expect, it } from "vitest";
import { oneRunAudit } from "../attacks/index.ts";
import { oneRunFigures } from "./one-run-figures.ts";

// 200 canaries, every other one included; the included ones score far above: 20 guesses, all right.
const included = Uint8Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));
const scores = Float64Array.from(included, (inside, i) => (inside ? 100 + i : i));
const base = { scores, included, kPlus: 20, kMinus: 0, delta: 1e-5, seed: 1, steps: 400 };

describe("oneRunFigures", () => {
  const bound = oneRunAudit({ scores, included, kPlus: 20, delta: 1e-5 }).epsilonLowerBound;

  it("keeps Steinke et al.'s bound as the audit's ε lower bound, with the retraining's steps", () => {
    const figures = oneRunFigures({ ...base, runEpsilon: 10, claimedEpsilon: 3 });
    expect(bound).toBeGreaterThan(1);
    expect(figures).toMatchObject({ kind: "one_run_epsilon", epsilonLowerBound: bound, runEpsilon: 10, claimedEpsilon: 3, oneRun: { canaries: 200, guesses: 20, correct: 20, steps: 400 } });
    expect(figures.certified).not.toBeNull();
  });

  // Issue 12 item 8: the bound is about the retrained recipe, so it is tested against that run's own ε at
  // the same δ and steps; before, it was tested against the stored version's claim.
  it("tests the bound against the retrained run's own ε, not the stored claim", () => {
    expect(oneRunFigures({ ...base, runEpsilon: bound + 1, claimedEpsilon: bound / 2 }).verdict).toBe("consistent");
    expect(oneRunFigures({ ...base, runEpsilon: bound / 2, claimedEpsilon: bound + 1 }).verdict).toBe("violated");
    // A retraining without DP claims nothing, whatever the stored version says.
    expect(oneRunFigures({ ...base, runEpsilon: null, claimedEpsilon: 1 }).verdict).toBe("no_claim");
    expect(oneRunFigures({ ...base, runEpsilon: Number.POSITIVE_INFINITY, claimedEpsilon: 1 })).toMatchObject({ runEpsilon: null, verdict: "no_claim" });
  });
});
