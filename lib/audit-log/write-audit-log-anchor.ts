import type { Db } from "../db/index.ts";
import { anchorKey, readAnchor, signAnchor, storeAnchor, type AuditLogAnchor, type AuditLogAnchorOptions } from "./anchor.ts";

/**
 * Signs the committed head of the chain and stores it as the anchor. It never moves the anchor back nor
 * over a chain that no longer holds it: a cut tail, a rebuilt chain or a forged anchor keep the old
 * anchor, so verification keeps failing until someone looks. Returns the anchor in place afterwards
 * (undefined without a key or entries).
 */
export async function writeAuditLogAnchor(db: Db, options: AuditLogAnchorOptions = {}): Promise<AuditLogAnchor | undefined> {
  const key = anchorKey(options);
  if (!key) return undefined;
  const head = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const current = await readAnchor(options, key);
  if (current) {
    if (!current.signatureValid) return current.anchor;
    const anchoredSeq = BigInt(current.anchor.seq);
    if (!head || head.seq <= anchoredSeq) return current.anchor;
    const anchored = await db.auditLogEntry.findUnique({ where: { seq: anchoredSeq }, select: { hash: true } });
    if (anchored?.hash !== current.anchor.hash) return current.anchor;
  }
  if (!head) return undefined;
  const anchor = signAnchor({ seq: head.seq.toString(), hash: head.hash, signedAt: new Date().toISOString() }, key);
  await storeAnchor(anchor, options);
  return anchor;
}
