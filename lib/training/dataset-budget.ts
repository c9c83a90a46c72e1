import { appendAuditLog } from "../audit-log/index.ts";
import { actsAs, type Principal } from "../auth/principal.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { budgetUse, lineageVersionIds, lockBudgets, type VersionBudgetUse } from "./privacy-budget.ts";
import { setBudgetSchema } from "./schemas.ts";

export interface LedgerRow {
  trainingRunId: string;
  model: string;
  modelVersion: number | null;
  runStatus: string;
  /** The version this entry is on: this one, or a descendant trained on (consuming this budget). */
  trainedOn: string;
  epsilon: number;
  delta: number;
  createdAt: Date;
}

export interface DatasetBudgetView {
  datasetVersionId: string;
  /** This version's budget and use, then its ancestors' (a run here consumes theirs too). */
  uses: VersionBudgetUse[];
  ledger: LedgerRow[];
  composition: "basic";
}

async function versionId(db: Db | Tx, name: string, version: number) {
  const found = Number.isSafeInteger(version)
    ? await db.datasetVersion.findFirst({ where: { dataset: { name }, version }, select: { id: true, dataset: { select: { id: true, ownerId: true } } } })
    : null;
  if (!found) throw new AppError("not_found", `dataset "${name}" has no version ${version}`, { name, version });
  return found;
}

/** A version's budget, what runs spent and reserve of it and of its ancestors', and its ledger. */
export async function getDatasetBudget(db: Db | Tx, name: string, version: number): Promise<DatasetBudgetView> {
  const { id } = await versionId(db, name, version);
  const [uses, entries] = await Promise.all([
    budgetUse(db, await lineageVersionIds(db, id)),
    db.budgetLedgerEntry.findMany({
      where: { datasetVersionId: id },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        epsilon: true,
        delta: true,
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
      createdAt: e.createdAt,
    })),
    composition: "basic",
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
