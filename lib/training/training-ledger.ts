import type { Tx } from "../db/index.ts";
import type { AccountantHistoryEntry } from "../dp/index.ts";
import { json } from "./json-value.ts";
import type { TrainingRunRow } from "./load-training-run.ts";
import type { TrainingRunConfig } from "./training-run-config.ts";

/** Sets the run's ledger entry to its accountant's ε and mechanism (history of (σ, q, steps) runs). */
export async function upsertLedger(tx: Tx, run: TrainingRunRow, config: TrainingRunConfig, epsilon: number, sgmRuns: AccountantHistoryEntry[]): Promise<void> {
  if (!config.train.private) return;
  const charge = { epsilon, delta: epsilon > 0 ? config.train.delta : 0, sgmRuns: json(sgmRuns) };
  const datasetVersionId = run.datasetVersion.id;
  await tx.budgetLedgerEntry.upsert({
    where: { trainingRunId_datasetVersionId: { trainingRunId: run.id, datasetVersionId } },
    create: { trainingRunId: run.id, datasetVersionId, usedWithoutDp: config.baseline, ...charge },
    update: charge,
  });
}
