import type { Db, Tx } from "../db/index.ts";
import { loadSignOffs } from "../scorecard/index.ts";

/**
 * The version a drifting deployment should go back to: the newest version older than `version`
 * that was approved and not rejected since. Null when there is none.
 */
export async function suggestRollbackTarget(db: Db | Tx, modelId: string, version: number) {
  const earlier = await db.modelVersion.findMany({ where: { modelId, version: { lt: version } }, orderBy: { version: "desc" }, select: { id: true, version: true } });
  const signOffs = await loadSignOffs(db, earlier.map((v) => v.id));
  const target = earlier.find((v) => signOffs.get(v.id)!.everApproved && signOffs.get(v.id)!.status !== "rejected");
  return target ? { modelVersionId: target.id, version: target.version, scorecardId: signOffs.get(target.id)!.latest?.id ?? null } : null;
}
