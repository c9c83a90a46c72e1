import type { Db } from "../db/index.ts";
import type { TrainConfig } from "../dp/index.ts";
import type { TrainingRunRow } from "./load-training-run.ts";
import { budgetCharges, epsilonWith, relatedVersionIds, type BudgetCharges } from "./privacy-budget.ts";
import type { TrainingRunConfig } from "./training-run-config.ts";

/**
 * The most steps this run may take with every budget of its lineage holding: its mechanism after s
 * steps, composed with the other runs' on each budget (ε is monotone in steps).
 */
export function stepsWithin(config: TrainConfig, steps: number, budgets: BudgetCharges[]): number {
  const limited = budgets.filter((charges) => charges.budget !== null);
  if (!config.private || limited.length === 0) return steps;
  if (limited.some((charges) => config.delta > charges.budget!.delta * (1 + 1e-9))) return 0;
  // With its curve known, a charge's own ε is not used by the composition.
  const after = (s: number) => ({ epsilon: 0, delta: config.delta, sgmRuns: [{ noiseMultiplier: config.noiseMultiplier!, sampleRate: config.sampleRate, steps: s }] });
  const fits = (s: number) => limited.every((charges) => epsilonWith(charges, after(s))! <= charges.budget!.epsilon + 1e-9);
  if (fits(steps)) return steps;
  let low = 0;
  let high = steps;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** The steps the run may take with the budgets as they are now (a lowered budget shortens it). */
export async function allowedSteps(db: Db, run: TrainingRunRow, config: TrainingRunConfig): Promise<number> {
  const budgets = await budgetCharges(db, await relatedVersionIds(db, run.datasetVersion.id), run.id);
  return stepsWithin(config.train, config.steps, budgets);
}
