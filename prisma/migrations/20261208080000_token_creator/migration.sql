-- Issue 13, item 10: a service account's token answers to the person who minted it, and a model
-- version uploaded with such a token records that person, who then may not approve it.
-- Existing tokens keep a null creator (it was not recorded).
ALTER TABLE "ApiToken" ADD COLUMN "createdById" TEXT;
ALTER TABLE "ModelVersion" ADD COLUMN "tokenCreatedById" TEXT;

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_tokenCreatedById_fkey" FOREIGN KEY ("tokenCreatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
