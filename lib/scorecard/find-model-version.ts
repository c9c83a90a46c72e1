import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";

/** A model version by its model's name and number. @throws AppError "not_found" naming what is missing */
export async function findModelVersion(db: Db | Tx, modelName: string, version: number) {
  const row = await db.modelVersion.findFirst({ where: { model: { name: modelName }, version }, include: { model: { select: { id: true, name: true } } } });
  if (row) return row;
  const model = await db.model.findUnique({ where: { name: modelName }, select: { id: true } });
  throw new AppError("not_found", model ? `model "${modelName}" has no version ${version}` : `model "${modelName}" not found`);
}
