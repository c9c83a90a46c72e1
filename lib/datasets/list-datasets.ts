import { Prisma, type Tx } from "../db/index.ts";
import type { DatasetSummary } from "./dataset-view.ts";
import { loadDatasetSummaries } from "./load-dataset-summaries.ts";
import { listDatasetsQuerySchema, type ListDatasetsQuery } from "./schemas.ts";

export interface DatasetPage {
  items: DatasetSummary[];
  total: number;
  page: number;
  pageSize: number;
}

// Sort keys to SQL, from a fixed list: nothing from the query string reaches ORDER BY as text.
const ORDER_COLUMNS = {
  name: Prisma.sql`d."name"`,
  createdAt: Prisma.sql`d."createdAt"`,
  updatedAt: Prisma.sql`d."updatedAt"`,
  versionCount: Prisma.sql`d."versionCount"`,
} as const;

/**
 * One page of datasets, filtered, sorted and paged in the database; every order ends on `id`, so
 * pages never overlap. Every sort key has an index (versionCount is a stored column kept in step by
 * uploads), so a page reads only the rows it returns.
 */
export async function listDatasets(db: Tx, query: Partial<ListDatasetsQuery> = {}): Promise<DatasetPage> {
  const { page, pageSize, sort, order, q, consentBasis, intendedUse } = listDatasetsQuerySchema.parse(query);
  const conditions: Prisma.Sql[] = [];
  if (consentBasis) conditions.push(Prisma.sql`d."consentBasis" = ${consentBasis}::"ConsentBasis"`);
  if (intendedUse) conditions.push(Prisma.sql`d."intendedUse" = ${intendedUse}::"IntendedUse"`);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(d."name" ILIKE ${pattern} OR d."description" ILIKE ${pattern} OR d."source" ILIKE ${pattern})`);
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const direction = order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT d."id" FROM "Dataset" d ${where}
      ORDER BY ${ORDER_COLUMNS[sort]} ${direction}, d."id" ${direction}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS "total" FROM "Dataset" d ${where}`,
  ]);
  return { items: await loadDatasetSummaries(db, rows.map((row) => row.id)), total, page, pageSize };
}
