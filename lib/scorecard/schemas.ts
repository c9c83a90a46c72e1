// One zod schema per scorecard API body and query (DB-free: the OpenAPI document imports these).
import { z } from "zod";

export const decideScorecardSchema = z.object({
  decision: z.enum(["approved", "rejected"]),
  comment: z.string().trim().min(1, "say why: a decision needs a comment").max(2000),
});
export type DecideScorecardInput = z.infer<typeof decideScorecardSchema>;

export const SIGN_OFF_FILTERS = ["awaiting", "approved", "rejected", "invalidated", "all"] as const;

export const listScorecardsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  /** awaiting = the review queue (latest snapshots without a decision); invalidated ⊂ awaiting. */
  status: z.enum(SIGN_OFF_FILTERS).default("all"),
  grade: z.enum(["A", "B", "C", "D", "F"]).optional(),
  /** Case-insensitive match on the model name. */
  q: z.string().max(200).optional(),
  /** Exact model name and version number (the CLI looks a version up this way). */
  model: z.string().max(200).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
export type ListScorecardsQuery = z.infer<typeof listScorecardsQuerySchema>;

export const recomputeScorecardSchema = z.object({
  model: z.string().min(1),
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().min(1).max(200).default("recomputed on request"),
});

export const exportQuerySchema = z.object({ format: z.enum(["json", "pdf"]).default("json") });

export const savePolicySchema = z.object({
  document: z.unknown().refine((value) => value !== undefined, "required: the policy document"),
  basedOnVersion: z.int().min(0).optional(),
});
