// What each audit kind may be configured with, validated when the audit starts (the API, the CLI
// and scheduled re-audits with `config: {}` alike) and stored, defaults filled in, on the row.
import { z } from "zod";
import type { AuditKind } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";
import { describeZodIssue } from "../../dp/index.ts";

const common = {
  /** Examples audited per side (members from the training version, non-members from the evaluation version). */
  maxExamples: z.number().int().min(10).max(20_000).default(1000),
  /** δ of the ε lower bound. */
  delta: z.number().gt(0).lt(1).default(1e-5),
  seed: z.number().int().min(0).default(1),
};

export const AUDIT_CONFIG_SCHEMAS = {
  membership_inference: z
    .object({
      ...common,
      /** Loss threshold (Yeom et al.) or Shokri et al.'s shadow models. */
      attack: z.enum(["loss_threshold", "shadow_models"]).default("loss_threshold"),
      scoreKind: z.enum(["loss", "confidence", "maxConfidence", "logitConfidence"]).default("loss"),
      /** Shadow models of the shadow-model attack. */
      shadowModels: z.number().int().min(1).max(64).default(4),
    })
    .strict(),
  lira: z
    .object({
      ...common,
      shadowModels: z.number().int().min(2).max(256).default(16),
      variant: z.enum(["online", "offline"]).default("online"),
    })
    .strict(),
  one_run_epsilon: z
    .object({
      ...common,
      /** m canaries, each inserted with probability ½. */
      canaries: z.number().int().min(10).max(10_000).default(500),
      /** Guesses of "included" (top scores); default m/10. */
      kPlus: z.number().int().min(0).optional(),
      kMinus: z.number().int().min(0).default(0),
    })
    .strict(),
  attribute_inference: z
    .object({
      ...common,
      /** The sensitive categorical column; default: the first categorical column of the encoding. */
      attribute: z.string().min(1).optional(),
    })
    .strict(),
  model_inversion: z
    .object({
      ...common,
      classes: z.array(z.number().int().min(0)).max(20).optional(),
      steps: z.number().int().min(1).max(2000).default(200),
    })
    .strict(),
  model_extraction: z
    .object({
      ...common,
      budgets: z.array(z.number().int().min(1)).min(1).max(12).default([25, 50, 100, 200, 400]),
      modes: z.array(z.enum(["labels", "probabilities"])).min(1).default(["labels", "probabilities"]),
    })
    .strict(),
  canary_exposure: z
    .object({
      seed: common.seed,
      canaries: z.number().int().min(1).max(50).default(5),
      repeats: z.number().int().min(0).max(100).default(1),
      candidates: z.number().int().min(2).max(10_000).default(500),
    })
    .strict(),
  scores_only: z
    .object({
      delta: common.delta,
      /** Seed of the certified bound's random split. */
      seed: common.seed,
      /** Names the external model whose scores these are (shown in lists). */
      subject: z.string().trim().min(1).max(200),
      /** The ε the external model claims, if any. */
      claimedEpsilon: z.number().min(0).nullable().default(null),
      /** Content-addressed blob of the uploaded scores.json (set by the upload, not by callers). */
      scoresKey: z.string().min(1),
      members: z.number().int().min(1),
      nonMembers: z.number().int().min(1),
    })
    .strict(),
} as const satisfies Record<AuditKind, z.ZodType>;

export type AuditConfigOf<K extends AuditKind> = z.infer<(typeof AUDIT_CONFIG_SCHEMAS)[K]>;
export type AuditConfig = { [K in AuditKind]: AuditConfigOf<K> }[AuditKind];

/** Kinds that train shadow models or retrain the target: their cost is estimated before they start. */
export const TRAINING_KINDS: readonly AuditKind[] = ["membership_inference", "lira", "one_run_epsilon", "canary_exposure", "model_extraction"];

/**
 * The kind's config with defaults filled in.
 * @throws {AppError} unprocessable naming the field at fault (`config.shadowModels: …`)
 */
export function parseAuditConfig<K extends AuditKind>(kind: K, config: unknown): AuditConfigOf<K> {
  const result = AUDIT_CONFIG_SCHEMAS[kind].safeParse(config ?? {});
  if (!result.success) throw new AppError("unprocessable", describeZodIssue("config", result.error), { field: "config" });
  return result.data as AuditConfigOf<K>;
}
