import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { blobPath } from "../storage/index.ts";

export type TrainingRunRow = NonNullable<Awaited<ReturnType<typeof loadTrainingRun>>>;

/** The run with what the job needs of its model, creator, training data and registered version. */
export function loadTrainingRun(db: Db, id: string) {
  return db.trainingRun.findUnique({
    where: { id },
    include: {
      model: { select: { name: true } },
      createdBy: { select: { email: true } },
      datasetVersion: { select: { id: true, storageKey: true, format: true } },
      modelVersion: { select: { version: true } },
    },
  });
}

/** Where a dataset version's file is and its format; text data cannot be trained on. */
export async function storedDatasetFile(db: Db, versionId: string) {
  const version = await db.datasetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { storageKey: true, format: true } });
  if (version.format === "text") throw new AppError("unprocessable", "training needs CSV or JSON Lines data, not text");
  return { path: blobPath(version.storageKey), format: version.format };
}
