import type { Principal } from "../auth/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { maySeeTrainingRowFigures } from "./training-progress.ts";
import { type ModelVersionView, toModelVersionView, VERSION_VIEW_INCLUDE } from "./model-view.ts";

/**
 * One version by model name and number, as `viewer` may see it: the share of evaluation rows found in the
 * training rows is computed on private rows outside the (ε, δ), so only the training data's owner and
 * `pii.unmasked` roles get it (as with a run's batch losses). @throws AppError not_found.
 */
export async function getModelVersion(db: Db | Tx, name: string, version: number, viewer: Principal): Promise<ModelVersionView> {
  const row = Number.isSafeInteger(version)
    ? await db.modelVersion.findFirst({ where: { model: { name }, version }, include: VERSION_VIEW_INCLUDE })
    : null;
  if (!row) throw new AppError("not_found", `model "${name}" has no version ${version}`, { name, version });
  const view = toModelVersionView(row);
  const ownerId = row.trainData?.dataset.ownerId;
  if (view.config.contaminationRate === undefined || (ownerId !== undefined && maySeeTrainingRowFigures(viewer, ownerId))) return view;
  const { contaminationRate: _outsideGuarantee, ...config } = view.config;
  return { ...view, config };
}

/** The stored artifact's key of a version (for the artifact routes). @throws AppError not_found. */
export async function getModelVersionArtifactKey(db: Db | Tx, name: string, version: number): Promise<{ key: string; sha256: string }> {
  const row = Number.isSafeInteger(version)
    ? await db.modelVersion.findFirst({ where: { model: { name }, version }, select: { artifactKey: true, artifactSha256: true } })
    : null;
  if (!row) throw new AppError("not_found", `model "${name}" has no version ${version}`, { name, version });
  return { key: row.artifactKey, sha256: row.artifactSha256 };
}
