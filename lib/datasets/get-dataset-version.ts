import type { Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { toVersionView, VERSION_INCLUDE, type DatasetVersionView } from "./dataset-view.ts";

export async function getDatasetVersion(db: Tx, name: string, version: number): Promise<DatasetVersionView> {
  const found = Number.isSafeInteger(version)
    ? await db.datasetVersion.findFirst({ where: { dataset: { name }, version }, include: VERSION_INCLUDE })
    : null;
  if (!found) throw new AppError("not_found", `dataset "${name}" has no version ${version}`, { name, version });
  return toVersionView(found);
}
