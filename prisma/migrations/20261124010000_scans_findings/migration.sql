-- License rules are code (lib/governance LICENSE_RULES); the table duplicated them and was never read.
-- DropTable
DROP TABLE "License";
