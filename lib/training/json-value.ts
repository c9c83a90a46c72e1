import type { Prisma } from "../db/index.ts";

/** A value as Prisma's JSON column input (the run's progress, the ledger's σ, q, steps history). */
export const json = (value: unknown) => value as Prisma.InputJsonValue;
