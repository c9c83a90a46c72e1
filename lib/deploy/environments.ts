import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";

/** Every installation has these; the seed script and the deployments page make sure of it. */
export const DEFAULT_ENVIRONMENTS = ["staging", "production"] as const;

export async function ensureEnvironments(db: Db): Promise<void> {
  for (const name of DEFAULT_ENVIRONMENTS) await db.environment.upsert({ where: { name }, create: { name }, update: {} });
}

/** @throws AppError "not_found" naming the environments that exist */
export async function findEnvironment(db: Db | Tx, name: string) {
  const environment = await db.environment.findUnique({ where: { name } });
  if (environment) return environment;
  const names = (await db.environment.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((e) => e.name);
  throw new AppError("not_found", `environment "${name}" not found; environments: ${names.join(", ") || "none"}`);
}

/** What each environment runs now: per model, the version of its newest deployment. */
export async function currentDeployments(db: Db | Tx, filter: { environmentId?: string; modelId?: string } = {}) {
  return db.$queryRaw<{ id: string; environmentId: string; environment: string; modelId: string; model: string; modelVersionId: string; version: number; action: string; reason: string; createdAt: Date; actor: string }[]>`
    SELECT DISTINCT ON (d."environmentId", v."modelId")
      d."id", d."environmentId", e."name" AS "environment", v."modelId", m."name" AS "model", d."modelVersionId", v."version",
      d."action"::text AS "action", d."reason", d."createdAt", u."email" AS "actor"
    FROM "Deployment" d
    JOIN "Environment" e ON e."id" = d."environmentId"
    JOIN "ModelVersion" v ON v."id" = d."modelVersionId"
    JOIN "Model" m ON m."id" = v."modelId"
    JOIN "User" u ON u."id" = d."actorId"
    WHERE (${filter.environmentId ?? null}::text IS NULL OR d."environmentId" = ${filter.environmentId ?? null})
      AND (${filter.modelId ?? null}::text IS NULL OR v."modelId" = ${filter.modelId ?? null})
    ORDER BY d."environmentId", v."modelId", d."createdAt" DESC, d."id" DESC`;
}
