// The report's plain-language summary for compliance officers: what was tested, what it showed,
// what it means for the model's privacy claim. Pure, so the wording is tested.
import { fmt, membershipVerdict, pct, type AuditJson, type MembershipAuditResults } from "../audit-types";

/** What the ε figures say about the claim: only a certified bound from randomly chosen members is a verdict. */
function claimSentences(r: MembershipAuditResults): string[] {
  const verdict = membershipVerdict(r);
  if (r.kind === "one_run_epsilon") {
    const recipe = `The model's training recipe was run again with ${r.oneRun.canaries} random "canary" records, each included by a coin flip${r.oneRun.steps ? `, for ${r.oneRun.steps} steps` : ""}; this verdict is about that recipe, not about the stored weights.`;
    if (verdict === "violated") {
      return [recipe, `That retraining claims ε = ${fmt(r.runEpsilon)}, but the canaries prove, with 95% confidence, that its real ε is at least ${fmt(r.epsilonLowerBound)}. The privacy guarantee of this recipe is false and must not be relied on.`];
    }
    if (verdict === "consistent") {
      return [recipe, `That retraining claims ε = ${fmt(r.runEpsilon)}; the canaries prove only ε ≥ ${fmt(r.epsilonLowerBound)}, which does not contradict the claim. This does not prove the claim true; it means this audit could not refute it.`];
    }
    return [recipe, `The retraining ran without differential privacy; the canaries show it leaks at least as much as an ε = ${fmt(r.epsilonLowerBound)} private run would.`];
  }
  const certified = r.certified ? fmt(r.certified.epsilonLowerBound) : "—";
  const exploratory = `(The exploratory figure ε ≥ ${fmt(r.epsilonLowerBound)} takes the best threshold found on the same scores, so it is not a bound.)`;
  if (verdict === "evidence_only") {
    return [
      `The model claims ε = ${fmt(r.claimedEpsilon)}. Choosing its threshold on half of the scores and testing it on the other half, this attack certifies ε ≥ ${certified} with 95% confidence, above the claim. Its members are the model's training set rather than records chosen at random, so this is strong evidence to investigate, not proof that the claim is false; a one-run audit (canaries included at random) can settle it.`,
      exploratory,
    ];
  }
  if (verdict === "consistent") {
    return [`The model claims ε = ${fmt(r.claimedEpsilon)}. The certified bound of this attack, ε ≥ ${certified}, does not contradict the claim. This does not prove the claim true; it means this attack could not refute it.`, exploratory];
  }
  return [`The model makes no formal privacy claim. The certified bound of this attack says it leaks at least as much as an ε = ${certified} differentially private model would.`, exploratory];
}

export function plainSummary(audit: Pick<AuditJson, "kind" | "subject" | "results">): string[] {
  const r = audit.results;
  if (!r) return [];
  if ("auc" in r) {
    const lines: string[] = [];
    const chance = r.auc < 0.55 ? "barely better than a coin flip" : r.auc < 0.65 ? "somewhat better than chance" : "clearly better than chance";
    lines.push(
      `An attacker who sees ${audit.subject}'s outputs tried to tell whether individual records were in its training data. On ${r.members} known members and ${r.nonMembers} non-members the attack was ${chance} (AUC ${fmt(r.auc)}; 0.5 is guessing).`,
    );
    lines.push(
      `When the attacker only accepts a 0.1% false-alarm rate, it still identifies ${pct(r.tprAtFpr["0.001"])} of training records (${pct(r.tprAtFpr["0.01"])} at a 1% false-alarm rate): these are the records most at risk.`,
    );
    lines.push(...claimSentences(r));
    return lines;
  }
  switch (r.kind) {
    case "canary_exposure":
      return [
        `${r.canaries.length} random "canary" records were inserted into a retraining of the model, ${r.repeats}× each. Exposure measures how much more likely the model finds a canary than random look-alikes, in bits: ${fmt(r.meanExposure)} bits on average (about 1.4 bits is what chance gives; ${fmt(r.maxExactExposure)} bits means the canary ranked first among all candidates tried).`,
        r.meanExposure > 5 ? "The model memorises individual records: rare secrets in its training data could be extracted." : "The model shows little memorisation of individual records.",
      ];
    case "attribute_inference":
      return [
        `An attacker who knows everything about a person except their "${r.attribute}" tried to recover it from the model. On training records the attack is right ${pct(r.members.accuracy)} of the time, against ${pct(r.members.baselineAccuracy)} for the best guess without the model (advantage ${fmt(r.members.advantage)}).`,
        `On records the model never saw the advantage is ${fmt(r.nonMembers.advantage)}; the difference, ${fmt(r.membershipGap)}, is what training itself leaked about individuals.`,
      ];
    case "model_inversion":
      return [
        `The attacker optimised inputs to maximise the model's confidence in each class. The reconstructions are compared with the average training image of each class (cosine similarity ${fmt(Math.min(...r.reconstructions.map((x) => x.cosine)))} to ${fmt(Math.max(...r.reconstructions.map((x) => x.cosine)))}).`,
        "A reconstruction that looks like a recognisable individual, rather than a class average, is a privacy problem.",
      ];
    case "model_extraction": {
      const best = r.points.reduce((a, b) => (b.fidelity > a.fidelity ? b : a));
      return [
        `An attacker queried the model and trained a copy on its answers. With ${best.queries} queries (${best.mode === "labels" ? "labels only" : "full probabilities"}) the copy agrees with the model on ${pct(best.fidelity)} of new inputs.`,
        "High agreement with few queries means the model can be stolen through its prediction API; return labels only, or rate-limit queries.",
      ];
    }
  }
}
