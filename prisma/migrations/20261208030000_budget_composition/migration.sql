-- Budgets: RDP composition across runs, non-private use recorded and allowed by a switch, and one
-- ledger entry per run on the version it trained on (budgets reach ancestors and descendants through
-- lineage, so the copies on ancestors go).
DELETE FROM "BudgetLedgerEntry" e USING "TrainingRun" r WHERE e."trainingRunId" = r."id" AND e."datasetVersionId" <> r."datasetVersionId";

-- AlterTable
ALTER TABLE "BudgetLedgerEntry" ADD COLUMN "sgmRuns" JSONB,
ADD COLUMN "usedWithoutDp" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PrivacyBudget" ADD COLUMN "allowNonPrivate" BOOLEAN NOT NULL DEFAULT false;

-- The curve of every run that registered a version: its (σ, q, steps) are on the version.
UPDATE "BudgetLedgerEntry" e
SET "sgmRuns" = jsonb_build_array(jsonb_build_object('noiseMultiplier', v."noiseMultiplier", 'sampleRate', v."sampleRate", 'steps', v."steps"))
FROM "TrainingRun" r JOIN "ModelVersion" v ON v."id" = r."modelVersionId"
WHERE e."trainingRunId" = r."id" AND v."noiseMultiplier" IS NOT NULL AND v."sampleRate" IS NOT NULL AND v."steps" IS NOT NULL;

-- Baselines trained beside DP runs used the data without DP.
UPDATE "BudgetLedgerEntry" e SET "usedWithoutDp" = true
FROM "TrainingRun" r WHERE e."trainingRunId" = r."id" AND r."config"->>'baseline' = 'true';

-- Non-private runs had no entry: record their use.
INSERT INTO "BudgetLedgerEntry" ("id", "datasetVersionId", "trainingRunId", "epsilon", "delta", "usedWithoutDp", "createdAt")
SELECT gen_random_uuid()::text, r."datasetVersionId", r."id", 0, 0, true, r."createdAt"
FROM "TrainingRun" r
WHERE r."config"->'train'->>'private' = 'false'
  AND NOT EXISTS (SELECT 1 FROM "BudgetLedgerEntry" e WHERE e."trainingRunId" = r."id");
