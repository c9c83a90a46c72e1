import type { Tx } from "../../db/index.ts";

/** The `leakage_audit` subject of a cancelled job (lib/queue cancelJob): the audit is marked cancelled. */
export async function cancelAuditSubject(tx: Tx, auditId: string): Promise<void> {
  await tx.leakageAudit.updateMany({ where: { id: auditId, status: { in: ["queued", "active"] } }, data: { status: "cancelled", finishedAt: new Date() } });
}
