-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN "versionCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill (hand-written: Prisma would not generate data changes)
UPDATE "Dataset" d SET "versionCount" = (SELECT count(*) FROM "DatasetVersion" v WHERE v."datasetId" = d."id");

-- CreateIndex
CREATE INDEX "Dataset_updatedAt_idx" ON "Dataset"("updatedAt");

-- CreateIndex
CREATE INDEX "Dataset_versionCount_idx" ON "Dataset"("versionCount");

-- CreateIndex
CREATE INDEX "DatasetVersion_storageKey_idx" ON "DatasetVersion"("storageKey");
