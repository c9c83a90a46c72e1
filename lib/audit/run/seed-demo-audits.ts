import type { Principal } from "../../auth/index.ts";
import type { Db } from "../../db/index.ts";
import { startScoresAudit, type StartedAudit } from "./start-audit.ts";

/**
 * Demo data for the audits area (scripts/seed.ts may call it): a scores-only audit of an external
 * "vendor" model claiming ε = 1 whose certified bound exceeds the claim (half its members score above
 * every non-member), queued for the audit worker. Its members were not chosen at random, so the report
 * shows that as evidence, not a verdict, with the certified bound beside the exploratory one. Every audit of a model version needs a trained model, so
 * those come from the models area's seed.
 */
export async function seedDemoAudits(db: Db, principal: Principal): Promise<StartedAudit[]> {
  const n = 500;
  const members = Array.from({ length: n }, (_, i) => 2 + (4 * (i + 0.5)) / n);
  const nonMembers = Array.from({ length: n }, (_, i) => (4 * (i + 0.5)) / n);
  return [await startScoresAudit(db, principal, { subject: "vendor-churn-model (external)", claimedEpsilon: 1 }, JSON.stringify({ members, nonMembers }))];
}
