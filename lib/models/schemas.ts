// Schemas of the model registry's API bodies and queries, shared by route handlers, the CLI and OpenAPI.
import { z } from "zod";
import { networkSpecSchema } from "../dp/index.ts";

export const modelNameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-_.]*$/, "use lowercase letters, digits, '-', '_' and '.', starting with a letter or digit");

/** A guarantee an uploader states for an external model: recorded as "declared, not verified". */
export const declaredGuaranteeSchema = z.object({
  epsilon: z.number().positive(),
  delta: z.number().gt(0).lt(1),
  /** "rdp", "prv", or the uploader's own name for how ε was computed. */
  accountant: z.string().min(1).max(40).optional(),
});
export type DeclaredGuarantee = z.infer<typeof declaredGuaranteeSchema>;

/** Metadata sent with an upload (the multipart `metadata` field, or beside `bundle` in a JSON body). */
export const uploadMetadataSchema = z.object({
  description: z.string().max(5000).optional(),
  declaredGuarantee: declaredGuaranteeSchema.optional(),
  metrics: z.record(z.string(), z.number()).optional(),
  /** What audits need to encode data as training did (e.g. from `canary train --register`). */
  input: z.object({ kind: z.enum(["tabular", "fashion-mnist"]) }).loose().optional(),
  networkSpec: networkSpecSchema.optional(),
  target: z.string().min(1).optional(),
  trainConfig: z.record(z.string(), z.unknown()).optional(),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/** Guarantee as registered by training (formal: computed by Canary's accountant). */
export const formalGuaranteeSchema = z.object({
  epsilon: z.number().min(0),
  delta: z.number().gt(0).lt(1),
  accountant: z.enum(["rdp", "prv"]),
  noiseMultiplier: z.number().min(0),
  sampleRate: z.number().gt(0).max(1),
  steps: z.number().int().min(0),
  clipNorm: z.number().positive(),
});

export const metricsSchema = z.object({ accuracy: z.number(), loss: z.number() }).catchall(z.number());

export const MODEL_SORT_FIELDS = ["name", "createdAt", "updatedAt"] as const;

export const listModelsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(MODEL_SORT_FIELDS).default("updatedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  q: z.string().max(200).optional(),
});
export type ListModelsQuery = z.infer<typeof listModelsQuerySchema>;

export const createModelSchema = z.object({ name: modelNameSchema, description: z.string().max(5000).default("") });
