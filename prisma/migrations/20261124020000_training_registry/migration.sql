-- A run's ledger entry per dataset version is upserted at each checkpoint, so it is unique.
-- CreateIndex
CREATE UNIQUE INDEX "BudgetLedgerEntry_trainingRunId_datasetVersionId_key" ON "BudgetLedgerEntry"("trainingRunId", "datasetVersionId");
