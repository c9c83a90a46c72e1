import { appendAuditLog } from "../audit-log/index.ts";
import type { Principal } from "../auth/index.ts";
import type { Db, Prisma, Tx } from "../db/index.ts";
import { encodingFromSchema, privatePreprocessingRefusal, resolveTrainConfig } from "../dp/index.ts";
import { AppError } from "../errors/index.ts";
import { enqueue, type JobView } from "../queue/index.ts";
import type { LedgerCharge } from "./compose-ledger.ts";
import { budgetCharges, budgetUseOf, epsilonWith, lockBudgets, plannedChargeOf, relatedVersionIds, type BudgetCharges, type VersionBudgetUse } from "./privacy-budget.ts";
import { startTrainingRunSchema } from "./schemas.ts";
import type { TrainingRunConfig } from "./training-run-config.ts";
import { getTrainingRun, type TrainingRunView } from "./get-training-run.ts";

export interface TrainingPlan {
  plannedEpsilon: number | null;
  delta: number;
  noiseMultiplier: number | null;
  steps: number;
  accountant: string;
  /** Budget use of the training version, then of every budget on its lineage (ancestors and descendants). */
  budgets: VersionBudgetUse[];
  /** Null when the run fits every budget, else why not. */
  refusal: string | null;
}

const fmt = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : x.toExponential(2));

async function readyVersion(db: Db | Tx, ref: { name: string; version: number }, role: string) {
  const version = await db.datasetVersion.findFirst({
    where: { dataset: { name: ref.name }, version: ref.version },
    select: { id: true, status: true, format: true, rowCount: true, columnSchema: true },
  });
  if (!version) throw new AppError("not_found", `${role} dataset "${ref.name}" has no version ${ref.version}`, { field: role });
  if (version.status !== "ready") throw new AppError("conflict", `${role} dataset "${ref.name}" v${ref.version} is ${version.status}, not ready: wait for its ingest to finish`, { field: role });
  if (version.format === "text") throw new AppError("unprocessable", `${role} dataset "${ref.name}" v${ref.version} is text; training needs CSV or JSON Lines`, { field: role });
  return version;
}

function columnNames(schema: unknown): string[] {
  return ((schema as { columns?: { name: string }[] } | null)?.columns ?? []).map((c) => c.name);
}

/**
 * Why the run may not start on these budgets, or null: training without DP (a non-private run or a
 * DP run's baseline) on a budget that does not allow it; a δ above a budget's; an ε that, composed
 * with the lineage's other runs, exceeds a budget's.
 */
function refusalOf(candidate: LedgerCharge | null, withoutDp: string | null, budgets: BudgetCharges[]): string | null {
  for (const charges of budgets) {
    const { budget, label } = charges;
    if (!budget) continue;
    if (withoutDp && !budget.allowNonPrivate) {
      return `refused: ${label} has a privacy budget and ${withoutDp} would use its data without DP; a compliance officer or admin (not the dataset's owner) must first allow non-private use on that budget`;
    }
    if (!candidate) continue;
    if (candidate.delta > budget.delta * (1 + 1e-9)) return `over budget: the run's δ = ${fmt(candidate.delta)} exceeds ${label}'s budget δ = ${fmt(budget.delta)}`;
    const total = epsilonWith(charges, candidate)!;
    if (total > budget.epsilon + 1e-9) {
      const use = budgetUseOf(charges);
      return `over budget: the run would spend ε = ${fmt(candidate.epsilon)}, but ${label} has ε = ${fmt(Math.max(0, use.remaining!.epsilon))} left of its budget ε = ${fmt(budget.epsilon)} (RDP composition at δ = ${fmt(budget.delta)}: with this run, the runs on its lineage would spend ε = ${fmt(total)}; spent ${fmt(use.spent.epsilon)}, reserved by running jobs ${fmt(use.reserved.epsilon)})`;
    }
  }
  return null;
}

/**
 * Plans a DP training run on a stored dataset version and, unless `dryRun`, starts it: checks that
 * the versions are ready and the target is a column, resolves the config (δ below 1/N, σ calibrated
 * from a target ε), refuses a private run whose preprocessing would be fitted on its private rows
 * (neither public data nor a declared schema; 422 naming the options), then, with the budgets of the version's lineage (ancestors and descendants) locked, refuses a run
 * that would train without DP on a budget that does not allow it, or whose planned mechanism composed
 * with the lineage's runs exceeds a budget (409), records the run with its zero ledger entry (its
 * reservation, or its non-private use) and the audit entry, and enqueues the `train` job after commit.
 */
export async function startTrainingRun(
  db: Db,
  principal: Principal,
  input: unknown,
  options: { enqueueJob?: boolean } = {},
): Promise<{ plan: TrainingPlan; run: TrainingRunView | null; job: JobView | null }> {
  const request = startTrainingRunSchema.parse(input);
  const train = await readyVersion(db, request.dataset, "dataset");
  const evalVersion = request.eval ? await readyVersion(db, request.eval, "eval") : null;
  const publicVersion = request.public ? await readyVersion(db, request.public, "public") : null;
  const columns = columnNames(train.columnSchema);
  if (!columns.includes(request.target)) {
    throw new AppError("bad_request", `target column "${request.target}" is not a column of ${request.dataset.name} v${request.dataset.version} (columns: ${columns.join(", ")})`, { field: "target" });
  }
  const count = train.rowCount ?? 0;
  if (count < 2) throw new AppError("unprocessable", `${request.dataset.name} v${request.dataset.version} has ${count} rows; training needs more`, { field: "dataset" });
  const resolved = resolveTrainConfig(request.config, count, "training");
  if (request.schema) {
    const declared = encodingFromSchema(request.schema, request.target).columns.map((c) => c.name);
    const unknown = declared.find((name) => !columns.includes(name));
    if (unknown !== undefined) throw new AppError("bad_request", `declared column "${unknown}" is not a column of ${request.dataset.name} v${request.dataset.version} (columns: ${columns.join(", ")})`, { field: "schema" });
  } else if (resolved.config.private && !publicVersion) {
    throw new AppError("unprocessable", privatePreprocessingRefusal({ public: "public", schema: "schema" }), { field: "schema" });
  }
  const versionIds = await relatedVersionIds(db, train.id);
  const candidate = plannedChargeOf({ train: resolved.config, plannedEpsilon: resolved.plannedEpsilon, steps: resolved.steps });
  const withoutDp = !resolved.config.private ? "a non-private run" : request.baseline ? "the run's non-private baseline" : null;
  const planOf = (budgets: BudgetCharges[]): TrainingPlan => ({
    plannedEpsilon: resolved.plannedEpsilon,
    delta: resolved.config.delta,
    noiseMultiplier: resolved.config.private ? resolved.config.noiseMultiplier! : null,
    steps: resolved.steps,
    accountant: resolved.config.accountant,
    budgets: budgets.map(budgetUseOf),
    refusal: refusalOf(candidate, withoutDp, budgets),
  });
  if (request.dryRun) return { plan: planOf(await budgetCharges(db, versionIds)), run: null, job: null };

  const runConfig: TrainingRunConfig = {
    train: resolved.config,
    plannedEpsilon: resolved.plannedEpsilon,
    steps: resolved.steps,
    target: request.target,
    evalDatasetVersionId: evalVersion?.id ?? null,
    publicDatasetVersionId: publicVersion?.id ?? null,
    baseline: request.baseline,
    ...(request.maxCategories ? { maxCategories: request.maxCategories } : {}),
    ...(request.schema ? { schema: request.schema } : {}),
  };
  const { plan, runId } = await db.$transaction(async (tx) => {
    await lockBudgets(tx, versionIds);
    const plan = planOf(await budgetCharges(tx, versionIds));
    if (plan.refusal) throw new AppError("conflict", plan.refusal, { plannedEpsilon: plan.plannedEpsilon, budgets: plan.budgets.filter((b) => b.budget) });
    const model = await tx.model.upsert({ where: { name: request.model }, create: { name: request.model, ownerId: principal.userId }, update: {}, select: { id: true } });
    const run = await tx.trainingRun.create({
      data: { modelId: model.id, datasetVersionId: train.id, config: runConfig as unknown as Prisma.InputJsonValue, createdById: principal.userId, progress: { step: 0, totalSteps: resolved.steps, epsilon: 0, curve: [] } },
      select: { id: true },
    });
    // A private run's mechanism starts with no step; a run without DP records its use (no ε).
    await tx.budgetLedgerEntry.create({
      data: { datasetVersionId: train.id, trainingRunId: run.id, epsilon: 0, delta: 0, usedWithoutDp: withoutDp !== null, ...(resolved.config.private ? { sgmRuns: [] } : {}) },
    });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "training_run.start",
      targetType: "training_run",
      targetId: run.id,
      details: { model: request.model, dataset: `${request.dataset.name} v${request.dataset.version}`, plannedEpsilon: resolved.plannedEpsilon, delta: resolved.config.delta, steps: resolved.steps, withoutDp: withoutDp !== null },
    });
    return { plan, runId: run.id };
  });
  // Without a job (the demo seed runs runTrainingJob itself, with no worker).
  const job = options.enqueueJob === false ? null : await enqueue(db, "train", { trainingRunId: runId }, { subjectType: "training_run", subjectId: runId, createdById: principal.userId });
  return { plan, run: await getTrainingRun(db, runId, principal), job };
}
