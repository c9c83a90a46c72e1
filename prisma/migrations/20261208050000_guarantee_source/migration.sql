-- Issue 12, item 9: a guarantee says who vouches for it. Versions a Canary training run produced carry
-- the accountant's (ε, δ); every other version with an (ε, δ) had it declared by its uploader.
CREATE TYPE "GuaranteeSource" AS ENUM ('accountant', 'declared');

ALTER TABLE "ModelVersion" ADD COLUMN "guaranteeSource" "GuaranteeSource";

UPDATE "ModelVersion" v
SET "guaranteeSource" = CASE
    WHEN v."source" = 'trained' OR EXISTS (SELECT 1 FROM "TrainingRun" r WHERE r."modelVersionId" = v."id") THEN 'accountant'::"GuaranteeSource"
    ELSE 'declared'::"GuaranteeSource"
  END
WHERE v."epsilon" IS NOT NULL;

-- The column replaces config.guaranteeStatus, which said the same thing.
UPDATE "ModelVersion" SET "config" = "config" - 'guaranteeStatus' WHERE "config" ? 'guaranteeStatus';
