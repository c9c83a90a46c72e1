// The privacy policy and the evidence it is graded on, both versioned JSON documents. The policy is
// written by people, so it is strict (an unknown key is a typo to report); the evidence is written by
// Canary's jobs and other tools, so extra keys are kept, and anything absent evaluates to "missing".
import { z } from "zod";

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The FPR keys an audit reports TPR at (lib/audit/metrics `tprAtFpr`). */
export const TPR_FPR_KEYS = ["0.001", "0.01"] as const;

const unitInterval = z.number().min(0).max(1);

const criterionBase = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit")
    .describe("unique within the policy; results and diffs are keyed by it"),
  required: z.boolean().describe("a required criterion that fails or has no evidence fails the whole grade"),
};

export const dpEpsilonMaxSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("dp_epsilon_max"),
  threshold: z.number().positive().describe("largest ε the model may claim"),
  delta: z.number().gt(0).lt(1).describe("largest δ the model may claim its ε at"),
});

export const miaAucMaxSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("mia_auc_max"),
  threshold: unitInterval.describe("largest membership-inference AUC allowed (0.5 = chance)"),
});

export const miaTprAtFprMaxSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("mia_tpr_at_fpr_max"),
  threshold: unitInterval.describe("largest membership-inference TPR at FPR 0.001 allowed"),
});

export const empiricalEpsilonWithinClaimSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("empirical_epsilon_within_claim"),
});

export const noOpenPiiFindingsSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("no_open_pii_findings"),
  threshold: z.enum(SEVERITIES).describe("lowest severity that counts: no open finding at or above it in any training dataset"),
});

export const licenseCompatibleSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("license_compatible"),
});

export const kAnonymityMinSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("k_anonymity_min"),
  threshold: z.int().min(1).describe("smallest k every training dataset must reach"),
});

export const contaminationRateMaxSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("contamination_rate_max"),
  threshold: unitInterval.describe("largest share of test rows also found in training data"),
});

export const utilityLossMaxSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("utility_loss_max"),
  threshold: unitInterval.describe("largest accuracy drop allowed: baseline accuracy − model accuracy"),
});

export const criterionSchema = z.discriminatedUnion("kind", [
  dpEpsilonMaxSchema,
  miaAucMaxSchema,
  miaTprAtFprMaxSchema,
  empiricalEpsilonWithinClaimSchema,
  noOpenPiiFindingsSchema,
  licenseCompatibleSchema,
  kAnonymityMinSchema,
  contaminationRateMaxSchema,
  utilityLossMaxSchema,
]);

export const policyDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    name: z.string().trim().min(1).max(200),
    criteria: z.array(criterionSchema).min(1),
  })
  .superRefine((policy, context) => {
    const firstIndex = new Map<string, number>();
    policy.criteria.forEach((criterion, index) => {
      const earlier = firstIndex.get(criterion.id);
      if (earlier === undefined) firstIndex.set(criterion.id, index);
      else context.addIssue({ code: "custom", path: ["criteria", index, "id"], message: `duplicate id "${criterion.id}" (also criteria[${earlier}])` });
    });
  });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionKind = Criterion["kind"];
export const CRITERION_KINDS = criterionSchema.options.map((option) => option.shape.kind.value) as CriterionKind[];

// Evidence: a number that is null or absent is missing evidence, never a pass.
const evidenceNumber = (schema: z.ZodNumber) => schema.nullable().optional();

const count = z.int().min(0);

/**
 * Who vouches for an (ε, δ): "accountant" = Canary's accountant over a run Canary executed;
 * "declared" = stated by whoever supplied the model, not verified. A guarantee carried to a derived
 * model by post-processing keeps its parent's source.
 */
export const GUARANTEE_SOURCES = ["accountant", "declared"] as const;
export type GuaranteeSource = (typeof GUARANTEE_SOURCES)[number];

export const evidenceBundleSchema = z.looseObject({
  schemaVersion: z.literal(1),
  model: z.looseObject({ name: z.string().min(1), version: z.union([z.string().min(1), z.int()]) }),
  guarantee: z
    .looseObject({
      epsilon: z.number().min(0),
      delta: z.number().min(0).lt(1),
      accountant: z.string().min(1),
      source: z.enum(GUARANTEE_SOURCES).optional().describe('who vouches for (ε, δ); absent counts as "declared"'),
    })
    .nullable()
    .optional()
    .describe("the model's differential-privacy guarantee; null = trained without DP, absent = not known"),
  audits: z
    .looseObject({
      membershipInference: z
        .looseObject({
          auc: evidenceNumber(unitInterval),
          tprAtFpr: z.looseObject({ "0.001": evidenceNumber(unitInterval), "0.01": evidenceNumber(unitInterval) }).nullable().optional(),
          epsilonLowerBound: evidenceNumber(z.number().min(0)).describe("exploratory ε lower bound (every threshold swept): evidence, never a verdict"),
          certified: z
            .looseObject({
              epsilonLowerBound: z.number().min(0),
              runEpsilon: z.number().min(0).nullable().optional().describe("ε of the run the bound tests, when it is a retraining of the recipe (one-run audit); absent = the model's own claimed ε"),
            })
            .nullable()
            .optional()
            .describe("certified ε lower bound from an audit whose members were chosen at random: the only figure that can fail empirical_epsilon_within_claim"),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  datasets: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        version: z.int().min(1),
        role: z.enum(["train", "eval", "public"]),
        openFindings: z
          .looseObject({
            info: count.optional(),
            low: count.optional(),
            medium: count.optional(),
            high: count.optional(),
            critical: count.optional(),
          })
          .nullable()
          .optional()
          .describe("open PII findings by severity; a severity left out is not known"),
        license: z
          .looseObject({ verdict: z.enum(["compatible", "conflict", "unknown"]), reasons: z.array(z.string()).optional() })
          .nullable()
          .optional()
          .describe("license verdict for the intended use, through the dataset's whole lineage"),
        kAnonymity: evidenceNumber(z.int().min(1)),
      }),
    )
    .optional(),
  contaminationRate: evidenceNumber(unitInterval),
  utility: z.looseObject({ accuracy: evidenceNumber(unitInterval), baselineAccuracy: evidenceNumber(unitInterval) }).nullable().optional(),
});

export type EvidenceBundle = z.infer<typeof evidenceBundleSchema>;
export type EvidenceDataset = NonNullable<EvidenceBundle["datasets"]>[number];
