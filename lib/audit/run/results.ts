// The stored shape of LeakageAudit.results, one zod schema per kind, discriminated by `kind`.
// Membership kinds keep their headline figures at the top level (auc, tprAtFpr, epsilonLowerBound,
// certified, claimedEpsilon, verdict): readMembershipEvidence is the contract the scorecard reads. Results are
// written once, when the audit completes, and never changed.
import { z } from "zod";

const interval = z.object({ lower: z.number(), upper: z.number() });

/** Enough of the ROC curve to draw it on log-log axes: every point where FPR or TPR changes scale, ≤ 400 points. */
export const rocPointsSchema = z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()) });

/** `certifiedEpsilonLowerBound`'s result (lib/audit/metrics), as `canary audit certify --json` prints it. */
export const certifiedBoundSchema = z.object({
  epsilonLowerBound: z.number(),
  threshold: z.number(),
  direction: z.enum(["higher", "lower"]),
  confidence: z.number(),
  delta: z.number(),
  selection: z.object({ members: z.number().int(), nonMembers: z.number().int() }),
  test: z.object({ members: z.number().int(), nonMembers: z.number().int() }),
});

const membershipFigures = {
  auc: z.number(),
  advantage: z.number(),
  tprAtFpr: z.object({ "0.001": z.number(), "0.01": z.number() }),
  /** Exploratory (every threshold swept on the same scores), except for the one-run audit: Steinke et al.'s bound. */
  epsilonLowerBound: z.number(),
  /** The held-out-threshold bound; null when a side has fewer than 2 scores, absent on results stored before it existed. */
  certified: certifiedBoundSchema.nullable().optional(),
  /** The ε the version claims; null without a formal guarantee. */
  claimedEpsilon: z.number().nullable(),
  /**
   * `violated`: a certified bound from an audit whose members were chosen at random (the one-run audit,
   * each canary included by a coin flip) exceeds the ε it tests, so the guarantee is false (with 95% confidence). `evidence_only`: the certified
   * bound exceeds the claim but the members were not chosen at random, so it is evidence, not a verdict.
   */
  verdict: z.enum(["consistent", "violated", "evidence_only", "no_claim"]),
  delta: z.number(),
  alpha: z.number(),
  balancedAccuracy: z.number(),
  ppv: z.number(),
  members: z.number().int(),
  nonMembers: z.number().int(),
  confidenceIntervals: z.object({ level: z.number(), resamples: z.number(), auc: interval, tprAtFpr: z.record(z.string(), interval) }).nullable(),
  roc: rocPointsSchema,
};

/** The datasets the audit read ("name vN"), for the report's links. */
const datasetsField = z.object({ members: z.string().nullable(), nonMembers: z.string().nullable() }).optional();
/** Wall time and training runs (shadow models, retraining) of the audit: the basis of later cost estimates. */
const timing = z.object({ seconds: z.number(), trainings: z.number().int() }).optional();
const datasets = datasetsField;

export const membershipResultsSchema = z.object({
  kind: z.literal("membership_inference"),
  attack: z.enum(["loss_threshold", "shadow_models"]),
  scoreKind: z.string(),
  ...membershipFigures,
  datasets,
  timing,
});

export const liraResultsSchema = z.object({
  kind: z.literal("lira"),
  variant: z.enum(["online", "offline"]),
  shadowModels: z.number().int(),
  ...membershipFigures,
  datasets,
  timing,
});

export const oneRunResultsSchema = z.object({
  kind: z.literal("one_run_epsilon"),
  ...membershipFigures,
  oneRun: z.object({ canaries: z.number().int(), guesses: z.number().int(), correct: z.number().int(), beta: z.number(), steps: z.number().int().optional() }),
  /** ε of the retraining run with canaries at the audit's δ after its own steps (null when non-private): what the verdict tests. */
  runEpsilon: z.number().nullable(),
  datasets,
  timing,
});

export const scoresOnlyResultsSchema = z.object({
  kind: z.literal("scores_only"),
  subject: z.string(),
  ...membershipFigures,
  timing,
});

export const attributeResultsSchema = z.object({
  kind: z.literal("attribute_inference"),
  attribute: z.string(),
  values: z.array(z.string()),
  members: z.object({ scored: z.number().int(), accuracy: z.number(), baselineAccuracy: z.number(), advantage: z.number() }),
  nonMembers: z.object({ scored: z.number().int(), accuracy: z.number(), baselineAccuracy: z.number(), advantage: z.number() }),
  /** Advantage on members minus on non-members: what training itself leaked. */
  membershipGap: z.number(),
  datasets,
  timing,
});

export const inversionResultsSchema = z.object({
  kind: z.literal("model_inversion"),
  reconstructions: z.array(
    z.object({
      class: z.number().int(),
      label: z.string(),
      height: z.number().int(),
      width: z.number().int(),
      pixels: z.array(z.number()),
      average: z.array(z.number()),
      confidence: z.number(),
      cosine: z.number(),
      ssim: z.number(),
    }),
  ),
  steps: z.number().int(),
  datasets,
  timing,
});

export const extractionResultsSchema = z.object({
  kind: z.literal("model_extraction"),
  points: z.array(z.object({ mode: z.enum(["labels", "probabilities"]), queries: z.number().int(), fidelity: z.number(), accuracy: z.number() })),
  testExamples: z.number().int(),
  datasets,
  timing,
});

export const exposureResultsSchema = z.object({
  kind: z.literal("canary_exposure"),
  canaries: z.array(z.object({ rank: z.number().int(), candidates: z.number().int(), exposure: z.number(), extrapolatedExposure: z.number(), reportedExposure: z.number() })),
  /** log2 |R|: the exposure of a canary ranked first among the candidates tried. */
  maxExactExposure: z.number(),
  meanExposure: z.number(),
  repeats: z.number().int(),
  runEpsilon: z.number().nullable(),
  datasets,
  timing,
});

export const auditResultsSchema = z.discriminatedUnion("kind", [
  membershipResultsSchema,
  liraResultsSchema,
  oneRunResultsSchema,
  scoresOnlyResultsSchema,
  attributeResultsSchema,
  inversionResultsSchema,
  extractionResultsSchema,
  exposureResultsSchema,
]);
export type AuditResults = z.infer<typeof auditResultsSchema>;
export type MembershipAuditResults = Extract<AuditResults, { kind: "membership_inference" | "lira" | "one_run_epsilon" | "scores_only" }>;

/** What the scorecard reads of a membership audit. */
export interface MembershipEvidence {
  /** The attack's figures on the stored model; null for an audit of a retrained model (one-run), whose figures are not the target's. */
  auc: number | null;
  tprAtFpr: { "0.001": number | null; "0.01": number | null };
  /** Exploratory; null for an audit of a retrained model. */
  epsilonLowerBound: number | null;
  /** Only from an audit whose members were chosen at random (one-run): the certified bound and the ε of the run it tests (the retraining's own; null when non-private). */
  certified: { epsilonLowerBound: number; runEpsilon: number | null } | null;
  claimedEpsilon: number | null;
  verdict: MembershipAuditResults["verdict"];
}

/**
 * The membership evidence of a stored audit's results, or null when the results are of a kind with
 * none (attribute inference, inversion, extraction, exposure) or do not parse. The one-run audit
 * attacks a model retrained with canaries included by coin flips, not the stored one: it gives only its
 * certified bound (a verdict on the recipe), never AUC or TPR figures. The other kinds attack the stored
 * model with its fixed training set as members, so their bounds are evidence, never `certified` here.
 * @example readMembershipEvidence(audit.results) // { auc: 0.61, tprAtFpr: { "0.001": 0.004, "0.01": 0.03 }, epsilonLowerBound: 0.4, certified: null, claimedEpsilon: 3, verdict: "consistent" }
 */
export function readMembershipEvidence(results: unknown): MembershipEvidence | null {
  const parsed = auditResultsSchema.safeParse(results);
  if (!parsed.success || !("auc" in parsed.data)) return null;
  const { claimedEpsilon, verdict } = parsed.data;
  if (parsed.data.kind === "one_run_epsilon") {
    const { epsilonLowerBound, runEpsilon } = parsed.data;
    return { auc: null, tprAtFpr: { "0.001": null, "0.01": null }, epsilonLowerBound: null, certified: { epsilonLowerBound, runEpsilon }, claimedEpsilon, verdict };
  }
  const { auc, tprAtFpr, epsilonLowerBound } = parsed.data;
  return { auc, tprAtFpr: { "0.001": tprAtFpr["0.001"], "0.01": tprAtFpr["0.01"] }, epsilonLowerBound, certified: null, claimedEpsilon, verdict };
}
