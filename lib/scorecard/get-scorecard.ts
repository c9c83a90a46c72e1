import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { describeGuaranteeScope } from "../models/index.ts";
import { verdictOf, type CriterionResult, type EvidenceBundle, type Grade } from "../policy/index.ts";
import { toCurrentPolicy } from "./policy-store.ts";
import { effectiveDecision, loadSignOffs, type VersionSignOff } from "./sign-off.ts";

export interface ScorecardCriterion extends CriterionResult {
  kind: string;
  required: boolean;
}

export interface ScorecardVersionRow {
  modelVersionId: string;
  version: number;
  grade: string | null;
  latestScorecardId: string | null;
  signOff: VersionSignOff["status"];
  everApproved: boolean;
  epsilon: number | null;
  auc: number | null;
  tprAtLowFpr: number | null;
  epsilonLowerBound: number | null;
  accuracy: number | null;
  deployedIn: string[];
}

export type ScorecardDetail = Awaited<ReturnType<typeof getScorecard>>;

const figure = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * One snapshot with everything its page and its exports show: criteria with their kind, the
 * evidence and its hashes, the decisions on it, the version's sign-off state, its earlier snapshots,
 * and every version of the model (grades, figures for the charts, where each is deployed).
 */
export async function getScorecard(db: Db | Tx, scorecardId: string) {
  const row = await db.scorecard.findUnique({
    where: { id: scorecardId },
    include: {
      policyVersion: true,
      approvals: { orderBy: { createdAt: "asc" }, include: { approver: { select: { email: true, name: true } } } },
      modelVersion: { include: { model: true, createdBy: { select: { email: true } }, trainingRun: { select: { createdById: true, createdBy: { select: { email: true } } } } } },
    },
  });
  if (!row) throw new AppError("not_found", `scorecard ${scorecardId} not found`);
  const policy = toCurrentPolicy(row.policyVersion);
  const byId = new Map(policy.document.criteria.map((criterion) => [criterion.id, criterion]));
  const criteria: ScorecardCriterion[] = (row.criteria as unknown as CriterionResult[]).map((result) => ({
    ...result,
    kind: byId.get(result.id)?.kind ?? "unknown",
    required: byId.get(result.id)?.required ?? false,
  }));
  const mv = row.modelVersion;

  const [history, versions, currentDeployments] = await Promise.all([
    db.scorecard.findMany({ where: { modelVersionId: mv.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, grade: true, reason: true, snapshotHash: true, createdAt: true } }),
    db.modelVersion.findMany({ where: { modelId: mv.modelId }, orderBy: { version: "asc" }, select: { id: true, version: true, epsilon: true, metrics: true } }),
    db.$queryRaw<{ modelVersionId: string; environment: string }[]>`
      SELECT DISTINCT ON (d."environmentId") d."modelVersionId", e."name" AS "environment"
      FROM "Deployment" d JOIN "Environment" e ON e."id" = d."environmentId" JOIN "ModelVersion" v ON v."id" = d."modelVersionId"
      WHERE v."modelId" = ${mv.modelId}
      ORDER BY d."environmentId", d."createdAt" DESC, d."id" DESC`,
  ]);
  const signOffs = await loadSignOffs(db, versions.map((v) => v.id));
  const latestEvidence = await db.scorecard.findMany({
    where: { id: { in: [...signOffs.values()].map((s) => s.latest?.id).filter((id): id is string => !!id) } },
    select: { modelVersionId: true, evidence: true },
  });
  const evidenceOf = new Map(latestEvidence.map((s) => [s.modelVersionId, s.evidence as EvidenceBundle]));

  const versionRows: ScorecardVersionRow[] = versions.map((v) => {
    const signOff = signOffs.get(v.id)!;
    const membership = evidenceOf.get(v.id)?.audits?.membershipInference;
    return {
      modelVersionId: v.id,
      version: v.version,
      grade: signOff.latest?.grade ?? null,
      latestScorecardId: signOff.latest?.id ?? null,
      signOff: signOff.status,
      everApproved: signOff.everApproved,
      epsilon: v.epsilon,
      auc: figure(membership?.auc),
      tprAtLowFpr: figure(membership?.tprAtFpr?.["0.001"]),
      epsilonLowerBound: figure(membership?.epsilonLowerBound),
      accuracy: figure((v.metrics as Record<string, unknown>).accuracy),
      deployedIn: currentDeployments.filter((d) => d.modelVersionId === v.id).map((d) => d.environment),
    };
  });
  const effective = effectiveDecision(row.snapshotHash, row.approvals);
  // The ROC curves of the audits this snapshot read, for the reviewer's chart.
  const auditIds = ((row.evidenceHashes as { audits?: { id: string }[] }).audits ?? []).map((a) => a.id);
  const audits = await db.leakageAudit.findMany({ where: { id: { in: auditIds } }, select: { kind: true, results: true } });
  const rocCurves = audits.flatMap((audit) => {
    const roc = (audit.results as { roc?: { fpr?: unknown; tpr?: unknown } } | null)?.roc;
    return Array.isArray(roc?.fpr) && Array.isArray(roc?.tpr) ? [{ name: audit.kind.replaceAll("_", " "), fpr: roc.fpr as number[], tpr: roc.tpr as number[] }] : [];
  });

  return {
    id: row.id,
    snapshotHash: row.snapshotHash,
    grade: row.grade as Grade,
    verdict: verdictOf(row.grade as Grade),
    reason: row.reason,
    createdAt: row.createdAt,
    isLatest: history[0]?.id === row.id,
    latestScorecardId: history[0]?.id ?? row.id,
    criteria,
    evidence: row.evidence as EvidenceBundle,
    evidenceHashes: row.evidenceHashes as Record<string, unknown>,
    policy: { versionId: policy.id, version: policy.version, name: policy.document.name, documentSha256: policy.documentSha256 },
    model: {
      id: mv.modelId,
      name: mv.model.name,
      version: mv.version,
      modelVersionId: mv.id,
      source: mv.source,
      artifactSha256: mv.artifactSha256,
      registeredBy: mv.createdBy.email,
      trainedBy: mv.trainingRun?.createdBy.email ?? null,
      authorIds: [mv.createdById, mv.trainingRun?.createdById].filter((id): id is string => !!id),
      guarantee:
        mv.epsilon === null && mv.delta === null
          ? null
          : {
              epsilon: mv.epsilon,
              delta: mv.delta,
              accountant: mv.accountant,
              source: mv.guaranteeSource ?? "declared",
              noiseMultiplier: mv.noiseMultiplier,
              sampleRate: mv.sampleRate,
              steps: mv.steps,
              clipNorm: mv.clipNorm,
            },
      guaranteeScope: describeGuaranteeScope({ source: mv.guaranteeSource, epsilon: mv.epsilon, delta: mv.delta, accountant: mv.accountant }),
    },
    approvals: row.approvals.map((a) => ({
      id: a.id,
      decision: a.decision,
      comment: a.comment,
      approver: a.approver.email,
      decidedAt: a.createdAt,
      snapshotHash: a.snapshotHash,
      counts: effective?.id === a.id && history[0]?.id === row.id,
    })),
    signOff: signOffs.get(mv.id)!,
    history,
    versions: versionRows,
    rocCurves,
  };
}
