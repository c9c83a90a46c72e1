import { appendAuditLog } from "../audit-log/index.ts";
import { ADVISORY_LOCK_CLASSES, type Db, ScorecardModel as Scorecard } from "../db/index.ts";
import { evaluatePolicy } from "../policy/index.ts";
import { gatherEvidence } from "./gather-evidence.ts";
import { getCurrentPolicy } from "./policy-store.ts";
import { contentHashOf, snapshotHashOf } from "./snapshot-hash.ts";

export interface RecomputeResult {
  scorecard: Scorecard;
  /** False when the evidence and policy were unchanged: the latest snapshot stands. */
  created: boolean;
}

/**
 * Grades a model version's current evidence against the current policy version and keeps the
 * result as an immutable snapshot, unless nothing changed since the latest one. Call it whenever
 * evidence arrives: an audit completes, a finding is triaged, a scan finishes, a policy is saved.
 * A new snapshot makes approvals of earlier ones stop counting.
 *
 * @param reason why, in a few words ("audit completed"), shown in the snapshot history
 * @throws AppError "not_found" for an unknown version, "conflict" when no policy exists yet
 */
export async function recomputeScorecard(db: Db, modelVersionId: string, reason: string): Promise<RecomputeResult> {
  const [policy, { bundle, items }] = await Promise.all([getCurrentPolicy(db), gatherEvidence(db, modelVersionId)]);
  const evaluation = evaluatePolicy(policy.document, bundle);
  const contentSha256 = contentHashOf({ policyVersionId: policy.id, policyDocumentSha256: policy.documentSha256, evidence: bundle, items });

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.scorecard}::int, hashtext(${modelVersionId}))`;
    const latest = await tx.scorecard.findFirst({ where: { modelVersionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (latest && (latest.evidenceHashes as { contentSha256?: string }).contentSha256 === contentSha256) return { scorecard: latest, created: false };
    const snapshotHash = snapshotHashOf(contentSha256, latest?.snapshotHash ?? null);
    const scorecard = await tx.scorecard.create({
      data: {
        modelVersionId,
        policyVersionId: policy.id,
        grade: evaluation.grade,
        criteria: evaluation.criteria as object[],
        evidence: bundle as object,
        evidenceHashes: { contentSha256, previousSnapshotHash: latest?.snapshotHash ?? null, policy: { versionId: policy.id, version: policy.version, documentSha256: policy.documentSha256 }, ...items },
        reason: reason.slice(0, 200),
        snapshotHash,
      },
    });
    await appendAuditLog(tx, {
      actor: { id: null, label: "system:scorecard" },
      action: "scorecard.snapshot",
      targetType: "scorecard",
      targetId: scorecard.id,
      details: { modelVersionId, grade: scorecard.grade, snapshotHash, policyVersion: policy.version, reason: scorecard.reason },
    });
    return { scorecard, created: true };
  });
}
