import type { Principal } from "../auth/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { JOB_VIEW_SELECT, type JobView } from "../queue/index.ts";
import { type TrainingProgress, trainingProgressView } from "../models/index.ts";

export interface TrainingRunView {
  id: string;
  model: string;
  status: string;
  dataset: { name: string; version: number };
  config: unknown;
  progress: TrainingProgress;
  epsilonSpent: number;
  backend: string | null;
  error: string | null;
  modelVersion: number | null;
  job: JobView | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * A training run with its live progress and its (latest) job, as `viewer` may see it: figures
 * computed on the training rows only for the dataset's owner and `pii.unmasked` roles
 * (trainingProgressView). @throws AppError not_found.
 */
export async function getTrainingRun(db: Db | Tx, id: string, viewer: Principal): Promise<TrainingRunView> {
  const run = await db.trainingRun.findUnique({
    where: { id },
    include: {
      model: { select: { name: true } },
      datasetVersion: { select: { version: true, dataset: { select: { name: true, ownerId: true } } } },
      modelVersion: { select: { version: true } },
      createdBy: { select: { email: true } },
    },
  });
  if (!run) throw new AppError("not_found", "no such training run", { id });
  const job = await db.job.findFirst({ where: { subjectType: "training_run", subjectId: id }, orderBy: { createdAt: "desc" }, select: JOB_VIEW_SELECT });
  const ended = (run.status === "queued" || run.status === "active") && (job?.status === "cancelled" || job?.status === "failed");
  return {
    id: run.id,
    model: run.model.name,
    // A job that ended without the run (cancelled before a worker took it, failed after its last
    // retry or stall) left the run's own status behind: the job's is the truth.
    status: ended ? job!.status : run.status,
    dataset: { name: run.datasetVersion.dataset.name, version: run.datasetVersion.version },
    config: run.config,
    progress: trainingProgressView(run.progress as unknown as TrainingProgress, viewer, run.datasetVersion.dataset.ownerId),
    epsilonSpent: run.epsilonSpent,
    backend: run.backend,
    error: run.error ?? (ended ? job!.error : null),
    modelVersion: run.modelVersion?.version ?? null,
    job,
    createdBy: run.createdBy.email,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
