// One zod schema per API body and query; route handlers, server actions, the CLI and the OpenAPI
// document all use these.
import { z } from "zod";
import { ConsentBasis, IntendedUse } from "../db/browser.ts";
import { isAppError } from "../errors/index.ts";
import { parseLicenseExpression } from "../governance/browser.ts";

export const datasetNameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-_.]*$/, "use lowercase letters, digits, '-', '_' and '.', starting with a letter or digit");

export const registerDatasetSchema = z.object({
  name: datasetNameSchema,
  description: z.string().max(5000).default(""),
  source: z.string().min(1).max(500),
  collectionMethod: z.string().min(1).max(500),
  consentBasis: z.enum(ConsentBasis),
  licenseExpression: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .superRefine((expression, context) => {
      // Parsed with the SPDX packages (spdx-expression-parse); LicenseRef-* ids are valid SPDX.
      try {
        parseLicenseExpression(expression);
      } catch (error) {
        if (!isAppError(error)) throw error;
        context.addIssue({ code: "custom", message: error.message });
      }
    }),
  intendedUse: z.enum(IntendedUse),
  /** Owner's email; defaults to the caller. */
  ownerEmail: z.email().optional(),
  collectionPeriodStart: z.coerce.date().optional(),
  collectionPeriodEnd: z.coerce.date().optional(),
  retention: z.string().max(200).optional(),
});
export type RegisterDatasetInput = z.input<typeof registerDatasetSchema>;

export const DATASET_SORT_FIELDS = ["name", "createdAt", "updatedAt", "versionCount"] as const;

export const listDatasetsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.enum(DATASET_SORT_FIELDS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  /** Case-insensitive match on name, description or source. */
  q: z.string().max(200).optional(),
  consentBasis: z.enum(ConsentBasis).optional(),
  intendedUse: z.enum(IntendedUse).optional(),
});
export type ListDatasetsQuery = z.infer<typeof listDatasetsQuerySchema>;

/** Query string of an upload; the body is the file itself, streamed. */
export const uploadVersionQuerySchema = z.object({
  filename: z.string().min(1).max(255),
  /** Comma-separated ids of the versions this one derives from. */
  parents: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((id) => id.trim()).filter(Boolean) : [])),
  transformation: z.string().max(2000).optional(),
  notes: z.string().max(2000).optional(),
});
export type UploadVersionQuery = z.infer<typeof uploadVersionQuerySchema>;
