// The stored shape of LeakageAudit.results, one zod schema per kind, discriminated by `kind`.
// Membership kinds keep their headline figures at the top level (auc, tprAtFpr, epsilonLowerBound,
// claimedEpsilon, verdict): readMembershipEvidence is the contract the scorecard reads. Results are
// written once, when the audit completes, and never changed.
import { z } from "zod";

const interval = z.object({ lower: z.number(), upper: z.number() });

/** Enough of the ROC curve to draw it on log-log axes: every point where FPR or TPR changes scale, ≤ 400 points. */
export const rocPointsSchema = z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()) });

const membershipFigures = {
  auc: z.number(),
  advantage: z.number(),
  tprAtFpr: z.object({ "0.001": z.number(), "0.01": z.number() }),
  epsilonLowerBound: z.number(),
  /** The ε the version claims; null without a formal guarantee. */
  claimedEpsilon: z.number().nullable(),
  /** `violated`: the lower bound exceeds the claim, so the guarantee is false (with 95% confidence). */
  verdict: z.enum(["consistent", "violated", "no_claim"]),
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
  oneRun: z.object({ canaries: z.number().int(), guesses: z.number().int(), correct: z.number().int(), beta: z.number() }),
  /** ε of the retraining run with canaries (null when non-private). */
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
  auc: number;
  tprAtFpr: { "0.001": number; "0.01": number };
  epsilonLowerBound: number;
  claimedEpsilon: number | null;
  verdict: "consistent" | "violated" | "no_claim";
}

/**
 * The membership evidence of a stored audit's results, or null when the results are of a kind with
 * none (attribute inference, inversion, extraction, exposure) or do not parse.
 * @example readMembershipEvidence(audit.results) // { auc: 0.61, tprAtFpr: { "0.001": 0.004, "0.01": 0.03 }, epsilonLowerBound: 0.4, claimedEpsilon: 3, verdict: "consistent" }
 */
export function readMembershipEvidence(results: unknown): MembershipEvidence | null {
  const parsed = auditResultsSchema.safeParse(results);
  if (!parsed.success || !("auc" in parsed.data)) return null;
  const { auc, tprAtFpr, epsilonLowerBound, claimedEpsilon, verdict } = parsed.data;
  return { auc, tprAtFpr: { "0.001": tprAtFpr["0.001"], "0.01": tprAtFpr["0.01"] }, epsilonLowerBound, claimedEpsilon, verdict };
}
