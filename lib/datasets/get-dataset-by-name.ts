import type { Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { DATASET_OWNER_INCLUDE, toDatasetSummary, toVersionView, VERSION_INCLUDE, type DatasetSummary, type DatasetVersionView } from "./dataset-view.ts";

export interface DatasetDetail extends DatasetSummary {
  /** Newest first. */
  versions: DatasetVersionView[];
}

export async function getDatasetByName(db: Tx, name: string): Promise<DatasetDetail> {
  const dataset = await db.dataset.findUnique({ where: { name }, include: DATASET_OWNER_INCLUDE });
  if (!dataset) throw new AppError("not_found", `no dataset named "${name}"`, { name });
  const versions = await db.datasetVersion.findMany({
    where: { datasetId: dataset.id },
    orderBy: { version: "desc" },
    include: VERSION_INCLUDE,
  });
  const latest = versions[0];
  const stats = { versionCount: versions.length, latestVersion: latest ? { version: latest.version, status: latest.status } : null };
  return { ...toDatasetSummary(dataset, stats), versions: versions.map(toVersionView) };
}
