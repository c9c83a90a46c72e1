import { appendAuditLog } from "../audit-log/index.ts";
import { actsAs, principalCan, type Principal } from "../auth/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { AccountantHistoryEntry } from "../dp/index.ts";
import { budgetUse, lockBudgets, relatedVersionIds, type VersionBudgetUse } from "./privacy-budget.ts";
import { setBudgetSchema, setNonPrivateUseSchema } from "./schemas.ts";

export interface LedgerRow {
  trainingRunId: string;
  model: string;
  modelVersion: number | null;
  runStatus: string;
  /** The version the run trained on: this one, an ancestor or a descendant (each counts against this budget). */
  trainedOn: string;
  /** As the run's accountant reported it, at the run's δ. */
  epsilon: number;
  delta: number;
  /** The run's mechanism, (σ, q, steps), whose RDP curve the budget composes; null when not known (its ε is summed). */
  sgmRuns: AccountantHistoryEntry[] | null;
  /** The run trained without DP on this data (a non-private run, or a DP run's baseline). */
  usedWithoutDp: boolean;
  createdAt: Date;
}

export interface DatasetBudgetView {
  datasetVersionId: string;
  /** This version's budget and use, then every budget on its lineage (a run here counts against each). */
  uses: VersionBudgetUse[];
  /** The runs on this version, its ancestors and its descendants, newest first. */
  ledger: LedgerRow[];
}

async function versionId(db: Db | Tx, name: string, version: number) {
  const found = Number.isSafeInteger(version)
    ? await db.datasetVersion.findFirst({ where: { dataset: { name }, version }, select: { id: true, dataset: { select: { id: true, ownerId: true } } } })
    : null;
  if (!found) throw new AppError("not_found", `dataset "${name}" has no version ${version}`, { name, version });
  return found;
}

/** A version's budget, what the runs on its lineage spent and reserve of it and of the lineage's other budgets, and the ledger. */
export async function getDatasetBudget(db: Db | Tx, name: string, version: number): Promise<DatasetBudgetView> {
  const { id } = await versionId(db, name, version);
  const lineage = await relatedVersionIds(db, id);
  const [uses, entries] = await Promise.all([
    budgetUse(db, lineage),
    db.budgetLedgerEntry.findMany({
      where: { datasetVersionId: { in: lineage } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        epsilon: true,
        delta: true,
        sgmRuns: true,
        usedWithoutDp: true,
        createdAt: true,
        trainingRun: {
          select: {
            id: true,
            status: true,
            model: { select: { name: true } },
            modelVersion: { select: { version: true } },
            datasetVersion: { select: { version: true, dataset: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  return {
    datasetVersionId: id,
    uses,
    ledger: entries.map((e) => ({
      trainingRunId: e.trainingRun.id,
      model: e.trainingRun.model.name,
      modelVersion: e.trainingRun.modelVersion?.version ?? null,
      runStatus: e.trainingRun.status,
      trainedOn: `${e.trainingRun.datasetVersion.dataset.name} v${e.trainingRun.datasetVersion.version}`,
      epsilon: e.epsilon,
      delta: e.delta,
      sgmRuns: e.sgmRuns as AccountantHistoryEntry[] | null,
      usedWithoutDp: e.usedWithoutDp,
      createdAt: e.createdAt,
    })),
  };
}

/**
 * Sets (or replaces) a version's (ε, δ) budget. Only the dataset's owner or an admin may.
 * A budget below what is already spent is allowed: no further run starts on the version.
 * @throws AppError forbidden for anyone else, not_found for an unknown version.
 */
export async function setDatasetBudget(db: Db, principal: Principal, name: string, version: number, input: unknown): Promise<DatasetBudgetView> {
  const { epsilon, delta } = setBudgetSchema.parse(input);
  await db.$transaction(async (tx) => {
    const found = await versionId(tx, name, version);
    const owner = actsAs(principal, found.dataset.ownerId);
    const overseer = principal.roles.includes("admin") || principal.roles.includes("compliance_officer");
    if (!owner && !overseer) {
      throw new AppError("forbidden", `only the owner of dataset "${name}", a compliance officer or an admin may set its privacy budget`);
    }
    await lockBudgets(tx, [found.id]);
    const before = await tx.privacyBudget.findUnique({ where: { datasetVersionId: found.id }, select: { epsilon: true, delta: true } });
    // Separation of duties: the owner sets a first budget or lowers it; raising it takes someone else.
    if (owner && before && (epsilon > before.epsilon || delta > before.delta)) {
      throw new AppError("forbidden", `separation of duties: you own "${name}", so a compliance officer or an admin must raise its privacy budget`, { reason: "separation_of_duties" });
    }
    await tx.privacyBudget.upsert({ where: { datasetVersionId: found.id }, create: { datasetVersionId: found.id, epsilon, delta }, update: { epsilon, delta } });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "privacy_budget.set",
      targetType: "dataset_version",
      targetId: found.id,
      details: { dataset: name, version, epsilon, delta, previous: before },
    });
  });
  return getDatasetBudget(db, name, version);
}

/**
 * Allows (or forbids again) training without DP on a version with a budget: non-private runs and
 * DP runs' baselines on its lineage. A compliance officer or admin may (`budgets.allow_non_private`),
 * never the dataset's owner; audit-logged in the same transaction.
 * @throws AppError forbidden for anyone else, not_found for an unknown version, conflict without a budget.
 */
export async function setNonPrivateUse(db: Db, principal: Principal, name: string, version: number, input: unknown): Promise<DatasetBudgetView> {
  const { allowed, reason } = setNonPrivateUseSchema.parse(input);
  if (!principalCan(principal, "budgets.allow_non_private")) {
    throw new AppError("forbidden", "only a compliance officer or an admin may allow non-private use of a dataset with a privacy budget");
  }
  await db.$transaction(async (tx) => {
    const found = await versionId(tx, name, version);
    if (actsAs(principal, found.dataset.ownerId)) {
      throw new AppError("forbidden", `the owner of dataset "${name}" (or a token they minted) may not allow non-private use of its own data: another compliance officer or admin must`, { reason: "separation_of_duties" });
    }
    await lockBudgets(tx, [found.id]);
    const budget = await tx.privacyBudget.findUnique({ where: { datasetVersionId: found.id }, select: { allowNonPrivate: true } });
    if (!budget) throw new AppError("conflict", `${name} v${version} has no privacy budget: training without DP on it is not restricted`);
    await tx.privacyBudget.update({ where: { datasetVersionId: found.id }, data: { allowNonPrivate: allowed } });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "privacy_budget.non_private_use",
      targetType: "dataset_version",
      targetId: found.id,
      details: { dataset: name, version, allowed, previous: budget.allowNonPrivate, reason: reason ?? null },
    });
  });
  return getDatasetBudget(db, name, version);
}
