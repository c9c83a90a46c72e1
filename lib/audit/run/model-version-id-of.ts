import type { Db } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";

/** The id of model `name`'s version `version`. @throws AppError not_found */
export async function modelVersionIdOf(db: Db, name: string, version: number): Promise<string> {
  const row = await db.modelVersion.findFirst({ where: { model: { name }, version }, select: { id: true } });
  if (!row) throw new AppError("not_found", `model "${name}" has no version ${version}`, { name, version });
  return row.id;
}
