// The parameters a scan runs with, stored in Scan.params: one zod schema for the API, the worker and the OpenAPI document.
import { z } from "zod";
import { IntendedUse, ScanKind } from "../../db/index.ts";

export const scanParamsSchema = z.object({
  /** Malformed records: `fail` stops the scan naming the line; `skip` reads on and lists the lines in the summary. */
  onMalformed: z.enum(["fail", "skip"]).default("fail"),
  /** pii: findings scoring below this are dropped. */
  minScore: z.number().min(0).max(1).optional(),
  /** duplicates, overlap: smallest verified Jaccard similarity reported. */
  threshold: z.number().gt(0).max(1).optional(),
  /** duplicates, overlap: compare this field only. */
  field: z.string().min(1).max(200).optional(),
  /** overlap: the version compared against (e.g. the test set). */
  otherVersionId: z.string().min(1).optional(),
  /** reid: quasi-identifier columns; suggested from the column names when absent. */
  quasiIdentifiers: z.array(z.string().min(1).max(200)).min(1).max(20).optional(),
  /** reid: the sensitive column whose distinct l-diversity is measured. */
  sensitive: z.string().min(1).max(200).optional(),
  /** reid: records in classes smaller than k are at risk. */
  k: z.int().min(1).max(10_000).optional(),
  /** license: the use checked; the dataset's intended use when absent. */
  intendedUse: z.enum(IntendedUse).optional(),
});
export type ScanParams = z.output<typeof scanParamsSchema>;

export const startScanSchema = z
  .object({
    kind: z.enum(ScanKind),
    params: scanParamsSchema.default({ onMalformed: "fail" }),
  })
  .refine((input) => input.kind !== "overlap" || input.params.otherVersionId !== undefined, {
    message: "an overlap scan needs params.otherVersionId, the version to compare against",
    path: ["params", "otherVersionId"],
  });
export type StartScanInput = z.input<typeof startScanSchema>;
