import type { Db } from "../db/index.ts";
import type { EvidenceSource } from "../queue/index.ts";
import { ORG_POLICY_KEY } from "./policy-store.ts";
import { recomputeScorecard } from "./recompute-scorecard.ts";

export type { EvidenceSource };

async function modelVersionsOf(db: Db, source: EvidenceSource): Promise<string[]> {
  if ("modelVersionId" in source) return [source.modelVersionId];
  if ("trainingRunId" in source) {
    const run = await db.trainingRun.findUnique({ where: { id: source.trainingRunId }, select: { modelVersionId: true } });
    return run?.modelVersionId ? [run.modelVersionId] : [];
  }
  if ("auditId" in source) {
    const audit = await db.leakageAudit.findUnique({ where: { id: source.auditId }, select: { modelVersionId: true } });
    return audit?.modelVersionId ? [audit.modelVersionId] : [];
  }
  let id: string;
  if ("scanId" in source) {
    const scan = await db.scan.findUnique({ where: { id: source.scanId }, select: { datasetVersionId: true } });
    if (!scan) return [];
    id = scan.datasetVersionId;
  } else {
    id = source.datasetVersionId;
  }
  const versions = await db.modelVersion.findMany({
    where: { OR: [{ trainDatasetVersionId: id }, { evalDatasetVersionId: id }, { publicDatasetVersionId: id }] },
    select: { id: true },
  });
  return versions.map((v) => v.id);
}

/**
 * Regrades every model version the new evidence bears on (a snapshot is written only when its
 * evidence changed). The `regrade` queue's consumer (workers/regrade.ts) calls it; whatever changed
 * the evidence queues that job (lib/queue enqueueRegrade): the scorecard area reads the other areas,
 * never the other way round. Until a policy is saved there is nothing to grade against, and
 * nothing is written.
 */
export async function refreshScorecards(db: Db, source: EvidenceSource, reason: string): Promise<number> {
  if ((await db.policyVersion.count({ where: { policy: { name: ORG_POLICY_KEY } } })) === 0) return 0;
  let created = 0;
  for (const modelVersionId of await modelVersionsOf(db, source)) {
    if ((await recomputeScorecard(db, modelVersionId, reason)).created) created += 1;
  }
  return created;
}
