import type { Db } from "../db/index.ts";
import type { AccountantHistoryEntry, TrainingCheckpoint } from "../dp/index.ts";
import type { TrainingProgress } from "../models/index.ts";
import { deleteBlob } from "../storage/index.ts";
import { writeCheckpoint } from "./checkpoint-store.ts";
import { json } from "./json-value.ts";
import type { TrainingRunRow } from "./load-training-run.ts";
import { upsertLedger } from "./training-ledger.ts";
import type { TrainingRunConfig } from "./training-run-config.ts";

export interface SaveRunCheckpointInput {
  checkpoint: TrainingCheckpoint;
  progress: TrainingProgress;
  epsilon: number;
  /** The accountant's (σ, q, steps) runs at this checkpoint. */
  sgmRuns: AccountantHistoryEntry[];
  /** The blob of the checkpoint this one replaces. */
  previousKey: string | null;
}

/**
 * Weights, accountant state, step and curves in ONE blob, then ONE transaction that points the run
 * at it and sets the run's ledger entry to its ε; the replaced blob is deleted afterwards.
 * @returns the new checkpoint's key
 */
export async function saveRunCheckpoint(db: Db, run: TrainingRunRow, config: TrainingRunConfig, input: SaveRunCheckpointInput): Promise<string> {
  const { checkpoint, progress, epsilon, sgmRuns, previousKey } = input;
  const key = await writeCheckpoint({ trainingRunId: run.id, checkpoint, curve: progress.curve, progress: { ...progress, curve: [] } });
  await db.$transaction(async (tx) => {
    await tx.trainingRun.update({ where: { id: run.id }, data: { checkpointKey: key, epsilonSpent: epsilon, progress: json(progress) } });
    await upsertLedger(tx, run, config, epsilon, sgmRuns);
  });
  if (previousKey && previousKey !== key) await deleteBlob(previousKey).catch(() => {});
  return key;
}
