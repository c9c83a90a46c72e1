import { Prisma, type Db, type Tx } from "../db/index.ts";
import { listScorecardsQuerySchema, type ListScorecardsQuery } from "./schemas.ts";

export interface ScorecardListItem {
  id: string;
  modelVersionId: string;
  model: string;
  version: number;
  grade: string;
  snapshotHash: string;
  reason: string;
  createdAt: Date;
  decision: "approved" | "rejected" | null;
  /** An earlier snapshot of this version was approved: the approval no longer counts. */
  invalidated: boolean;
}

/**
 * The latest snapshot of every model version, newest first, filtered by sign-off state, grade and
 * model name, one page at a time (the compliance officer's review queue is `status=awaiting`).
 */
export async function listScorecards(db: Db | Tx, query: Partial<ListScorecardsQuery> = {}) {
  const { page, pageSize, status, grade, q, model, version } = listScorecardsQuerySchema.parse(query);
  const conditions: Prisma.Sql[] = [];
  if (status === "awaiting") conditions.push(Prisma.sql`d."decision" IS NULL`);
  if (status === "approved" || status === "rejected") conditions.push(Prisma.sql`d."decision" = ${status}::"Decision"`);
  if (status === "invalidated") conditions.push(Prisma.sql`d."decision" IS NULL AND x."invalidated"`);
  if (grade) conditions.push(Prisma.sql`l."grade" = ${grade}`);
  if (model) conditions.push(Prisma.sql`m."name" = ${model}`);
  if (version) conditions.push(Prisma.sql`mv."version" = ${version}`);
  if (q) conditions.push(Prisma.sql`m."name" ILIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const from = Prisma.sql`
    FROM (
      SELECT DISTINCT ON (s."modelVersionId") s."id", s."modelVersionId", s."grade", s."snapshotHash", s."reason", s."createdAt"
      FROM "Scorecard" s ORDER BY s."modelVersionId", s."createdAt" DESC, s."id" DESC
    ) l
    JOIN "ModelVersion" mv ON mv."id" = l."modelVersionId"
    JOIN "Model" m ON m."id" = mv."modelId"
    LEFT JOIN LATERAL (
      SELECT a."decision" FROM "Approval" a WHERE a."scorecardId" = l."id" AND a."snapshotHash" = l."snapshotHash" ORDER BY a."createdAt" DESC LIMIT 1
    ) d ON true
    CROSS JOIN LATERAL (
      SELECT EXISTS (
        SELECT 1 FROM "Approval" a JOIN "Scorecard" s ON s."id" = a."scorecardId"
        WHERE s."modelVersionId" = l."modelVersionId" AND s."id" <> l."id" AND a."decision" = 'approved'
      ) AS "invalidated"
    ) x
    ${where}`;
  const [items, [{ total }]] = await Promise.all([
    db.$queryRaw<ScorecardListItem[]>`
      SELECT l."id", l."modelVersionId", m."name" AS "model", mv."version", l."grade", l."snapshotHash", l."reason", l."createdAt",
             d."decision"::text AS "decision", x."invalidated"
      ${from}
      ORDER BY l."createdAt" DESC, l."id" DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS "total" ${from}`,
  ]);
  return { items, total, page, pageSize };
}
