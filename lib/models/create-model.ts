import { appendAuditLog } from "../audit-log/index.ts";
import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { getModel, type ModelDetail } from "./get-model.ts";
import { createModelSchema } from "./schemas.ts";

/** Creates an empty model (versions come from training or upload). @throws AppError conflict when the name is taken. */
export async function createModel(db: Db, principal: Principal, input: unknown): Promise<ModelDetail> {
  const { name, description } = createModelSchema.parse(input);
  await db.$transaction(async (tx) => {
    if (await tx.model.findUnique({ where: { name }, select: { id: true } })) throw new AppError("conflict", `a model named "${name}" already exists`, { field: "name" });
    const model = await tx.model.create({ data: { name, description, ownerId: principal.userId } });
    await appendAuditLog(tx, { actor: { id: principal.userId, label: principal.label }, action: "model.create", targetType: "model", targetId: model.id, details: { name } });
  });
  return getModel(db, name, principal);
}
