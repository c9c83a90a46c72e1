// Demo models for scripts/seed.ts: a DP model (ε ≈ 3) on the seeded credit-applications version,
// evaluated on the holdout, with its non-private baseline metrics, and the non-private model itself
// as a second model (the audits demo contrasts the two). Trained in this process, through the same
// start → runTrainingJob path as the worker; idempotent (a model that has a version is left alone).
import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import type { PreprocessingSchema } from "../dp/index.ts";
import { setDatasetBudget, setNonPrivateUse } from "./dataset-budget.ts";
import { runTrainingJob } from "./run-training-job.ts";
import { startTrainingRun } from "./start-training-run.ts";

export interface SeedDemoModelsOptions {
  /** The owner of the training dataset (sets its budget). */
  principal: Principal;
  /** A compliance officer (not the owner): allows the baselines' training without DP on the budgeted data. */
  complianceOfficer: Principal;
  /** @defaultValue { name: "credit-applications", version: 1 } */
  dataset?: { name: string; version: number };
  /** @defaultValue { name: "credit-applications-holdout", version: 1 } */
  eval?: { name: string; version: number };
  /** @defaultValue "approved" */
  target?: string;
  /** The declared preprocessing of both runs. @defaultValue CREDIT_APPLICATIONS_SCHEMA */
  schema?: PreprocessingSchema;
  log?: (line: string) => void;
}

const CONFIG = { model: { kind: "mlp", hidden: [32] }, epochs: 5, learningRate: 0.5, sampleRate: 0.02, clipNorm: 1, accountant: "rdp", delta: 1e-5 };

/**
 * The credit applications' columns as their generator in scripts/seed.ts defines them (ranges and
 * categories by design, not read from the rows), so the DP run's encoding reveals no applicant.
 */
export const CREDIT_APPLICATIONS_SCHEMA: PreprocessingSchema = {
  classes: ["0", "1"],
  columns: [
    { name: "age", kind: "categorical", categories: ["10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79"] },
    { name: "sex", kind: "categorical", categories: ["female", "male"] },
    { name: "postcode", kind: "categorical", categories: Array.from({ length: 8 }, (_, i) => String(10115 + i * 37)) },
    { name: "income_k", kind: "numeric", min: 12, max: 160 },
    { name: "employment_years", kind: "numeric", min: 0, max: 40 },
    { name: "loan_amount_k", kind: "numeric", min: 1, max: 80 },
    { name: "purpose", kind: "categorical", categories: ["business", "car", "education", "holiday", "home"] },
    { name: "existing_loans", kind: "numeric", min: 0, max: 4 },
  ],
};

/** Seeds `credit-dp` (ε ≈ 3, with baseline metrics) and `credit-baseline` (no noise). Returns the models created. */
export async function seedDemoModels(db: Db, options: SeedDemoModelsOptions): Promise<string[]> {
  const { principal, complianceOfficer, dataset = { name: "credit-applications", version: 1 }, eval: evalSet = { name: "credit-applications-holdout", version: 1 }, target = "approved", schema = CREDIT_APPLICATIONS_SCHEMA, log = console.log } = options;
  const version = await db.datasetVersion.findFirst({ where: { dataset: { name: dataset.name }, version: dataset.version }, select: { budget: { select: { allowNonPrivate: true } } } });
  if (!version) {
    log(`seed: note: ${dataset.name} v${dataset.version} is missing; skipping the demo models`);
    return [];
  }
  if (!version.budget) await setDatasetBudget(db, principal, dataset.name, dataset.version, { epsilon: 8, delta: 1e-4 });
  if (!version.budget?.allowNonPrivate) {
    await setNonPrivateUse(db, complianceOfficer, dataset.name, dataset.version, { allowed: true, reason: "demo: credit-dp's baseline and credit-baseline train without DP to show what DP costs" });
  }
  const created: string[] = [];
  const demos = [
    { model: "credit-dp", config: { ...CONFIG, targetEpsilon: 3 }, baseline: true },
    { model: "credit-baseline", config: { ...CONFIG, private: false }, baseline: false },
  ];
  for (const demo of demos) {
    if ((await db.modelVersion.count({ where: { model: { name: demo.model } } })) > 0) continue;
    const { run } = await startTrainingRun(db, principal, { model: demo.model, dataset, eval: evalSet, target, schema, config: demo.config, baseline: demo.baseline }, { enqueueJob: false });
    const result = await runTrainingJob(db, run!.id, { progressIntervalMs: 2000 });
    log(`seed: trained ${demo.model} v${result.modelVersion} (${result.steps} steps${result.epsilon === null ? ", non-private" : `, ε = ${result.epsilon.toFixed(2)}`})`);
    created.push(demo.model);
  }
  return created;
}
