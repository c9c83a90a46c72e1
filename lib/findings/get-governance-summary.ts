import type { Db, ScanKind, Severity } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { checkLineageForUse, loadLineageGraph, provenanceCompleteness, type LicenseVerdict } from "../governance/index.ts";

/**
 * A dataset version's governance at a glance: THE contract the scorecard reads (its field names match
 * the evidence bundle's `datasets[]` in lib/policy/schemas.ts).
 */
export interface GovernanceSummary {
  datasetVersionId: string;
  datasetName: string;
  version: number;
  /** Findings not triaged away (status open or confirmed), by severity, every scan kind. */
  openFindings: Record<Severity, number>;
  /**
   * For the dataset's intended use, through the whole lineage (computed now, never stale). A licence
   * that needs review ("unknown") counts as compatible once a person has triaged every LICENSE_UNKNOWN
   * finding of the version as accepted risk or false positive; a conflict stays a conflict.
   */
  license: { verdict: LicenseVerdict; reasons: string[] };
  /** Of the latest completed duplicates scan; null before one completes. */
  duplicateRate: number | null;
  /** Of the latest completed overlap scan; null before one completes. */
  contaminationRate: number | null;
  /** Of the latest completed re-identification scan; null before one, or when it had nothing to measure. */
  kAnonymity: number | null;
  /** 0..1, weighted by PROVENANCE_WEIGHTS. */
  provenanceCompleteness: number;
  /** The latest scan of each kind. */
  scans: { id: string; kind: ScanKind; status: string; finishedAt: Date | null }[];
}

/** @throws AppError not_found for an unknown version */
export async function getGovernanceSummary(db: Db, datasetVersionId: string): Promise<GovernanceSummary> {
  const version = await db.datasetVersion.findUnique({
    where: { id: datasetVersionId },
    select: {
      id: true,
      version: true,
      dataset: {
        select: {
          name: true, description: true, source: true, collectionMethod: true, consentBasis: true, licenseExpression: true,
          intendedUse: true, ownerId: true, collectionPeriodStart: true, collectionPeriodEnd: true, retention: true,
        },
      },
    },
  });
  if (!version) throw new AppError("not_found", "no such dataset version", { datasetVersionId });
  const [counts, scans, graph, licenseReviews] = await Promise.all([
    db.finding.groupBy({ by: ["severity"], where: { datasetVersionId, status: { in: ["open", "confirmed"] } }, _count: { _all: true } }),
    db.scan.findMany({ where: { datasetVersionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, kind: true, status: true, finishedAt: true, summary: true } }),
    loadLineageGraph(db, datasetVersionId),
    db.finding.findMany({ where: { datasetVersionId, type: "LICENSE_UNKNOWN" }, select: { status: true, triageReason: true } }),
  ]);
  const openFindings: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const row of counts) openFindings[row.severity] = row._count._all;
  const latestCompleted = (kind: ScanKind) => scans.find((scan) => scan.kind === kind && scan.status === "completed")?.summary as Record<string, unknown> | undefined;
  const numberOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
  const k = numberOf(latestCompleted("reid")?.k);
  const check = checkLineageForUse(datasetVersionId, graph, version.dataset.intendedUse);
  const latestByKind = new Map<ScanKind, (typeof scans)[number]>();
  for (const scan of scans) if (!latestByKind.has(scan.kind)) latestByKind.set(scan.kind, scan);
  return {
    datasetVersionId,
    datasetName: version.dataset.name,
    version: version.version,
    openFindings,
    license: reviewedLicense(check, licenseReviews),
    duplicateRate: numberOf(latestCompleted("duplicates")?.duplicateRate),
    contaminationRate: numberOf(latestCompleted("overlap")?.contaminationRate),
    kAnonymity: k !== null && k >= 1 ? k : null,
    provenanceCompleteness: provenanceCompleteness(version.dataset).score,
    scans: [...latestByKind.values()].map(({ id, kind, status, finishedAt }) => ({ id, kind, status, finishedAt })),
  };
}

const REVIEWED = new Set(["accepted_risk", "false_positive"]);

function reviewedLicense(check: { verdict: LicenseVerdict; reasons: string[] }, reviews: { status: string; triageReason: string | null }[]): GovernanceSummary["license"] {
  if (check.verdict !== "unknown" || reviews.length === 0 || !reviews.every((review) => REVIEWED.has(review.status))) {
    return { verdict: check.verdict, reasons: check.reasons };
  }
  return { verdict: "compatible", reasons: [...check.reasons, ...reviews.map((review) => `reviewed (${review.status.replace("_", " ")}): ${review.triageReason ?? ""}`.trim())] };
}
