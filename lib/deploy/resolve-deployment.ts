import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { loadSignOff } from "../scorecard/index.ts";
import { currentDeployments, findEnvironment } from "./environments.ts";

/** Where a serving system downloads a version's artifact (served by the models API). */
export function artifactPath(model: string, version: number): string {
  return `/api/v1/models/${encodeURIComponent(model)}/versions/${version}/artifact/model.json`;
}

/**
 * What a serving system should load for a model in an environment: the version, its artifact's
 * location and sha256, and its scorecard grade (public contract of
 * GET /api/v1/models/{name}/deployments/{environment}).
 *
 * @throws AppError "not_found" for an unknown model or environment, or nothing deployed there
 */
export async function resolveDeployment(db: Db | Tx, modelName: string, environmentName: string) {
  const [model, environment] = await Promise.all([db.model.findUnique({ where: { name: modelName }, select: { id: true } }), findEnvironment(db, environmentName)]);
  if (!model) throw new AppError("not_found", `model "${modelName}" not found`);
  const [current] = await currentDeployments(db, { environmentId: environment.id, modelId: model.id });
  if (!current) throw new AppError("not_found", `no version of "${modelName}" is deployed to ${environmentName}`);
  const [version, signOff] = await Promise.all([
    db.modelVersion.findUniqueOrThrow({ where: { id: current.modelVersionId }, select: { artifactSha256: true } }),
    loadSignOff(db, current.modelVersionId),
  ]);
  return {
    model: modelName,
    version: current.version,
    environment: environmentName,
    artifact: { url: artifactPath(modelName, current.version), sha256: version.artifactSha256 },
    scorecard: signOff.latest ? { grade: signOff.latest.grade, snapshotHash: signOff.latest.snapshotHash, approved: signOff.status === "approved" } : null,
    deployedAt: current.createdAt,
    deployedBy: current.actor,
    action: current.action,
  };
}
