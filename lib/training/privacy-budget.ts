// Privacy budgets per dataset version and what training runs consume of them. Composition is basic:
// the ε (and δ) of runs on a version add up (Dwork & Roth 2014, Theorem 3.16). A run on a derived
// version consumes the budget of every ancestor too, since its records came from them.
// A run holds a ledger entry on its training version and each ancestor from the moment it starts:
// upserted to the accountant's ε at each checkpoint, and while the run is queued or active, the rest
// of its planned ε is reserved, so two runs started together cannot both spend the same remainder.
import type { Db, Tx } from "../db/index.ts";
import { loadLineageGraph } from "../governance/index.ts";

export interface EpsilonDelta {
  epsilon: number;
  delta: number;
}

export interface VersionBudgetUse {
  datasetVersionId: string;
  /** "customers v3" */
  label: string;
  budget: EpsilonDelta | null;
  /** Recorded by the ledger (checkpointed ε of every run). */
  spent: EpsilonDelta;
  /** Planned but not yet spent by queued or active runs. */
  reserved: EpsilonDelta;
  /** budget − spent − reserved; null without a budget. May be negative when a budget was lowered. */
  remaining: EpsilonDelta | null;
}

/** Ids of a version and all its ancestors (lib/governance lineage), the version first. */
export async function lineageVersionIds(db: Db | Tx, datasetVersionId: string): Promise<string[]> {
  const graph = await loadLineageGraph(db, datasetVersionId);
  return [datasetVersionId, ...[...graph.versions.keys()].filter((id) => id !== datasetVersionId)];
}

const ACTIVE = new Set(["queued", "active"]);

/** Planned ε of a run, kept in TrainingRun.config. */
export function plannedOf(config: unknown): EpsilonDelta {
  const c = (config ?? {}) as { plannedEpsilon?: unknown; train?: { delta?: unknown; private?: unknown } };
  if (c.train?.private === false) return { epsilon: 0, delta: 0 };
  return { epsilon: typeof c.plannedEpsilon === "number" ? c.plannedEpsilon : 0, delta: typeof c.train?.delta === "number" ? c.train.delta : 0 };
}

/**
 * Budget use of each version in `versionIds` (budget, spent, reserved, remaining), leaving out the
 * run `excludeRunId` (so a run can ask what the others leave it).
 */
export async function budgetUse(db: Db | Tx, versionIds: string[], excludeRunId?: string): Promise<VersionBudgetUse[]> {
  // One query after the other: inside a transaction both would share one connection, where pg warns
  // about (and from pg 9 rejects) a query sent while another is still running.
  const versions = await db.datasetVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, version: true, dataset: { select: { name: true } }, budget: { select: { epsilon: true, delta: true } } } });
  const entries = await db.budgetLedgerEntry.findMany({
    where: { datasetVersionId: { in: versionIds }, ...(excludeRunId ? { trainingRunId: { not: excludeRunId } } : {}) },
    select: { datasetVersionId: true, trainingRunId: true, epsilon: true, delta: true, trainingRun: { select: { status: true, config: true } } },
  });
  // A run whose job ended without it (cancelled before a worker took it, failed after its retries)
  // reserves nothing, whatever its own status says.
  const activeRunIds = [...new Set(entries.filter((e) => ACTIVE.has(e.trainingRun.status)).map((e) => e.trainingRunId))];
  const endedJobs = activeRunIds.length
    ? await db.job.findMany({ where: { subjectType: "training_run", subjectId: { in: activeRunIds }, status: { in: ["cancelled", "failed"] } }, select: { subjectId: true } })
    : [];
  const ended = new Set(endedJobs.map((job) => job.subjectId));
  const byId = new Map(versions.map((v) => [v.id, v]));
  return versionIds.flatMap((id) => {
    const version = byId.get(id);
    if (!version) return [];
    const spent = { epsilon: 0, delta: 0 };
    const reserved = { epsilon: 0, delta: 0 };
    for (const entry of entries) {
      if (entry.datasetVersionId !== id) continue;
      spent.epsilon += entry.epsilon;
      spent.delta += entry.delta;
      if (ACTIVE.has(entry.trainingRun.status) && !ended.has(entry.trainingRunId)) {
        const planned = plannedOf(entry.trainingRun.config);
        reserved.epsilon += Math.max(0, planned.epsilon - entry.epsilon);
        reserved.delta += Math.max(0, planned.delta - entry.delta);
      }
    }
    const budget = version.budget;
    return [
      {
        datasetVersionId: id,
        label: `${version.dataset.name} v${version.version}`,
        budget,
        spent,
        reserved,
        remaining: budget ? { epsilon: budget.epsilon - spent.epsilon - reserved.epsilon, delta: budget.delta - spent.delta - reserved.delta } : null,
      },
    ];
  });
}

/** The least remaining ε and δ over the versions with a budget (each its own minimum); null when none has one. */
export function tightestRemaining(uses: VersionBudgetUse[]): (EpsilonDelta & { label: string }) | null {
  const limited = uses.filter((use) => use.remaining !== null);
  if (limited.length === 0) return null;
  const byEpsilon = limited.reduce((a, b) => (b.remaining!.epsilon < a.remaining!.epsilon ? b : a));
  return { epsilon: byEpsilon.remaining!.epsilon, delta: Math.min(...limited.map((use) => use.remaining!.delta)), label: byEpsilon.label };
}

/** Serialises budget checks on these versions until the transaction ends (sorted: no deadlock). */
export async function lockBudgets(tx: Tx, versionIds: string[]): Promise<void> {
  for (const id of [...versionIds].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`budget:${id}`}))`;
}
