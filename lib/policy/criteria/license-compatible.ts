import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import type { EvidenceBundle, licenseCompatibleSchema } from "../schemas.ts";
import { describeDatasets, plural } from "./describe-datasets.ts";

/**
 * Every dataset's license is compatible with the intended use through its whole lineage (the
 * evidence carries one verdict per dataset, already resolved over its parents). All roles count:
 * evaluation and public data are used too. A conflict fails; an unknown verdict is missing.
 */
export function evaluateLicenseCompatible(_criterion: z.infer<typeof licenseCompatibleSchema>, evidence: EvidenceBundle): CriterionOutcome {
  const threshold = "compatible";
  const datasets = evidence.datasets ?? [];
  if (datasets.length === 0) return { value: null, threshold, status: "missing", reason: "No datasets in the evidence to check licenses for" };
  const conflict = datasets.filter((dataset) => dataset.license?.verdict === "conflict");
  const unknown = datasets.filter((dataset) => !dataset.license || dataset.license.verdict === "unknown");
  const value = { compatible: datasets.length - conflict.length - unknown.length, conflict: conflict.length, unknown: unknown.length };
  if (conflict.length > 0) {
    const where = describeDatasets(conflict, (dataset) => dataset.license?.reasons?.[0] ?? "no reason given");
    return { value, threshold, status: "fail", reason: `The license of ${where} conflicts with the intended use` };
  }
  if (unknown.length > 0) {
    return { value, threshold, status: "missing", reason: `License compatibility with the intended use is not known for ${describeDatasets(unknown)}` };
  }
  const reason =
    datasets.length === 1
      ? `The license of ${describeDatasets(datasets)} is compatible with the intended use through its lineage`
      : `The licenses of all ${plural(datasets.length, "dataset")} are compatible with the intended use through their lineage`;
  return { value, threshold, status: "pass", reason };
}
