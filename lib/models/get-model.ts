import type { Principal } from "../auth/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { type TrainingProgress, trainingProgressView } from "./training-progress.ts";
import { type ModelVersionView, toModelVersionView, VERSION_VIEW_INCLUDE } from "./model-view.ts";

export interface ModelDetail {
  id: string;
  name: string;
  description: string;
  task: string;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
  /** Newest first. */
  versions: ModelVersionView[];
  /** Training runs of this model, newest first (the last 50); progress as the viewer may see it. */
  runs: { id: string; status: string; epsilonSpent: number; createdAt: Date; modelVersion: number | null; progress: TrainingProgress }[];
}

/**
 * A model with its versions and recent runs, as `viewer` may see them (a run's figures computed on
 * training rows only for its dataset's owner and `pii.unmasked` roles). @throws AppError not_found.
 */
export async function getModel(db: Db | Tx, name: string, viewer: Principal): Promise<ModelDetail> {
  const model = await db.model.findUnique({
    where: { name },
    include: {
      owner: { select: { email: true } },
      versions: { include: VERSION_VIEW_INCLUDE, orderBy: { version: "desc" } },
      trainingRuns: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          id: true,
          status: true,
          epsilonSpent: true,
          createdAt: true,
          progress: true,
          modelVersion: { select: { version: true } },
          datasetVersion: { select: { dataset: { select: { ownerId: true } } } },
        },
      },
    },
  });
  if (!model) throw new AppError("not_found", `no model named "${name}"`, { name });
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    task: model.task,
    owner: model.owner.email,
    createdAt: model.createdAt,
    updatedAt: model.updatedAt,
    versions: model.versions.map(toModelVersionView),
    runs: model.trainingRuns.map(({ modelVersion, datasetVersion, progress, ...run }) => ({
      ...run,
      modelVersion: modelVersion?.version ?? null,
      progress: trainingProgressView(progress as unknown as TrainingProgress, viewer, datasetVersion.dataset.ownerId),
    })),
  };
}
