import { z } from "zod";
import { activationSchema } from "../models/network-spec.ts";

/** One training run's configuration: the job payload's `config`, the CLI's run.json, the registry's record. */
export const trainConfigSchema = z
  .object({
    model: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("logistic") }),
      z.object({ kind: z.literal("mlp"), hidden: z.array(z.number().int().positive()).min(1).default([64]), activation: activationSchema.default("tanh") }),
      z.object({ kind: z.literal("cnn"), activation: activationSchema.default("tanh") }),
    ]),
    epochs: z.number().positive().max(1000),
    learningRate: z.number().positive(),
    /** Poisson sampling rate q; the expected batch size is q·N. */
    sampleRate: z.number().gt(0).max(1),
    clipNorm: z.number().positive(),
    /** σ; omit it and give targetEpsilon to have it calibrated. */
    noiseMultiplier: z.number().min(0).optional(),
    targetEpsilon: z.number().positive().optional(),
    /** Defaults below 1/N (set by the caller, who knows N). */
    delta: z.number().gt(0).lt(1),
    accountant: z.enum(["rdp", "prv"]).default("rdp"),
    /** false trains the non-private baseline with the same configuration. */
    private: z.boolean().default(true),
    /**
     * Fixes the initial weights (and a non-private run's batches). Never a private run's batches
     * nor its noise: those come from a secret per-run key and the OS's CSPRNG (train.ts).
     */
    seed: z.number().int().min(0).default(0),
    /**
     * Adaptive clipping (Andrew et al. 2021, arXiv:1905.03871, Alg. 1): C tracks the `targetQuantile`
     * of per-example gradient norms, starting from `clipNorm`. The noise multiplier above (given or
     * calibrated) is then σ_eff, what the accountant sees; the gradient gets the larger σ of
     * `gradientNoiseMultiplier` so that (σ, countNoiseMultiplier) together cost σ_eff.
     */
    adaptiveClipping: z
      .object({
        /** γ: the fraction of examples meant to be unclipped; the paper uses 0.5. */
        targetQuantile: z.number().gt(0).lt(1),
        /** η_C of the geometric update; the paper uses 0.2. */
        learningRate: z.number().positive(),
        /** σ_b, noise of the unclipped count in units of one example; the paper suggests expected batch size / 20. */
        countNoiseMultiplier: z.number().positive(),
      })
      .optional(),
    /** "head" updates only the classifier head (the base frozen, e.g. pretrained on public data). */
    trainableLayers: z.enum(["all", "head"]).default("all"),
  })
  .refine((c) => !c.private || c.noiseMultiplier !== undefined || c.targetEpsilon !== undefined, {
    message: "give noiseMultiplier or targetEpsilon for a private run",
    path: ["noiseMultiplier"],
  });
export type TrainConfig = z.infer<typeof trainConfigSchema>;
/** What callers write before defaults apply (e.g. run.json's `config`). */
export type TrainConfigInput = z.input<typeof trainConfigSchema>;

/** Steps that make `epochs` passes in expectation: each step sees q·N examples. */
export function totalSteps(config: Pick<TrainConfig, "epochs" | "sampleRate">): number {
  return Math.max(1, Math.round(config.epochs / config.sampleRate));
}
