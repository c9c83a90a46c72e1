import { randomBytes } from "node:crypto";
import pg from "pg";

// Test support: a private, uniquely named database on the same server as DATABASE_URL, for tests that need
// a database to themselves (the shared test database has other test files writing to it concurrently).

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  /** Clone this database. It must have no other connections: use the migrated template the vitest global
   * setup leaves in CANARY_TEST_TEMPLATE_DB, never the shared test database itself. */
  template?: string;
  /** The server to create it on; defaults to DATABASE_URL. The user needs CREATEDB (canary has it). */
  baseUrl?: string;
}

/** Creates `canary_<prefix>_<random>`; `drop()` removes it even if connections are still open. */
export async function createScratchDatabase(prefix: string, options: ScratchDatabaseOptions = {}): Promise<ScratchDatabase> {
  const baseUrl = options.baseUrl ?? process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("createScratchDatabase: DATABASE_URL is not set");
  if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error(`createScratchDatabase: prefix "${prefix}" must be lower-case letters, digits, _`);
  const name = `canary_${prefix}_${randomBytes(4).toString("hex")}`;
  await admin(baseUrl, `CREATE DATABASE ${name}${options.template ? ` TEMPLATE "${options.template.replace(/"/g, '""')}"` : ""}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(baseUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
