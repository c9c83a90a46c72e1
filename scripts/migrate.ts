// Applies prisma/migrations to DATABASE_URL: `npx tsx scripts/migrate.ts [--reset] [--force]`.
// --reset drops and recreates the schema first; it refuses a database whose name does not end in _test
// unless --force is given, so a slip never wipes the demo data.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../lib/db/migrate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !["--reset", "--force"].includes(a));
if (unknown.length > 0) {
  console.error(`migrate: unknown option ${unknown.join(" ")} (usage: npx tsx scripts/migrate.ts [--reset] [--force])`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("migrate: DATABASE_URL is not set (source scripts/env.sh first)");
  process.exit(2);
}
const databaseName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
const reset = args.has("--reset");
if (reset && !databaseName.endsWith("_test") && !args.has("--force")) {
  console.error(`migrate: --reset would erase database "${databaseName}"; add --force if that is really what you want`);
  process.exit(2);
}

try {
  const result = await applyMigrations(databaseUrl, path.join(root, "prisma", "migrations"), { reset });
  const what = result.applied.length > 0 ? `applied ${result.applied.join(", ")}` : "nothing to apply";
  console.log(
    `migrate: ${databaseName}${reset ? " (reset)" : ""}: ${what}; ${result.alreadyApplied.length} already applied (via ${result.via})`,
  );
  if (result.unknownInDatabase.length > 0) {
    console.warn(`migrate: applied in the database but not in prisma/migrations: ${result.unknownInDatabase.join(", ")}`);
  }
} catch (error) {
  console.error(`migrate: ${databaseName}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
