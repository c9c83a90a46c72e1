// Privacy budgets per dataset version and what training runs charge to them. A budget counts every
// run on its version's lineage, ancestors and descendants alike: a run on a derived version trains on
// records of its ancestors, and a run on an ancestor on the records its descendants were derived from.
// Runs compose by their RDP curves, converted once at the budget's δ (compose-ledger.ts); the summed
// (basic composition) figures are kept beside them to show the saving.
// Each run has one ledger entry, on the version it trained on, from the moment it starts: upserted to
// the accountant's ε and mechanism at each checkpoint; while the run is queued or active the rest of its
// planned steps are reserved, so two runs started together cannot both spend the same remainder.
import type { AccountantHistoryEntry } from "../dp/index.ts";
import { ADVISORY_LOCK_CLASSES, type Db, type Tx } from "../db/index.ts";
import { loadLineageGraph } from "../governance/index.ts";
import { composeLedger, type EpsilonDelta, type LedgerCharge } from "./compose-ledger.ts";
import { readTrainingRunConfig } from "./training-run-config.ts";

export type { EpsilonDelta } from "./compose-ledger.ts";

export interface VersionBudgetUse {
  datasetVersionId: string;
  /** "customers v3" */
  label: string;
  budget: EpsilonDelta | null;
  /** Whether a compliance officer or admin allowed training without DP on this budget's data. */
  allowNonPrivate: boolean;
  /** "rdp": RDP curves composed and converted at the budget's δ (entries without a curve summed); "basic" without a budget (no δ to convert at). */
  composition: "rdp" | "basic";
  /** Recorded by the ledger (checkpointed runs of the lineage). */
  spent: EpsilonDelta;
  /** Added by the planned steps of queued or active runs. */
  reserved: EpsilonDelta;
  /** budget − spent − reserved; null without a budget. May be negative when a budget was lowered. */
  remaining: EpsilonDelta | null;
  /** The same runs under basic composition (ε and δ summed), as the ledger charged before RDP composition. */
  summed: { spent: EpsilonDelta; reserved: EpsilonDelta };
  /** ε the RDP composition saves over summing, on spent and reserved together; null without a budget. */
  saving: number | null;
  /** Runs on the lineage that trained without DP (non-private runs, baselines of DP runs). */
  nonPrivateRuns: number;
}

/** What a budget's runs charge it: checkpointed, and with the rest of active runs' plans. */
export interface BudgetCharges {
  datasetVersionId: string;
  label: string;
  budget: (EpsilonDelta & { allowNonPrivate: boolean }) | null;
  spent: LedgerCharge[];
  committed: LedgerCharge[];
  nonPrivateRuns: number;
}

/** Ids of a version, its ancestors and its descendants (lib/governance lineage), the version first. */
export async function relatedVersionIds(db: Db | Tx, datasetVersionId: string): Promise<string[]> {
  const graph = await loadLineageGraph(db, datasetVersionId, { descendants: true });
  return [datasetVersionId, ...[...graph.versions.keys()].filter((id) => id !== datasetVersionId)];
}

const ACTIVE = new Set(["queued", "active"]);

/** The mechanism a run plans, from TrainingRun.config: null for a non-private run. */
export function plannedChargeOf(config: unknown): LedgerCharge | null {
  const { train, plannedEpsilon, steps } = readTrainingRunConfig(config);
  if (!train?.private || train.noiseMultiplier === undefined) return null;
  return { epsilon: plannedEpsilon ?? 0, delta: train.delta, sgmRuns: [{ noiseMultiplier: train.noiseMultiplier, sampleRate: train.sampleRate, steps }] };
}

/** An active run's charge once it has taken every planned step: its checkpointed mechanism, then the rest of the plan. */
function committedCharge(spent: LedgerCharge, planned: LedgerCharge): LedgerCharge {
  const done = (spent.sgmRuns ?? []).reduce((sum, run) => sum + run.steps, 0);
  const [plan] = planned.sgmRuns!;
  return {
    epsilon: Math.max(spent.epsilon, planned.epsilon),
    delta: Math.max(spent.delta, planned.delta),
    sgmRuns: [...(spent.sgmRuns ?? []), { ...plan!, steps: Math.max(0, plan!.steps - done) }],
  };
}

/**
 * The charges on each version of `versionIds` that is the first or has a budget, leaving out the run
 * `excludeRunId` (so a run can ask what the others leave it). Queries run one after the other: inside
 * a transaction they share one connection, where pg rejects a query sent while another runs.
 */
export async function budgetCharges(db: Db | Tx, versionIds: string[], excludeRunId?: string): Promise<BudgetCharges[]> {
  const versions = await db.datasetVersion.findMany({
    where: { id: { in: versionIds } },
    select: { id: true, version: true, dataset: { select: { name: true } }, budget: { select: { epsilon: true, delta: true, allowNonPrivate: true } } },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const wanted = versionIds.filter((id, index) => byId.has(id) && (index === 0 || byId.get(id)!.budget !== null));
  const lineages = new Map<string, Set<string>>();
  for (const id of wanted) lineages.set(id, new Set(await relatedVersionIds(db, id)));
  const entries = await db.budgetLedgerEntry.findMany({
    where: { datasetVersionId: { in: [...new Set([...lineages.values()].flatMap((ids) => [...ids]))] }, ...(excludeRunId ? { trainingRunId: { not: excludeRunId } } : {}) },
    select: { datasetVersionId: true, trainingRunId: true, epsilon: true, delta: true, sgmRuns: true, usedWithoutDp: true, trainingRun: { select: { status: true, config: true } } },
  });
  // A run whose job ended without it (cancelled before a worker took it, failed after its retries)
  // reserves nothing, whatever its own status says.
  const activeRunIds = [...new Set(entries.filter((e) => ACTIVE.has(e.trainingRun.status)).map((e) => e.trainingRunId))];
  const endedJobs = activeRunIds.length
    ? await db.job.findMany({ where: { subjectType: "training_run", subjectId: { in: activeRunIds }, status: { in: ["cancelled", "failed"] } }, select: { subjectId: true } })
    : [];
  const ended = new Set(endedJobs.map((job) => job.subjectId));
  return wanted.map((id) => {
    const version = byId.get(id)!;
    const lineage = lineages.get(id)!;
    const onLineage = entries.filter((entry) => lineage.has(entry.datasetVersionId));
    const spent: LedgerCharge[] = [];
    const committed: LedgerCharge[] = [];
    for (const entry of onLineage) {
      const charge = { epsilon: entry.epsilon, delta: entry.delta, sgmRuns: entry.sgmRuns as AccountantHistoryEntry[] | null };
      const planned = ACTIVE.has(entry.trainingRun.status) && !ended.has(entry.trainingRunId) ? plannedChargeOf(entry.trainingRun.config) : null;
      spent.push(charge);
      committed.push(planned ? committedCharge(charge, planned) : charge);
    }
    return {
      datasetVersionId: id,
      label: `${version.dataset.name} v${version.version}`,
      budget: version.budget,
      spent,
      committed,
      nonPrivateRuns: onLineage.filter((entry) => entry.usedWithoutDp).length,
    };
  });
}

const sum = (charges: LedgerCharge[]): EpsilonDelta => charges.reduce((total, c) => ({ epsilon: total.epsilon + c.epsilon, delta: total.delta + c.delta }), { epsilon: 0, delta: 0 });
const minus = (a: EpsilonDelta, b: EpsilonDelta): EpsilonDelta => ({ epsilon: a.epsilon - b.epsilon, delta: a.delta - b.delta });

/** ε the budget's runs would spend together with `candidate` (RDP-composed at the budget's δ); null without a budget. */
export function epsilonWith(charges: BudgetCharges, candidate: LedgerCharge): number | null {
  return charges.budget ? composeLedger([...charges.committed, candidate], charges.budget.delta).composed.epsilon : null;
}

/** The figures of one budget: RDP-composed with a budget, summed without one, and both side by side. */
export function budgetUseOf(charges: BudgetCharges): VersionBudgetUse {
  const { budget } = charges;
  const summedSpent = sum(charges.spent);
  const summedCommitted = sum(charges.committed);
  const spent = budget ? composeLedger(charges.spent, budget.delta).composed : summedSpent;
  const committed = budget ? composeLedger(charges.committed, budget.delta).composed : summedCommitted;
  return {
    datasetVersionId: charges.datasetVersionId,
    label: charges.label,
    budget: budget && { epsilon: budget.epsilon, delta: budget.delta },
    allowNonPrivate: budget?.allowNonPrivate ?? false,
    composition: budget ? "rdp" : "basic",
    spent,
    reserved: minus(committed, spent),
    remaining: budget && minus(budget, committed),
    summed: { spent: summedSpent, reserved: minus(summedCommitted, summedSpent) },
    saving: budget && summedCommitted.epsilon - committed.epsilon,
    nonPrivateRuns: charges.nonPrivateRuns,
  };
}

/** Budget use of each version in `versionIds` that is the first or has a budget (see budgetCharges). */
export async function budgetUse(db: Db | Tx, versionIds: string[], excludeRunId?: string): Promise<VersionBudgetUse[]> {
  return (await budgetCharges(db, versionIds, excludeRunId)).map(budgetUseOf);
}

/**
 * Whether a run that started on this version's lineage trained without DP (a non-private run, or a DP
 * run's baseline): what every scorecard of a model trained on this data says.
 */
export async function usedWithoutDp(db: Db | Tx, datasetVersionId: string): Promise<boolean> {
  const lineage = await relatedVersionIds(db, datasetVersionId);
  return (await db.budgetLedgerEntry.count({ where: { datasetVersionId: { in: lineage }, usedWithoutDp: true, trainingRun: { startedAt: { not: null } } } })) > 0;
}

/** Serialises budget checks on these versions until the transaction ends (sorted: no deadlock). */
export async function lockBudgets(tx: Tx, versionIds: string[]): Promise<void> {
  for (const id of [...versionIds].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.budget}::int, hashtext(${id}))`;
}
