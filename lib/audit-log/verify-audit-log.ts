import type { Db } from "../db/index.ts";
import { anchorKey, readAnchor, type AuditLogAnchor, type AuditLogAnchorOptions } from "./anchor.ts";
import { canonicalSha256, entryHash, GENESIS_HASH } from "./hash.ts";

export interface AuditLogVerification {
  ok: boolean;
  entriesChecked: number;
  /** The first entry that does not hold, and why; absent when the chain is whole. */
  firstBroken?: { seq: string; reason: string };
  /** The signed head kept outside the database; null without a key (CANARY_AUDIT_ANCHOR_KEY) or before the first anchor. */
  anchor: (AuditLogAnchor & { signatureValid: boolean }) | null;
  /** When the chain ends before the anchored entry: the sequence numbers after its last entry through the anchored one. */
  missingEntries: { afterSeq: string; throughSeq: string } | null;
}

const PAGE_SIZE = 1000;

/**
 * Walks the chain in order and names the first entry whose digest, hash or link does not hold, then holds
 * the chain against the signed anchor (anchor.ts): the anchored entry must still be there with its hash.
 * Runs in O(n).
 */
export async function verifyAuditLog(db: Db, options: AuditLogAnchorOptions = {}): Promise<AuditLogVerification> {
  const key = anchorKey(options);
  const stored = key ? await readAnchor(options, key) : undefined;
  const anchor = stored ? { ...stored.anchor, signatureValid: stored.signatureValid } : null;
  let checked = 0;
  const result = (firstBroken?: { seq: string; reason: string }, missingEntries: AuditLogVerification["missingEntries"] = null): AuditLogVerification => ({
    ok: firstBroken === undefined,
    entriesChecked: checked,
    ...(firstBroken ? { firstBroken } : {}),
    anchor,
    missingEntries,
  });
  if (anchor && !anchor.signatureValid) {
    return result({ seq: anchor.seq, reason: "the anchor's signature does not hold: it was not written with this key" });
  }
  const anchoredSeq = anchor ? BigInt(anchor.seq) : undefined;
  let prevHash = GENESIS_HASH;
  let lastSeq: bigint | undefined;
  let cursor: bigint | undefined;
  for (;;) {
    const page = await db.auditLogEntry.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    });
    for (const entry of page) {
      const broken = (reason: string) => result({ seq: entry.seq.toString(), reason });
      if (entry.prevHash !== prevHash) return broken("prevHash does not match the previous entry's hash");
      if (canonicalSha256(entry.details) !== entry.digest) return broken("details do not match their digest");
      if (entryHash(entry) !== entry.hash) return broken("hash does not match the entry's contents");
      if (anchoredSeq !== undefined && entry.seq === anchoredSeq && entry.hash !== anchor!.hash) {
        return broken("hash differs from the signed anchor's: the chain was rewritten");
      }
      if (anchoredSeq !== undefined && entry.seq > anchoredSeq && (lastSeq === undefined || lastSeq < anchoredSeq)) {
        return broken(`the anchored entry ${anchoredSeq} is missing: the chain was rewritten`);
      }
      prevHash = entry.hash;
      lastSeq = entry.seq;
      checked += 1;
    }
    if (page.length < PAGE_SIZE) break;
    cursor = page[page.length - 1]!.seq;
  }
  if (anchoredSeq !== undefined && (lastSeq === undefined || lastSeq < anchoredSeq)) {
    const last = lastSeq?.toString() ?? "0";
    return result(
      { seq: anchor!.seq, reason: `the chain ends at entry ${last}, before the anchored entry ${anchor!.seq}: its tail was removed` },
      { afterSeq: last, throughSeq: anchor!.seq },
    );
  }
  return result();
}
