import { Prisma } from "../db/index.ts";

/**
 * True for a unique-constraint violation (P2002), optionally of the constraint whose last column
 * is `field` (Prisma names them `Model_col1_col2_key`; the pg adapter reports the index name).
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (field === undefined) return true;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(`_${field}_key`) || meta.includes(`"${field}"`);
}
