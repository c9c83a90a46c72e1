import { describe, expect, it } from "vitest";
import { plainSummary } from "./plain-summary";

const certified = { epsilonLowerBound: 1.8, threshold: 0.4, direction: "higher", confidence: 0.95, delta: 1e-5, selection: { members: 250, nonMembers: 250 }, test: { members: 250, nonMembers: 250 } };
const membership = (verdict: "violated" | "evidence_only" | "consistent" | "no_claim") =>
  ({
    kind: "lira",
    subject: "credit v2",
    results: { kind: "lira", auc: 0.71, tprAtFpr: { "0.001": 0.05, "0.01": 0.12 }, epsilonLowerBound: 2.4, certified, claimedEpsilon: verdict === "no_claim" ? null : 1, verdict, members: 500, nonMembers: 500 },
  }) as never;
const oneRun = (verdict: "violated" | "consistent") =>
  ({
    kind: "one_run_epsilon",
    subject: "credit v2",
    results: { kind: "one_run_epsilon", auc: 0.6, tprAtFpr: { "0.001": 0.01, "0.01": 0.02 }, epsilonLowerBound: 2.2, certified, claimedEpsilon: 1, runEpsilon: 1.5, verdict, members: 240, nonMembers: 260, oneRun: { canaries: 500, guesses: 50, correct: 49, beta: 0.05, steps: 300 } },
  }) as never;

describe("plainSummary", () => {
  it("says loudly that a guarantee refuted by a one-run audit is false, and that it is about the training recipe", () => {
    const text = plainSummary(oneRun("violated")).join(" ");
    expect(text).toMatch(/this verdict is about that recipe, not about the stored weights/);
    expect(text).toMatch(/That retraining claims ε = 1\.5, but the canaries prove, with 95% confidence, that its real ε is at least 2\.2/);
    expect(text).toMatch(/guarantee of this recipe is false/);
    expect(plainSummary(oneRun("consistent")).join(" ")).toMatch(/does not contradict the claim/);
  });

  it("calls a certified bound above the claim from the fixed training set evidence, not a verdict, and labels the exploratory figure", () => {
    const text = plainSummary(membership("evidence_only")).join(" ");
    expect(text).toMatch(/certifies ε ≥ 1\.8 with 95% confidence, above the claim/);
    expect(text).toMatch(/not proof that the claim is false/);
    expect(text).not.toMatch(/guarantee is false/);
    expect(text).toMatch(/exploratory figure ε ≥ 2\.4 .* not a bound/);
    expect(text).toMatch(/identifies 5% of training records/);
    // Results stored before certified bounds existed said violated from the exploratory bound.
    expect(plainSummary(membership("violated")).join(" ")).not.toMatch(/guarantee is false/);
  });

  it("does not overclaim when the bound stays under the claim", () => {
    const text = plainSummary(membership("consistent")).join(" ");
    expect(text).toMatch(/does not contradict the claim/);
    expect(text).not.toMatch(/is false/);
    expect(plainSummary(membership("no_claim")).join(" ")).toMatch(/no formal privacy claim/);
  });
});
