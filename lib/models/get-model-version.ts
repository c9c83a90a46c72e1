import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { type ModelVersionView, toModelVersionView, VERSION_VIEW_INCLUDE } from "./model-view.ts";

/** One version by model name and number. @throws AppError not_found. */
export async function getModelVersion(db: Db | Tx, name: string, version: number): Promise<ModelVersionView> {
  const row = Number.isSafeInteger(version)
    ? await db.modelVersion.findFirst({ where: { model: { name }, version }, include: VERSION_VIEW_INCLUDE })
    : null;
  if (!row) throw new AppError("not_found", `model "${name}" has no version ${version}`, { name, version });
  return toModelVersionView(row);
}

/** The stored artifact's key of a version (for the artifact routes). @throws AppError not_found. */
export async function getModelVersionArtifactKey(db: Db | Tx, name: string, version: number): Promise<{ key: string; sha256: string }> {
  const row = Number.isSafeInteger(version)
    ? await db.modelVersion.findFirst({ where: { model: { name }, version }, select: { artifactKey: true, artifactSha256: true } })
    : null;
  if (!row) throw new AppError("not_found", `model "${name}" has no version ${version}`, { name, version });
  return { key: row.artifactKey, sha256: row.artifactSha256 };
}
