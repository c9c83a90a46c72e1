-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "details" JSONB,
ADD COLUMN     "subjectId" TEXT,
ADD COLUMN     "subjectType" TEXT;

-- AlterTable
ALTER TABLE "Schedule" ADD COLUMN     "config" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastStatus" TEXT,
ADD COLUMN     "webhookUrl" TEXT;

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN     "evidenceHashes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Notification_subjectType_subjectId_idx" ON "Notification"("subjectType", "subjectId");
