-- AlterTable
ALTER TABLE "LeakageAudit" ADD COLUMN     "checkpoint" JSONB,
ALTER COLUMN "modelVersionId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "LeakageAudit_createdAt_idx" ON "LeakageAudit"("createdAt");
