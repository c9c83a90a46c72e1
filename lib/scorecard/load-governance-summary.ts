// The governance figures of one dataset version as the scorecard uses them, from the governance
// area's summary (lib/findings getGovernanceSummary). The scorecard hashes this as one evidence
// item, so it keeps only what the evidence bundle reads, plus the completed scans behind it.
import type { Db } from "../db/index.ts";
import { getGovernanceSummary } from "../findings/index.ts";
import type { Severity } from "../policy/index.ts";

export interface GovernanceEvidence {
  /** Unresolved findings per severity; null while no PII scan has completed (missing, never a pass). */
  openFindings: Record<Severity, number> | null;
  license: { verdict: "compatible" | "conflict" | "unknown"; reasons: string[] } | null;
  kAnonymity: number | null;
  contaminationRate: number | null;
  /** Ids of the completed scans the figures come from. */
  scanIds: string[];
}

export async function loadGovernanceSummary(db: Db, datasetVersionId: string): Promise<GovernanceEvidence> {
  const summary = await getGovernanceSummary(db, datasetVersionId);
  const completed = summary.scans.filter((scan) => scan.status === "completed");
  const piiScanned = completed.some((scan) => scan.kind === "pii");
  const anyOpen = Object.values(summary.openFindings).some((count) => count > 0);
  return {
    openFindings: piiScanned || anyOpen ? summary.openFindings : null,
    license: summary.license,
    kAnonymity: summary.kAnonymity,
    contaminationRate: summary.contaminationRate,
    scanIds: completed.map((scan) => scan.id).sort(),
  };
}
