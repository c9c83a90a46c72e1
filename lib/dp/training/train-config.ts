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
    seed: z.number().int().min(0).default(0),
  })
  .refine((c) => !c.private || c.noiseMultiplier !== undefined || c.targetEpsilon !== undefined, {
    message: "give noiseMultiplier or targetEpsilon for a private run",
    path: ["noiseMultiplier"],
  });
export type TrainConfig = z.infer<typeof trainConfigSchema>;

/** Steps that make `epochs` passes in expectation: each step sees q·N examples. */
export function totalSteps(config: Pick<TrainConfig, "epochs" | "sampleRate">): number {
  return Math.max(1, Math.round(config.epochs / config.sampleRate));
}
