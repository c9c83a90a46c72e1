import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { readLocalMigrations } from "./migrate.ts";

// Test support, not product code: Prisma's own schema engine, compiled to WebAssembly and shipped in
// @prisma/schema-engine-wasm (a dependency of prisma), driven through @prisma/adapter-pg. The tests use it
// as an independent referee: it must accept what the offline runner wrote to _prisma_migrations, and find
// nothing to change between the migrated database and schema.prisma. It reaches into unexported
// package files, so a Prisma upgrade may need this loader adjusted.

export interface PrismaWasmEngine {
  /** What `prisma migrate deploy` would apply now; applies it too. */
  applyMigrations(migrationsDir: string): Promise<string[]>;
  /** `prisma migrate status` in substance: edited, failed, unapplied migrations. */
  diagnoseMigrationHistory(migrationsDir: string): Promise<{
    editedMigrationNames: string[];
    failedMigrationNames: string[];
    hasMigrationsTable: boolean;
    history: unknown;
  }>;
  /** `prisma migrate diff --from-config-datasource --to-schema --script`: SQL that would make the database match, "" when it already does. */
  diffDatabaseToSchema(schemaText: string): Promise<string>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const filters = { externalTables: [], externalEnums: [] };
let engineClass: Promise<{ new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<any> }> | undefined;

export async function createPrismaWasmEngine(databaseUrl: string, schemaText: string): Promise<PrismaWasmEngine> {
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const pools: Array<{ end(): Promise<void> }> = [];
  const adapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = (await factory.connect()) as any;
      pools.push(adapter.client);
      // adapter-pg splits scripts on ";", which breaks plpgsql bodies; the native engine sends the whole
      // script as one simple query, so do the same.
      adapter.executeScript = async (script: string) => {
        try {
          await adapter.client.query(script);
        } catch (error) {
          adapter.onError(error);
        }
      };
      // Prisma's describer reads pg_catalog "char" columns (OID 18), which adapter-pg has no mapping for.
      const performIO = adapter.performIO.bind(adapter);
      adapter.performIO = async (query: unknown) => {
        const result = await performIO(query);
        for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
        return result;
      };
      return adapter;
    },
    async connectToShadowDb() {
      throw new Error("createPrismaWasmEngine: shadow databases are not used here");
    },
  };
  const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
  const SchemaEngine = await loadEngineClass();
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );

  const migrationsList = (migrationsDir: string) => {
    const lockfile = path.join(migrationsDir, "migration_lock.toml");
    return {
      baseDir: migrationsDir,
      lockfile: { path: "migration_lock.toml", content: readFileSync(lockfile, "utf8") },
      shadowDbInitScript: "",
      migrationDirectories: readLocalMigrations(migrationsDir).map((m) => ({
        path: m.name,
        migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.script } },
      })),
    };
  };

  return {
    async applyMigrations(migrationsDir) {
      const out = await engine.applyMigrations({ migrationsList: migrationsList(migrationsDir), filters });
      return out.appliedMigrationNames;
    },
    async diagnoseMigrationHistory(migrationsDir) {
      return engine.diagnoseMigrationHistory({ migrationsList: migrationsList(migrationsDir), optInToShadowDatabase: false, filters });
    },
    async diffDatabaseToSchema(target) {
      const datasource = { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: schemaText }], configDir: process.cwd() };
      const out = await engine.diff({
        from: datasource,
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: target }] },
        script: true,
        exitCode: null,
        filters,
      });
      return (out.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
    },
    async close() {
      engine.free?.();
      await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    },
  };
}

function loadEngineClass() {
  engineClass ??= (async () => {
    // Same steps as @prisma/internals' wasmSchemaEngineLoader, whose wasm path does not exist in the npm package.
    const runtime: any = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmFile)), { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}
