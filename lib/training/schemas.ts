import { z } from "zod";
import { preprocessingSchema } from "../dp/index.ts";
import { modelNameSchema } from "../models/index.ts";

const versionRefSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

/** POST /api/v1/training-runs: train `model` on a stored dataset version. */
export const startTrainingRunSchema = z.object({
  model: modelNameSchema,
  dataset: versionRefSchema,
  /** The label column (from the version's column schema). */
  target: z.string().min(1),
  eval: versionRefSchema.optional(),
  /** Public data: pretrained on without noise, features encoded with its statistics; consumes no budget. */
  public: versionRefSchema.optional(),
  /** Declared classes, numeric ranges and categories: the encoding, fitted on no rows. A private run needs this or `public`. */
  schema: preprocessingSchema.optional(),
  /** A train config (lib/dp train-config.ts); `delta` defaults to 1/(10N). */
  config: z.record(z.string(), z.unknown()),
  /** Also train the non-private baseline with the same configuration. */
  baseline: z.boolean().default(false),
  maxCategories: z.number().int().min(1).optional(),
  /** Only plan: the ε, σ and budgets, without starting. */
  dryRun: z.boolean().default(false),
});
export type StartTrainingRunInput = z.input<typeof startTrainingRunSchema>;

/** PUT /api/v1/datasets/{name}/versions/{version}/budget */
export const setBudgetSchema = z.object({
  epsilon: z.number().positive().max(1000),
  delta: z.number().gt(0).lt(1),
});
export type SetBudgetInput = z.infer<typeof setBudgetSchema>;

/** PUT /api/v1/datasets/{name}/versions/{version}/budget/non-private-use */
export const setNonPrivateUseSchema = z.object({
  /** Allow training without DP (non-private runs, DP runs' baselines) on the budget's data. */
  allowed: z.boolean(),
  /** Why, for the audit log. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export type SetNonPrivateUseInput = z.infer<typeof setNonPrivateUseSchema>;
