import type { Tx } from "../../db/index.ts";

/** The `scan` subject of a cancelled job (lib/queue cancelJob): the Scan row is marked cancelled. */
export async function cancelScanSubject(tx: Tx, scanId: string): Promise<void> {
  await tx.scan.updateMany({ where: { id: scanId, status: { in: ["queued", "active"] } }, data: { status: "cancelled", finishedAt: new Date() } });
}
