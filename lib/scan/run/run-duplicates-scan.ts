import { clusterDuplicates, findNearDuplicatesInFile, type DuplicatePair } from "../dedup/index.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";

/** Pairs and clusters kept in the summary for the page (the counts are exact). */
const MAX_LISTED_PAIRS = 200;
const MAX_LISTED_CLUSTERS = 100;
const MAX_IDS_PER_CLUSTER = 50;

/**
 * Exact and near-duplicate records of the version (MinHash/LSH, verified by exact Jaccard): one
 * finding per cluster, and a summary with the duplicate rate, the clusters and pairs for the diff.
 * The two passes run in memory; a killed run starts over and its findings dedupe by fingerprint.
 */
export async function runDuplicatesScan(context: ScanContext): Promise<ScanSummary> {
  const { params, version } = context;
  await context.progress(5, "hashing records");
  const result = await findNearDuplicatesInFile(context.store.blobPath(version.storageKey), {
    threshold: params.threshold,
    field: params.field,
    format: version.format,
    onMalformed: params.onMalformed,
  });
  context.signal?.throwIfAborted();
  await context.progress(70, "verifying candidate pairs");
  const pairs: DuplicatePair[] = [];
  let pairCount = 0;
  const jaccardOf = new Map<string, number>();
  const clustered = clusterDuplicates(
    (function* () {
      for (const pair of result.pairs) {
        pairCount++;
        if (pairs.length < MAX_LISTED_PAIRS) pairs.push(pair);
        // The lowest similarity inside each cluster says whether it is exact (1) or near.
        jaccardOf.set(pair.a, Math.min(jaccardOf.get(pair.a) ?? 1, pair.jaccard));
        jaccardOf.set(pair.b, Math.min(jaccardOf.get(pair.b) ?? 1, pair.jaccard));
        yield pair;
      }
    })(),
    result.records,
  );
  const clusters = clustered.clusters.map((ids) => ({ ids, minJaccard: Math.min(...ids.map((id) => jaccardOf.get(id) ?? 1)) }));
  for (const { ids, minJaccard } of clusters) {
    const exact = minJaccard === 1;
    context.writer.add({
      type: exact ? "EXACT_DUPLICATE" : "NEAR_DUPLICATE",
      severity: "low",
      location: { records: ids.slice(0, MAX_IDS_PER_CLUSTER), size: ids.length, minJaccard },
      identity: ids,
    });
  }
  await context.writer.flush(null);
  return {
    records: result.records,
    distinctTexts: result.distinctTexts,
    threshold: params.threshold ?? 0.8,
    field: params.field ?? null,
    duplicateRate: clustered.duplicateRate,
    pairCount,
    clusterCount: clusters.length,
    clusters: clusters.slice(0, MAX_LISTED_CLUSTERS).map(({ ids, minJaccard }) => ({ size: ids.length, minJaccard, records: ids.slice(0, MAX_IDS_PER_CLUSTER) })),
    pairs,
  };
}
