// Test support for e2e/scorecard-signoff.spec.ts, run with tsx in its own process (Playwright's
// loader does not load the Prisma client): a model with three graded versions and their evidence,
// written straight to the database until the models and audits areas' API can produce them.
//   tsx e2e/scorecard-fixtures.ts setup            → prints { model } as JSON
//   tsx e2e/scorecard-fixtures.ts restore-policy   → saves the default policy as a new version
import { randomUUID } from "node:crypto";
import { getDb } from "../lib/db/index.ts";
import { ensureEnvironments, promote } from "../lib/deploy/index.ts";
import { defaultPolicy } from "../lib/policy/index.ts";
import { decideScorecard, ensureDefaultPolicy, recomputeScorecard, savePolicyVersion } from "../lib/scorecard/index.ts";
import { principalOfUser, type Principal } from "../lib/auth/index.ts";
import { audit, datasetVersion, modelVersion, piiScan } from "../lib/scorecard/evidence-rows.test-support.ts";

async function demoPrincipal(email: string): Promise<Principal> {
  return principalOfUser(await getDb().user.findUniqueOrThrow({ where: { email }, include: { roles: true } }));
}

async function setup() {
  const db = getDb();
  const [admin, engineer, officer] = await Promise.all(["admin@canary.local", "engineer@canary.local", "compliance@canary.local"].map(demoPrincipal));
  await ensureDefaultPolicy(db, admin!.userId);
  await ensureEnvironments(db);
  const model = `e2e-churn-${randomUUID().slice(0, 8)}`;
  const data = await datasetVersion(db, engineer!);
  await piiScan(db, data.id, ["low", "medium"]);

  // v1: DP, barely leaking, approved and in production: the last known-good version.
  const v1 = await modelVersion(db, engineer!, { model, dp: { epsilon: 1, delta: 1e-5 }, accuracy: 0.85, baselineAccuracy: 0.88, trainDatasetVersionId: data.id });
  await audit(db, v1.id, engineer!, { auc: 0.505, tpr: 0.001, epsilonLowerBound: 0.2 });
  const card1 = (await recomputeScorecard(db, v1.id, "training completed")).scorecard;
  await decideScorecard(db, officer!, { scorecardId: card1.id, decision: "approved", comment: "DP at ε = 1, audit near chance" });
  await promote(db, engineer!, { model, version: 1, environment: "production", reason: "first release" });

  // v2: no DP, leaking; v3: DP, better utility, a little more leakage. Both await sign-off.
  const v2 = await modelVersion(db, engineer!, { model, dp: null, accuracy: 0.9, baselineAccuracy: 0.9, trainDatasetVersionId: data.id });
  await audit(db, v2.id, engineer!, { auc: 0.71, tpr: 0.09, epsilonLowerBound: 4.2 });
  await recomputeScorecard(db, v2.id, "training completed");
  const v3 = await modelVersion(db, engineer!, { model, dp: { epsilon: 2.5, delta: 1e-5 }, accuracy: 0.87, baselineAccuracy: 0.9, trainDatasetVersionId: data.id });
  await audit(db, v3.id, engineer!, { auc: 0.53, tpr: 0.004, epsilonLowerBound: 1.1 });
  await recomputeScorecard(db, v3.id, "audit completed");
  return { model };
}

async function restorePolicy() {
  const admin = await demoPrincipal("admin@canary.local");
  await savePolicyVersion(getDb(), admin, { document: defaultPolicy() });
  return { restored: true };
}

const command = process.argv[2];
const result = command === "setup" ? await setup() : command === "restore-policy" ? await restorePolicy() : null;
if (!result) throw new Error(`unknown command ${JSON.stringify(command)}: setup | restore-policy`);
process.stdout.write(`${JSON.stringify(result)}\n`);
await getDb().$disconnect();
