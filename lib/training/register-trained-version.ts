import { appendAuditLog } from "../audit-log/index.ts";
import type { Db } from "../db/index.ts";
import type { AccountantHistoryEntry, fitNetwork, measureHeldOut, NetworkSpec, PreparedData } from "../dp/index.ts";
import { bundleNetwork, registerModelVersion, type TrainingProgress } from "../models/index.ts";
import { json } from "./json-value.ts";
import type { TrainingRunRow } from "./load-training-run.ts";
import { upsertLedger } from "./training-ledger.ts";
import type { TrainingRunConfig } from "./training-run-config.ts";

type HeldOutMetrics = ReturnType<typeof measureHeldOut>;

export interface RegisterTrainedVersionInput {
  trained: Awaited<ReturnType<typeof fitNetwork>>;
  spec: NetworkSpec;
  data: PreparedData;
  progress: TrainingProgress;
  metrics: HeldOutMetrics;
  baselineMetrics: HeldOutMetrics;
  stoppedEarly: "budget" | undefined;
  backendName: string;
  /** The accountant's (σ, q, steps) runs at the end. */
  sgmRuns: AccountantHistoryEntry[];
}

/**
 * Registers the trained network as a version of the run's model, then in one transaction completes
 * the run, sets its ledger entry to the final ε and appends the audit-log row.
 * @returns the registered version's number
 */
export async function registerTrainedVersion(db: Db, run: TrainingRunRow, config: TrainingRunConfig, input: RegisterTrainedVersionInput): Promise<number> {
  const { trained, spec, data, progress, metrics, baselineMetrics, stoppedEarly, backendName, sgmRuns } = input;
  const train = config.train;
  const registered = await registerModelVersion(
    db,
    { userId: run.createdById, label: `system:train (${run.createdBy.email})` },
    {
      modelName: run.model.name,
      source: "trained",
      bundle: await bundleNetwork(trained.network),
      config: {
        input: data.input,
        networkSpec: spec,
        target: config.target,
        train,
        contaminationRate: progress.outsideGuarantee?.contamination?.rate ?? null,
        ...(stoppedEarly ? { stoppedEarly } : {}),
      },
      metrics: { ...(metrics ?? {}) },
      baselineMetrics: baselineMetrics && { ...baselineMetrics },
      guarantee: train.private
        ? {
            epsilon: trained.epsilon!,
            delta: train.delta,
            accountant: train.accountant,
            noiseMultiplier: train.noiseMultiplier!,
            sampleRate: train.sampleRate,
            steps: trained.steps,
            clipNorm: trained.clipNorm,
          }
        : null,
      backend: backendName,
      trainDatasetVersionId: run.datasetVersion.id,
      evalDatasetVersionId: config.evalDatasetVersionId,
      publicDatasetVersionId: config.publicDatasetVersionId,
      trainingRunId: run.id,
    },
  );
  const epsilon = trained.epsilon ?? 0;
  await db.$transaction(async (tx) => {
    await tx.trainingRun.update({
      where: { id: run.id },
      data: { status: "completed", finishedAt: new Date(), epsilonSpent: epsilon, progress: json({ ...progress, phase: "done", message: undefined }) },
    });
    await upsertLedger(tx, run, config, epsilon, sgmRuns);
    await appendAuditLog(tx, {
      actor: { id: null, label: "system:train" },
      action: "training_run.complete",
      targetType: "training_run",
      targetId: run.id,
      details: { model: run.model.name, version: registered.version, steps: trained.steps, epsilon: trained.epsilon, stoppedEarly: stoppedEarly ?? null },
    });
  });
  return registered.version;
}
