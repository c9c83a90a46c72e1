// Training runs on stored dataset versions (the `train` queue) and the privacy budgets they consume.
// Not exported: run-training-job.ts (runTrainingJob, what the worker runs) and seed-demo-models.ts
// load a TensorFlow.js backend (wasm) that Next.js cannot bundle; the worker imports the first from
// ./worker.ts, scripts import the second by path, and nothing the app imports from here loads one.
export { startTrainingRun, type TrainingPlan } from "./start-training-run.ts";
export { getTrainingRun, type TrainingRunView } from "./get-training-run.ts";
export { failTrainingRun, cancelTrainingRunSubject } from "./training-run-status.ts";
export { getDatasetBudget, setDatasetBudget, setNonPrivateUse, type DatasetBudgetView, type LedgerRow } from "./dataset-budget.ts";
export { budgetUse, relatedVersionIds, usedWithoutDp, type EpsilonDelta, type VersionBudgetUse } from "./privacy-budget.ts";
export { readTrainingRunConfig, type TrainingRunConfig } from "./training-run-config.ts";
export { startTrainingRunSchema, setBudgetSchema, setNonPrivateUseSchema, type StartTrainingRunInput, type SetBudgetInput, type SetNonPrivateUseInput } from "./schemas.ts";
