// One zod schema per findings API query and body; route handlers, the OpenAPI document and pages use these.
import { z } from "zod";
import { FindingStatus, Severity } from "../db/index.ts";

export const FINDING_SORT_FIELDS = ["createdAt", "severity", "type", "status"] as const;

export const listFindingsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.enum(FINDING_SORT_FIELDS).default("severity"),
  order: z.enum(["asc", "desc"]).default("desc"),
  datasetVersionId: z.string().max(100).optional(),
  scanId: z.string().max(100).optional(),
  /** E.g. EMAIL_ADDRESS, NEAR_DUPLICATE, LICENSE_CONFLICT. */
  type: z.string().max(100).optional(),
  severity: z.enum(Severity).optional(),
  status: z.enum(FindingStatus).optional(),
});
export type ListFindingsQuery = z.input<typeof listFindingsQuerySchema>;

export const triageFindingSchema = z.object({
  status: z.enum(FindingStatus),
  /** Why: kept on the finding and in the audit log, so it must never quote the value itself. */
  reason: z.string().trim().min(3, "give a reason of at least 3 characters").max(2000),
});
export type TriageFindingInput = z.input<typeof triageFindingSchema>;

export const duplicatePairQuerySchema = z.object({
  a: z.string().min(1).max(200),
  b: z.string().min(1).max(200),
  /** The version record b belongs to (an overlap scan's other version); this version when absent. */
  otherVersionId: z.string().max(100).optional(),
});
export type DuplicatePairQuery = z.infer<typeof duplicatePairQuerySchema>;
