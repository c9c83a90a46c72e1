import { describe, expect, it } from "vitest";
import { plainSummary } from "./plain-summary";

const membership = (verdict: "violated" | "consistent" | "no_claim") =>
  ({
    kind: "lira",
    subject: "credit v2",
    results: { kind: "lira", auc: 0.71, tprAtFpr: { "0.001": 0.05, "0.01": 0.12 }, epsilonLowerBound: 2.4, claimedEpsilon: verdict === "no_claim" ? null : 1, verdict, members: 500, nonMembers: 500 },
  }) as never;

describe("plainSummary", () => {
  it("says loudly that a refuted guarantee is false", () => {
    const text = plainSummary(membership("violated")).join(" ");
    expect(text).toMatch(/claims differential privacy with ε = 1, but this attack proves, with 95% confidence, that its real ε is at least 2\.4/);
    expect(text).toMatch(/guarantee is false/);
    expect(text).toMatch(/identifies 5% of training records/);
  });

  it("does not overclaim when the bound stays under the claim", () => {
    const text = plainSummary(membership("consistent")).join(" ");
    expect(text).toMatch(/does not contradict the claim/);
    expect(text).not.toMatch(/is false/);
    expect(plainSummary(membership("no_claim")).join(" ")).toMatch(/no formal privacy claim/);
  });
});
