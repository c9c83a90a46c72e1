import type { Db, Prisma } from "../db/index.ts";
import { FINDING_VIEW_SELECT, type FindingView } from "./finding-view.ts";
import { listFindingsQuerySchema, type ListFindingsQuery } from "./schemas.ts";

export interface FindingPage {
  items: FindingView[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One page of findings, filtered by version, scan, type, severity and status. Severity sorts by
 * rank (the enum's order, info < … < critical), worst first by default; ties by newest.
 */
export async function listFindings(db: Db, query: ListFindingsQuery = {}): Promise<FindingPage> {
  const { page, pageSize, sort, order, datasetVersionId, scanId, type, severity, status } = listFindingsQuerySchema.parse(query);
  const where: Prisma.FindingWhereInput = { datasetVersionId, scanId, type, severity, status };
  const [items, total] = await Promise.all([
    db.finding.findMany({
      where,
      orderBy: [{ [sort]: order }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: FINDING_VIEW_SELECT,
    }),
    db.finding.count({ where }),
  ]);
  return { items, total, page, pageSize };
}
