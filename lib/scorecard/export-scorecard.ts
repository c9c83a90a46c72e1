import { FRAMEWORK_MAPPING, type FrameworkRefs } from "./framework-mapping.ts";
import type { ScorecardDetail } from "./get-scorecard.ts";

/** Version tag of the JSON export; a breaking change to its shape means a new tag. */
export const SCORECARD_EXPORT_SCHEMA = "canary.scorecard/v1";

const NO_REFS: FrameworkRefs = { nistAiRmf: [], iso42001: [], euAiAct: [] };

/**
 * A scorecard as the documented `canary.scorecard/v1` JSON:
 * - `scorecard`: id, snapshotHash (what approvals bind to), grade, verdict, when and why computed;
 * - `model`: name, version, source, artifact sha256, guarantee (null = none) with its `source`
 *   ("accountant": computed by Canary's accountant; "declared": the uploader's, not verified), and
 *   `guaranteeScope`: one sentence saying what the guarantee covers and what it leaves out;
 * - `policy`: version id and number, name, sha256 of the canonical policy document;
 * - `evidence`: the lib/policy evidence bundle (re-check offline: `canary policy evaluate`);
 * - `evidenceHashes`: per-item hashes (audits and their results, dataset sha256s, findings triage);
 * - `criteria`: id, kind, required, value, threshold, status (pass|fail|missing), reason, and the
 *   `frameworks` it maps to (NIST AI RMF, ISO/IEC 42001 Annex A, EU AI Act Art. 10; Canary's mapping);
 * - `approvals`: every decision on this snapshot, and `signOff`: whether one counts now.
 */
export function exportScorecard(detail: ScorecardDetail, exportedAt = new Date()) {
  return {
    schema: SCORECARD_EXPORT_SCHEMA,
    exportedAt: exportedAt.toISOString(),
    scorecard: {
      id: detail.id,
      snapshotHash: detail.snapshotHash,
      grade: detail.grade,
      verdict: detail.verdict,
      computedAt: detail.createdAt.toISOString(),
      reason: detail.reason,
      isLatest: detail.isLatest,
    },
    model: {
      name: detail.model.name,
      version: detail.model.version,
      source: detail.model.source,
      artifactSha256: detail.model.artifactSha256,
      guarantee: detail.model.guarantee,
      guaranteeScope: detail.model.guaranteeScope,
    },
    policy: detail.policy,
    evidence: detail.evidence,
    evidenceHashes: detail.evidenceHashes,
    criteria: detail.criteria.map((criterion) => ({
      id: criterion.id,
      kind: criterion.kind,
      required: criterion.required,
      value: criterion.value,
      threshold: criterion.threshold,
      status: criterion.status,
      reason: criterion.reason,
      frameworks: FRAMEWORK_MAPPING[criterion.kind as keyof typeof FRAMEWORK_MAPPING] ?? NO_REFS,
    })),
    approvals: detail.approvals.map((a) => ({ decision: a.decision, comment: a.comment, approver: a.approver, decidedAt: a.decidedAt.toISOString(), snapshotHash: a.snapshotHash, counts: a.counts })),
    signOff: { status: detail.isLatest ? detail.signOff.status : "superseded", invalidatedApproval: detail.isLatest ? detail.signOff.invalidatedApproval : null },
    frameworkNote: "Framework references are Canary's mapping of each criterion kind, not an official crosswalk by NIST, ISO or the EU.",
  };
}

export type ScorecardExport = ReturnType<typeof exportScorecard>;
