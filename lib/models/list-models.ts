import type { Db, Prisma } from "../db/index.ts";
import { type GuaranteeStatus, guaranteeStatusOf } from "./model-view.ts";
import type { ListModelsQuery } from "./schemas.ts";

export interface ModelSummary {
  name: string;
  description: string;
  owner: string;
  updatedAt: Date;
  versionCount: number;
  latest: { version: number; source: string; epsilon: number | null; delta: number | null; accuracy: number | null; guarantee: GuaranteeStatus } | null;
}

export interface ModelPage {
  items: ModelSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Models, one page, with each one's latest version (ε and accuracy). */
export async function listModels(db: Db, query: ListModelsQuery): Promise<ModelPage> {
  const where: Prisma.ModelWhereInput = query.q
    ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }] }
    : {};
  const [total, rows] = await Promise.all([
    db.model.count({ where }),
    db.model.findMany({
      where,
      orderBy: [{ [query.sort]: query.order }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        owner: { select: { email: true } },
        _count: { select: { versions: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, source: true, guaranteeSource: true, epsilon: true, delta: true, metrics: true } },
      },
    }),
  ]);
  const items = rows.map((row): ModelSummary => {
    const latest = row.versions[0];
    const accuracy = (latest?.metrics as { accuracy?: unknown } | undefined)?.accuracy;
    return {
      name: row.name,
      description: row.description,
      owner: row.owner.email,
      updatedAt: row.updatedAt,
      versionCount: row._count.versions,
      latest: latest
        ? {
            version: latest.version,
            source: latest.source,
            epsilon: latest.epsilon,
            delta: latest.delta,
            accuracy: typeof accuracy === "number" ? accuracy : null,
            guarantee: guaranteeStatusOf(latest.guaranteeSource),
          }
        : null,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
