import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Creates a client on its own pool; tests and scripts pass their own URL. */
export function createDb(databaseUrl = process.env.DATABASE_URL): PrismaClient {
  if (!databaseUrl) throw new Error("createDb: DATABASE_URL is not set");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

// One client per process: Next.js dev reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { canaryDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.canaryDb ??= createDb();
  return globalForDb.canaryDb;
}
