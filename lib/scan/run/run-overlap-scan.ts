import { AppError } from "../../errors/index.ts";
import { findOverlapInFiles } from "../dedup/index.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";

const MAX_LISTED_PAIRS = 200;

/**
 * Train/test contamination: records of this version (A) with a near duplicate in `params.otherVersionId`
 * (B). One finding per record of A that leaks, naming its closest match in B; the contamination rate is
 * the share of A's records that do.
 */
export async function runOverlapScan(context: ScanContext): Promise<ScanSummary> {
  const { params, version, db } = context;
  const other = await db.datasetVersion.findUnique({
    where: { id: params.otherVersionId ?? "" },
    select: { id: true, version: true, storageKey: true, format: true, status: true, dataset: { select: { name: true } } },
  });
  if (!other) throw new AppError("not_found", "the version to compare against does not exist", { otherVersionId: params.otherVersionId });
  if (other.status !== "ready") throw new AppError("unprocessable", `${other.dataset.name} v${other.version} is not ingested yet`, { otherVersionId: other.id });
  await context.progress(5, "hashing both versions");
  const result = await findOverlapInFiles(context.store.blobPath(version.storageKey), context.store.blobPath(other.storageKey), {
    threshold: params.threshold,
    field: params.field,
    format: version.format,
    formatB: other.format,
    onMalformed: params.onMalformed,
  });
  context.signal?.throwIfAborted();
  await context.progress(70, "verifying candidate pairs");
  const best = new Map<string, { b: string; jaccard: number }>();
  const pairs: { a: string; b: string; jaccard: number }[] = [];
  let pairCount = 0;
  for (const pair of result.pairs) {
    pairCount++;
    if (pairs.length < MAX_LISTED_PAIRS) pairs.push(pair);
    const seen = best.get(pair.a);
    if (!seen || pair.jaccard > seen.jaccard) best.set(pair.a, { b: pair.b, jaccard: pair.jaccard });
  }
  for (const [a, { b, jaccard }] of best) {
    context.writer.add({
      type: "CONTAMINATION",
      severity: jaccard === 1 ? "high" : "medium",
      location: { record: a, otherVersionId: other.id, otherRecord: b, jaccard },
      identity: [other.id, a],
    });
  }
  await context.writer.flush(null);
  return {
    otherVersion: { id: other.id, datasetName: other.dataset.name, version: other.version },
    records: result.recordsA,
    otherRecords: result.recordsB,
    threshold: params.threshold ?? 0.8,
    contaminatedRecords: best.size,
    contaminationRate: result.recordsA > 0 ? best.size / result.recordsA : 0,
    pairCount,
    pairs,
  };
}
