import { Prisma, type Tx, type VersionStatus } from "../db/index.ts";
import { DATASET_OWNER_INCLUDE, toDatasetSummary, type DatasetSummary, type VersionStats } from "./dataset-view.ts";

/**
 * Summaries of the given datasets, in the given order. Version counts and latest versions come from
 * one indexed query over these datasets' versions only (Prisma's `_count` would aggregate the
 * whole version table).
 */
export async function loadDatasetSummaries(db: Tx, ids: string[]): Promise<DatasetSummary[]> {
  if (ids.length === 0) return [];
  const [datasets, stats] = await Promise.all([
    db.dataset.findMany({ where: { id: { in: ids } }, include: DATASET_OWNER_INCLUDE }),
    db.$queryRaw<{ datasetId: string; version: number; status: VersionStatus; versionCount: number }[]>`
      SELECT DISTINCT ON (v."datasetId") v."datasetId", v."version", v."status"::text AS "status",
             (count(*) OVER (PARTITION BY v."datasetId"))::int AS "versionCount"
      FROM "DatasetVersion" v
      WHERE v."datasetId" IN (${Prisma.join(ids)})
      ORDER BY v."datasetId", v."version" DESC`,
  ]);
  const byId = new Map(datasets.map((dataset) => [dataset.id, dataset]));
  const statsById = new Map<string, VersionStats>(
    stats.map((row) => [row.datasetId, { versionCount: row.versionCount, latestVersion: { version: row.version, status: row.status } }]),
  );
  return ids.flatMap((id) => {
    const dataset = byId.get(id);
    return dataset ? [toDatasetSummary(dataset, statsById.get(id) ?? { versionCount: 0, latestVersion: null })] : [];
  });
}
