import { Prisma, type Db, type Tx } from "../db/index.ts";
import { listDeploymentsQuerySchema, type ListDeploymentsQuery } from "./schemas.ts";

/** The history of promotions and rollbacks, newest first, one page at a time. */
export async function listDeployments(db: Db | Tx, query: Partial<ListDeploymentsQuery> = {}) {
  const { page, pageSize, environment, model, action } = listDeploymentsQuerySchema.parse(query);
  const where: Prisma.DeploymentWhereInput = {
    ...(environment ? { environment: { name: environment } } : {}),
    ...(model ? { modelVersion: { model: { name: model } } } : {}),
    ...(action ? { action } : {}),
  };
  const [rows, total] = await Promise.all([
    db.deployment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        environment: { select: { name: true } },
        modelVersion: { select: { version: true, model: { select: { name: true } } } },
        previousVersion: { select: { version: true } },
        actor: { select: { email: true } },
      },
    }),
    db.deployment.count({ where }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    environment: row.environment.name,
    model: row.modelVersion.model.name,
    version: row.modelVersion.version,
    fromVersion: row.previousVersion?.version ?? null,
    action: row.action,
    reason: row.reason,
    actor: row.actor.email,
    createdAt: row.createdAt,
  }));
  return { items, total, page, pageSize };
}
