import type { Tx } from "../db/index.ts";

/** The `dataset_version` subject of a cancelled ingest job: a version not yet ready is marked failed. */
export async function cancelIngestSubject(tx: Tx, datasetVersionId: string): Promise<void> {
  await tx.datasetVersion.updateMany({
    where: { id: datasetVersionId, status: { in: ["pending", "ingesting"] } },
    data: { status: "failed", error: "ingest cancelled; upload the file again to retry" },
  });
}
