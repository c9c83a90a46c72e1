export { createDb, getDb, type Db, type Tx } from "./client.ts";
export * from "./generated/enums.ts";
export { Prisma } from "./generated/client.ts";
export type * from "./generated/models.ts";
export { ADVISORY_LOCK_CLASSES, ADVISORY_LOCK_KEYS } from "./advisory-locks.ts";
export { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
export { applyMigrations, readLocalMigrations } from "./migrate.ts";
